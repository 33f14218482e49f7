/** A PostgreSQL server the integration tests started and must stop. */
export interface PostgresServer {
  /** Which binaries run it. */
  source: 'debian' | 'embedded';
  /** Superuser connection string on 127.0.0.1. */
  superuserUrl: string;
  /** Stops the server and removes its temp folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Server settings from the spec: loopback only, a small connection limit so a
 * pool per request exhausts it, and no fsync for a throwaway cluster. Unix
 * sockets are off because the default socket folder may not exist here.
 */
export const SERVER_SETTINGS: Readonly<Record<string, string>> = {
  listen_addresses: '127.0.0.1',
  max_connections: '20',
  fsync: 'off',
  unix_socket_directories: '',
};

export function settingsAsFlags(): string[] {
  return Object.entries(SERVER_SETTINGS).flatMap(([name, value]) => ['-c', `${name}=${value}`]);
}

export function superuserUrl(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}
