import * as path from 'node:path';
import { ancestorDirs, isFile, parseJsonWithComments, readCached } from './workspace-files';

/**
 * Resolves the project's own imports: relative paths and tsconfig/jsconfig
 * `paths` aliases such as `@/lib/db`. Packages are never followed.
 */

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** TypeScript lets `./db.js` name `./db.ts`. */
const SCRIPT_EXTENSION = /\.(m|c)?jsx?$/;

interface PathAliases {
  /** Folder the alias targets are relative to. */
  baseDir: string;
  paths: Array<{ pattern: string; targets: string[] }>;
}

function readPathAliases(configPath: string): PathAliases | undefined {
  return readCached('path-aliases', configPath, (text) => {
    const config = parseJsonWithComments(text) as { compilerOptions?: { baseUrl?: unknown; paths?: unknown } };
    const options = config.compilerOptions ?? {};
    const configDir = path.dirname(configPath);
    const baseDir = typeof options.baseUrl === 'string' ? path.resolve(configDir, options.baseUrl) : configDir;
    const rawPaths = options.paths !== null && typeof options.paths === 'object' ? options.paths : {};
    const paths = Object.entries(rawPaths as Record<string, unknown>).map(([pattern, targets]) => ({
      pattern,
      targets: Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [],
    }));
    return { baseDir, paths };
  });
}

/** The nearest tsconfig.json or jsconfig.json above `fromFile`. */
function findPathAliases(fromFile: string): PathAliases | undefined {
  for (const dir of ancestorDirs(path.dirname(fromFile), undefined)) {
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      const aliases = readPathAliases(path.join(dir, name));
      if (aliases) return aliases;
    }
  }
  return undefined;
}

/** `@/lib/db` against `@/*` → 'lib/db'; undefined when the pattern does not match. */
function matchPattern(pattern: string, specifier: string): string | undefined {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === specifier ? '' : undefined;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  if (!specifier.startsWith(prefix) || !specifier.endsWith(suffix) || specifier.length < prefix.length + suffix.length) {
    return undefined;
  }
  return specifier.slice(prefix.length, specifier.length - suffix.length);
}

/** The existing file a path names, trying extensions and index files. */
function resolveFile(candidate: string): string | undefined {
  const tries = [candidate, ...EXTENSIONS.map((extension) => candidate + extension)];
  if (SCRIPT_EXTENSION.test(candidate)) {
    const stem = candidate.replace(SCRIPT_EXTENSION, '');
    tries.push(...EXTENSIONS.map((extension) => stem + extension));
  }
  tries.push(...EXTENSIONS.map((extension) => path.join(candidate, `index${extension}`)));
  return tries.find((file) => isFile(file));
}

/** The file an import specifier in `fromFile` refers to, if it is one of the project's own files. */
export function resolveProjectImport(fromFile: string, specifier: string): string | undefined {
  if (specifier.startsWith('./') || specifier.startsWith('../')) {
    return resolveFile(path.resolve(path.dirname(fromFile), specifier));
  }
  const aliases = findPathAliases(fromFile);
  if (!aliases) return undefined;
  for (const { pattern, targets } of aliases.paths) {
    const matched = matchPattern(pattern, specifier);
    if (matched === undefined) continue;
    for (const target of targets) {
      const resolved = resolveFile(path.resolve(aliases.baseDir, target.replace('*', matched)));
      if (resolved) return resolved;
    }
  }
  return undefined;
}
