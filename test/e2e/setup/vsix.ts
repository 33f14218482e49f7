import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, VSIX_PATH } from './paths';
import { runCommand } from './run-command';

// Everything that ends up in the VSIX; a change to any of these means it must be rebuilt.
const VSIX_INPUTS = ['extension/src', 'eslint-plugin/src', 'package.json', 'esbuild.js', '.vscodeignore', 'README.md', 'LICENSE', 'CHANGELOG.md', 'extension/images', 'extension/README.md'];

function newestChange(fullPath: string): number {
  if (!existsSync(fullPath)) return 0;
  const stat = statSync(fullPath);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(fullPath).map((entry) => newestChange(path.join(fullPath, entry))));
}

/** Builds next-db.vsix with `npm run package` when it is missing or older than its sources. */
export async function ensureVsix(): Promise<string> {
  const sourcesChanged = Math.max(...VSIX_INPUTS.map((input) => newestChange(path.join(REPO_ROOT, input))));
  if (existsSync(VSIX_PATH) && statSync(VSIX_PATH).mtimeMs >= sourcesChanged) return VSIX_PATH;

  console.log('[e2e] building next-db.vsix with `npm run package`');
  await runCommand('npm', ['run', 'package'], { cwd: REPO_ROOT });
  if (!existsSync(VSIX_PATH)) throw new Error(`\`npm run package\` did not produce ${VSIX_PATH}`);
  return VSIX_PATH;
}
