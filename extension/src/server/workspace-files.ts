import * as fs from 'node:fs';
import * as path from 'node:path';
import { readRegularFile } from '../../../eslint-plugin/src/project/read-file';
import { GitIgnore } from './gitignore';
import { isLintablePath } from './lintable';

/** Never linted by "Lint Workspace", whatever `.gitignore` says. */
const ALWAYS_SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.git']);

/**
 * Build output (`next export`, `next build` with a custom distDir, other tools)
 * when it sits in the workspace folder or a project root (a folder with a
 * package.json). Deeper down, `app/build/page.tsx` is a route like any other.
 */
const BUILD_OUTPUT_FOLDERS = new Set(['out', 'build']);

function isBuildOutput(name: string, parent: string, root: string): boolean {
  return BUILD_OUTPUT_FOLDERS.has(name) && (parent === root || fs.existsSync(path.join(parent, 'package.json')));
}

interface IgnoreScope {
  /** The folder holding the `.gitignore`. */
  base: string;
  gitignore: GitIgnore;
}

/**
 * Real `.gitignore` files are a few kilobytes; matching costs path length ×
 * pattern length for each path, so a huge one is skipped rather than slowing
 * every file of the walk.
 */
export const MAX_GITIGNORE_BYTES = 100_000;

function readGitIgnore(folder: string, root: string): IgnoreScope | undefined {
  const read = readRegularFile(path.join(folder, '.gitignore'), { root, maxBytes: MAX_GITIGNORE_BYTES });
  return read.ok ? { base: folder, gitignore: new GitIgnore(read.text) } : undefined;
}

/** As git decides: the deepest `.gitignore` with a matching rule wins, so `!keep.ts` in a subfolder re-includes. */
function isIgnored(scopes: readonly IgnoreScope[], fullPath: string, isDirectory: boolean): boolean {
  for (let index = scopes.length - 1; index >= 0; index--) {
    const scope = scopes[index]!;
    const decision = scope.gitignore.decide(path.relative(scope.base, fullPath).split(path.sep).join('/'), isDirectory);
    if (decision !== undefined) return decision;
  }
  return false;
}

/** Lets other requests (and `$/cancelRequest`) in when the walk has run this long without a break. */
const YIELD_EVERY_MS = 10;

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Every lintable file under `root`, skipping `node_modules`, `.next`, the
 * `out` and `build` folders of project roots, and whatever the `.gitignore`
 * files on the way exclude. Symbolic links are not followed (they can loop).
 * The walk gives the event loop a turn every few milliseconds and stops as
 * soon as `isCancelled()` says so.
 */
export async function* findLintableFiles(root: string, isCancelled: () => boolean = () => false): AsyncGenerator<string> {
  const pending: Array<{ folder: string; scopes: IgnoreScope[] }> = [{ folder: root, scopes: [] }];
  let lastYield = performance.now();
  while (pending.length > 0 && !isCancelled()) {
    const { folder, scopes: parentScopes } = pending.pop()!;
    const own = readGitIgnore(folder, root);
    const scopes = own === undefined ? parentScopes : [...parentScopes, own];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        lastYield = performance.now();
        if (isCancelled()) return;
      }
      const fullPath = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        const skipped = ALWAYS_SKIPPED_FOLDERS.has(entry.name) || isBuildOutput(entry.name, folder, root);
        if (!skipped && !isIgnored(scopes, fullPath, true)) {
          pending.push({ folder: fullPath, scopes });
        }
      } else if (entry.isFile() && isLintablePath(entry.name) && !isIgnored(scopes, fullPath, false)) {
        yield fullPath;
      }
    }
  }
}
