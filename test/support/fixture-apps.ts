import * as fs from 'node:fs';
import * as path from 'node:path';

export const FIXTURES_DIR = path.join(__dirname, '..', 'fixtures');
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.next', 'dist']);

export interface FixtureFile {
  /** The app root the file is linted from (the folder holding its package.json). */
  appRoot: string;
  filePath: string;
}

function walk(dir: string, appRoot: string, out: FixtureFile[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true });
  // A folder with its own package.json is an app of its own: lint its files from there.
  const root = entries.some((entry) => entry.isFile() && entry.name === 'package.json') ? dir : appRoot;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory() && !SKIPPED_FOLDERS.has(entry.name)) walk(full, root, out);
    else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !/(?:^|\.)config\.[cm]?[jt]s$/.test(entry.name)) {
      out.push({ appRoot: root, filePath: full });
    }
  }
}

/** Every JS/TS source file in the fixture apps under `dir`, with the app root to lint it from. */
export function listFixtureFiles(dir = FIXTURES_DIR): FixtureFile[] {
  const files: FixtureFile[] = [];
  walk(dir, dir, files);
  return files.sort((a, b) => a.filePath.localeCompare(b.filePath));
}
