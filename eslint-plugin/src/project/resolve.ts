import * as path from 'node:path';
import { hasEntry } from './folders';
import { isInsideRoot } from './read-file';
import { getPathAliases } from './tsconfig';

/**
 * Resolves the project's own imports: relative paths and tsconfig/jsconfig
 * `paths` aliases (`@/lib/db`), with extensions and index files tried as a
 * bundler does. Packages are never followed, and nothing outside `root` is
 * ever named, whatever `paths` or `../` say.
 */

export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
const SOURCE_FILE = /\.(m|c)?(j|t)sx?$/;
/** TypeScript lets `./db.js` name `./db.ts`. */
const SCRIPT_EXTENSION = /\.(m|c)?jsx?$/;

/** `@/lib/db` against `@/*` → 'lib/db'; undefined when the pattern does not match. */
function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) {
    return undefined;
  }
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}

/** The source file a path names, trying extensions and index files; only inside `root`. */
function resolveFile(candidate: string, root: string): string | undefined {
  if (!isInsideRoot(candidate, root)) return undefined;
  const tries: string[] = [];
  if (SOURCE_FILE.test(candidate)) tries.push(candidate);
  tries.push(...SOURCE_EXTENSIONS.map((extension) => candidate + extension));
  if (SCRIPT_EXTENSION.test(candidate)) {
    const stem = candidate.replace(SCRIPT_EXTENSION, '');
    tries.push(...SOURCE_EXTENSIONS.map((extension) => stem + extension));
  }
  tries.push(...SOURCE_EXTENSIONS.map((extension) => path.join(candidate, `index${extension}`)));
  return tries.find(hasEntry);
}

/** The file an import specifier in `fromFile` refers to, if it is one of the project's own files inside `root`. */
export function resolveImport(fromFile: string, specifier: string, root: string): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    return resolveFile(path.resolve(path.dirname(fromFile), specifier), root);
  }
  if (specifier.startsWith('/') || specifier.includes(':')) return undefined;
  const aliases = getPathAliases(fromFile, root);
  if (!aliases) return undefined;
  for (const { pattern, targets } of aliases.paths) {
    const matched = matchPattern(pattern, specifier);
    if (matched === undefined) continue;
    for (const target of targets) {
      const resolved = resolveFile(path.resolve(aliases.baseDir, target.replace('*', matched)), root);
      if (resolved) return resolved;
    }
  }
  return aliases.baseUrl === undefined ? undefined : resolveFile(path.resolve(aliases.baseUrl, specifier), root);
}
