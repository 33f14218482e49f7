import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of PostgreSQL that counts the connections
 * going through it: how many are open, the most open at once, and how many
 * were ever opened. It forwards bytes untouched.
 */
export class CountingProxy {
  active = 0;
  peak = 0;
  opened = 0;
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static start(targetHost: string, targetPort: number): Promise<CountingProxy> {
    return new Promise((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        const address = server.address();
        if (address === null || typeof address !== 'object') return reject(new Error('The proxy got no port'));
        const proxy = new CountingProxy(server, address.port);
        server.on('connection', (client) => proxy.forward(client, targetHost, targetPort));
        resolve(proxy);
      });
    });
  }

  /** Starts counting afresh (open connections are kept). */
  resetCounts(): void {
    this.peak = this.active;
    this.opened = 0;
  }

  private forward(client: Socket, targetHost: string, targetPort: number): void {
    this.opened += 1;
    this.active += 1;
    this.peak = Math.max(this.peak, this.active);
    const upstream = connect(targetPort, targetHost);
    this.sockets.add(client).add(upstream);
    let closed = false;
    const closeBoth = () => {
      if (closed) return;
      closed = true;
      this.active -= 1;
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', closeBoth).on('close', closeBoth);
    upstream.on('error', closeBoth).on('close', closeBoth);
    client.pipe(upstream);
    upstream.pipe(client);
  }

  /** Closes every forwarded connection and stops listening. */
  close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
