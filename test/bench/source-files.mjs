// The files the lint-cost benchmark lints in a folder: what `eslint .` would
// pick up in a Next.js app (JS and TS sources), minus build output and
// dependencies.
import * as fs from 'node:fs';
import * as path from 'node:path';

const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', 'dist', 'build', 'out', 'coverage']);
/** Larger files are generated or minified; ESLint configs usually ignore them. */
const MAX_BYTES = 1_000_000;

/** Regular JS/TS source files under `dir` (no symlinks, no `.d.ts`, no dot folders), sorted. */
export function listSourceFiles(dir) {
  const files = [];
  const pending = [dir];
  while (pending.length > 0) {
    const current = pending.pop();
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_FOLDERS.has(entry.name)) pending.push(full);
      } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') && fs.statSync(full).size <= MAX_BYTES) {
        files.push(full);
      }
    }
  }
  return files.sort();
}

/** `count` files spread evenly over the sorted list (all of them when there are fewer): the same sample every run. */
export function sampleEvenly(files, count) {
  if (count === undefined || files.length <= count) return files;
  return Array.from({ length: count }, (_, index) => files[Math.floor((index * files.length) / count)]);
}
