import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { TEST_RESULTS_DIR } from './paths';

/** Removes the previous E2E run's screenshots and logs (only ours: `test-results/e2e-*`). */
export function clearPreviousResults(): void {
  if (!existsSync(TEST_RESULTS_DIR)) return;
  for (const entry of readdirSync(TEST_RESULTS_DIR)) {
    if (entry.startsWith('e2e-')) rmSync(path.join(TEST_RESULTS_DIR, entry), { recursive: true, force: true });
  }
}

/** Keeps code-server's log and VS Code's logs (extension host, next-db output) for the next look. */
export function keepLogs(codeServerStateDir: string): void {
  const target = path.join(TEST_RESULTS_DIR, 'e2e-logs');
  for (const name of ['code-server.log', 'user-data/logs']) {
    const source = path.join(codeServerStateDir, name);
    if (existsSync(source)) cpSync(source, path.join(target, path.basename(name)), { recursive: true });
  }
}
