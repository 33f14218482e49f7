import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBrowser } from './browser';
import { startCodeServer } from './code-server';
import { ensureHost } from './host';
import { ensureSystemPackages } from './system-packages';
import { clearPreviousResults, keepLogs } from './test-results';
import { ensureVsix } from './vsix';

declare module 'vitest' {
  export interface ProvidedContext {
    /** code-server's base URL, e.g. http://127.0.0.1:41234 */
    codeServerUrl: string;
    /** Playwright's endpoint for the one shared Chromium. */
    browserWsEndpoint: string;
    /** A temp dir where each scenario makes its own copy of the example app. */
    workspacesDir: string;
    /** code-server's logs (the extension host's and each extension's), for the cold-start breakdown. */
    codeServerLogsDir: string;
  }
}

/**
 * Prepares everything once for all scenarios: system packages, the code-server host, the
 * VSIX, then ONE code-server and ONE browser. The returned teardown stops both by PID.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  clearPreviousResults();
  await ensureSystemPackages(['chromium']);
  await ensureHost();
  const vsixPath = await ensureVsix();

  const stateDir = mkdtempSync(path.join(tmpdir(), 'next-db-e2e-'));
  const stops: Array<() => Promise<void>> = [];
  const teardown = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => console.error('[e2e] teardown:', error));
    keepLogs(path.join(stateDir, 'code-server'));
    rmSync(stateDir, { recursive: true, force: true });
  };

  try {
    const started = performance.now();
    const codeServer = await startCodeServer(path.join(stateDir, 'code-server'), vsixPath);
    stops.push(codeServer.stop);
    const browser = await startBrowser(path.join(stateDir, 'browser'));
    stops.push(browser.stop);
    console.log(`[e2e] code-server (pid ${codeServer.pid}) at ${codeServer.url} and Chromium ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    project.provide('codeServerUrl', codeServer.url);
    project.provide('browserWsEndpoint', browser.wsEndpoint);
    project.provide('workspacesDir', path.join(stateDir, 'workspaces'));
    project.provide('codeServerLogsDir', path.join(stateDir, 'code-server/user-data/logs'));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
