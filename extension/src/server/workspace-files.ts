import * as fs from 'node:fs';
import * as path from 'node:path';
import { GitIgnore } from './gitignore';
import { isLintablePath } from './lintable';

/** Never linted by "Lint Workspace", whatever `.gitignore` says. */
export const ALWAYS_SKIPPED_FOLDERS = new Set(['node_modules', '.next', '.git']);

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

function readGitIgnore(folder: string): IgnoreScope | undefined {
  try {
    return { base: folder, gitignore: new GitIgnore(fs.readFileSync(path.join(folder, '.gitignore'), 'utf8')) };
  } catch {
    return undefined;
  }
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

/**
 * Every lintable file under `root`, skipping `node_modules`, `.next`, the
 * `out` and `build` folders of project roots, and whatever the `.gitignore`
 * files on the way exclude. Symbolic
 * links are not followed (they can loop).
 */
export function* findLintableFiles(root: string, isCancelled: () => boolean = () => false): Generator<string> {
  const pending: Array<{ folder: string; scopes: IgnoreScope[] }> = [{ folder: root, scopes: [] }];
  while (pending.length > 0 && !isCancelled()) {
    const { folder, scopes: parentScopes } = pending.pop()!;
    const own = readGitIgnore(folder);
    const scopes = own === undefined ? parentScopes : [...parentScopes, own];
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
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
