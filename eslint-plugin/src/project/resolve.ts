import * as path from 'node:path';
import { listFolder } from './folders';
import { isInsideRoot } from './read-file';
import { createTrackedCache } from './epoch';
import { getPathAliases, type PathAliases } from './tsconfig';

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

/** The first of `names` (in order) that `dir` holds, as a path. */
function findInFolder(dir: string, names: readonly string[]): string | undefined {
  const held = listFolder(dir);
  const name = names.find((candidate) => held.has(candidate));
  return name === undefined ? undefined : path.join(dir, name);
}

const INDEX_FILES = SOURCE_EXTENSIONS.map((extension) => `index${extension}`);

/**
 * The source file a path names, trying extensions and index files; only
 * inside `root`. Each folder is asked once (one listing), and a folder's
 * index files only when its parent holds an entry of that name.
 */
function resolveFile(candidate: string, root: string): string | undefined {
  if (!isInsideRoot(candidate, root)) return undefined;
  const parent = path.dirname(candidate);
  const base = path.basename(candidate);
  const names: string[] = [];
  if (SOURCE_FILE.test(candidate)) names.push(base);
  names.push(...SOURCE_EXTENSIONS.map((extension) => base + extension));
  if (SCRIPT_EXTENSION.test(candidate)) {
    const stem = base.replace(SCRIPT_EXTENSION, '');
    names.push(...SOURCE_EXTENSIONS.map((extension) => stem + extension));
  }
  return findInFolder(parent, names) ?? (listFolder(parent).has(base) ? findInFolder(candidate, INDEX_FILES) : undefined);
}

function isRelative(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}

function resolveThroughAliases(aliases: PathAliases, specifier: string, root: string): string | undefined {
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

/**
 * Resolutions, kept while the folders they looked in are unchanged (see
 * `createTrackedCache`). A relative specifier means the same from every file
 * of a folder; any other means the same from every folder under one tsconfig,
 * so `react` or `@/lib/db` is resolved once per config, not once per folder.
 * A config's aliases are one object for as long as the config is unchanged.
 */
const relativeResolutions = createTrackedCache<string, string | undefined>();
const aliasResolutions = new WeakMap<PathAliases, (specifier: string, resolve: () => string | undefined) => string | undefined>();

function resolveWithAliases(aliases: PathAliases, specifier: string, root: string): string | undefined {
  let resolveOnce = aliasResolutions.get(aliases);
  if (resolveOnce === undefined) {
    resolveOnce = createTrackedCache(new Map());
    aliasResolutions.set(aliases, resolveOnce);
  }
  return resolveOnce(specifier, () => resolveThroughAliases(aliases, specifier, root));
}

/** The file an import specifier in `fromFile` refers to, if it is one of the project's own files inside `root`. */
export function resolveImport(fromFile: string, specifier: string, root: string): string | undefined {
  if (isRelative(specifier)) {
    const dir = path.dirname(fromFile);
    return relativeResolutions(`${root}\0${dir}\0${specifier}`, () => resolveFile(path.resolve(dir, specifier), root));
  }
  if (specifier.startsWith('/') || specifier.includes(':')) return undefined;
  const aliases = getPathAliases(fromFile, root);
  return aliases && resolveWithAliases(aliases, specifier, root);
}
