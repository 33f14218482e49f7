import { getFreePort } from '../../support/free-port';
import { startProcess, type StartedProcess } from '../processes';
import type { NextApp } from './next-app';
import { NEXT_BIN, nextEnv } from './next-command';

export interface NextServer {
  origin: string;
  process: StartedProcess;
  stop(): Promise<void>;
}

/** Starts `next start` for a built app on a free loopback port and waits until it answers. */
export async function startNextServer(app: NextApp, timeoutMs = 60_000): Promise<NextServer> {
  const port = await getFreePort();
  const server = startProcess(process.execPath, [NEXT_BIN, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: app.dir,
    env: nextEnv(app),
  });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`next start exited early:\n${server.output}`);
    }
    try {
      await fetch(`${origin}/`, { signal: AbortSignal.timeout(2_000) });
      return { origin, process: server, stop: () => server.stop() };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  await server.stop();
  throw new Error(`next start did not answer within ${timeoutMs} ms:\n${server.output}`);
}

/** GETs a page and returns its HTML (failing on a non-200 status). */
export async function fetchPage(server: NextServer, route: string): Promise<string> {
  const response = await fetch(`${server.origin}${route}`, { signal: AbortSignal.timeout(30_000) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${route} answered ${response.status}:\n${html.slice(0, 2_000)}`);
  return html;
}
