import { chromium, type BrowserServer } from 'playwright-core';
import { isolatedHomeEnv } from './isolated-home';
import { CHROMIUM_PATH } from './system-packages';

export interface BrowserHost {
  wsEndpoint: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's Chromium headless behind a Playwright browser server, so every test file
 * can connect to the same browser. Playwright gives it a fresh temporary profile, and HOME
 * points into `stateDir`.
 */
export async function startBrowser(stateDir: string): Promise<BrowserHost> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // Chromium keeps crash reports and dconf state under HOME/XDG even with its own profile.
    env: { ...process.env, ...isolatedHomeEnv(stateDir) },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    wsEndpoint: server.wsEndpoint(),
    async stop() {
      // close() also removes the temporary profile; kill() ends Chromium by its PID if close() hangs.
      const closed = server.close().then(() => true);
      const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000));
      if (!(await Promise.race([closed, timedOut]))) await server.kill();
    },
  };
}
