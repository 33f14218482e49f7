import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

export const REPOSITORY_ROOT = path.resolve(import.meta.dirname, '../..');
export const FIXTURES = path.join(REPOSITORY_ROOT, 'test/fixtures');

/**
 * A fresh scratch folder under test/.tmp/ (gitignored). It is inside the
 * repository on purpose: code placed there resolves packages from the root
 * node_modules, as an installed app would.
 */
export function createScratchDir(name: string): { dir: string; remove(): void } {
  const dir = path.join(REPOSITORY_ROOT, 'test/.tmp/integration', `${name}-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    remove() {
      if (process.env.NEXT_DB_KEEP_TMP !== '1') rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
