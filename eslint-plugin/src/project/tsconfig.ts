import * as path from 'node:path';
import { getDerived } from './file-store';
import { parseJsonc } from './jsonc';
import { createTrackedCache } from './epoch';
import { ancestorDirs, listFolder } from './folders';

/**
 * Path aliases from the nearest tsconfig.json or jsconfig.json, read as
 * TypeScript reads them: `extends` chains followed (relative files and
 * packages in node_modules), `paths` relative to `baseUrl` when set, else to
 * the config that declares them.
 */

export interface PathAliases {
  /** Folder `paths` targets are relative to. */
  baseDir: string;
  /** `baseUrl`, when set: bare specifiers are also tried against it, as TypeScript does. */
  baseUrl: string | undefined;
  paths: Array<{ pattern: string; targets: string[] }>;
}

interface RawConfig {
  extends: string[];
  baseUrl?: string;
  paths?: Record<string, unknown>;
}

const CONFIG_NAMES = ['tsconfig.json', 'jsconfig.json'];
const MAX_EXTENDS_DEPTH = 16;

function readRawConfig(configPath: string, root: string): RawConfig | undefined {
  return getDerived('tsconfig', configPath, root, (text) => {
    const config = parseJsonc(text);
    if (!config) return undefined;
    const options = (config.compilerOptions ?? {}) as Record<string, unknown>;
    const extendsValue = config.extends;
    const extendsList = (Array.isArray(extendsValue) ? extendsValue : [extendsValue]).filter(
      (item): item is string => typeof item === 'string',
    );
    const paths = options.paths !== null && typeof options.paths === 'object' ? (options.paths as Record<string, unknown>) : undefined;
    return { extends: extendsList, baseUrl: typeof options.baseUrl === 'string' ? options.baseUrl : undefined, paths };
  });
}

/** The config file an `extends` entry names: a relative file, or a package's file under node_modules. */
function resolveExtends(fromConfig: string, specifier: string, root: string): string | undefined {
  const withJson = (file: string) => (path.extname(file) === '' ? `${file}.json` : file);
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) return withJson(path.resolve(path.dirname(fromConfig), specifier));
  for (const dir of ancestorDirs(path.dirname(fromConfig), root)) {
    const candidate = path.join(dir, 'node_modules', specifier);
    const file = path.extname(specifier) === '' ? path.join(candidate, 'tsconfig.json') : candidate;
    if (readRawConfig(file, root)) return file;
  }
  return undefined;
}

interface Resolved {
  baseUrl?: string;
  paths?: { value: Record<string, unknown>; dir: string };
}

/** baseUrl and paths after `extends`: the extending config's own values win. */
function resolveConfig(configPath: string, root: string, depth: number, seen: Set<string>): Resolved | undefined {
  if (depth > MAX_EXTENDS_DEPTH || seen.has(configPath)) return undefined;
  seen.add(configPath);
  const raw = readRawConfig(configPath, root);
  if (!raw) return undefined;
  const resolved: Resolved = {};
  for (const specifier of raw.extends) {
    const base = resolveExtends(configPath, specifier, root);
    const inherited = base ? resolveConfig(base, root, depth + 1, seen) : undefined;
    if (inherited?.baseUrl !== undefined) resolved.baseUrl = inherited.baseUrl;
    if (inherited?.paths) resolved.paths = inherited.paths;
  }
  const dir = path.dirname(configPath);
  if (raw.baseUrl !== undefined) resolved.baseUrl = path.resolve(dir, raw.baseUrl);
  if (raw.paths) resolved.paths = { value: raw.paths, dir };
  return resolved;
}

/** Per folder: every file of a folder shares its tsconfig (kept while the folders and configs read are unchanged). */
const aliasesByFolder = createTrackedCache<string, PathAliases | undefined>();

/** The aliases of the nearest tsconfig.json / jsconfig.json between the file's folder and `root`. */
export function getPathAliases(fromFile: string, root: string): PathAliases | undefined {
  return aliasesByFolder(`${root}\0${path.dirname(fromFile)}`, () => findPathAliases(fromFile, root));
}

/** Per config file: the folders under one tsconfig share its aliases, one object while the config is unchanged. */
const aliasesByConfig = createTrackedCache<string, PathAliases | undefined>();

/** The aliases a config declares, itself or through `extends`; undefined when it cannot be read. */
function readAliases(configPath: string, root: string): PathAliases | undefined {
  return aliasesByConfig(`${root}\0${configPath}`, () => {
    const resolved = resolveConfig(configPath, root, 0, new Set());
    return (
      resolved && {
        baseDir: resolved.baseUrl ?? resolved.paths?.dir ?? path.dirname(configPath),
        baseUrl: resolved.baseUrl,
        paths: Object.entries(resolved.paths?.value ?? {}).map(([pattern, targets]) => ({
          pattern,
          targets: Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [],
        })),
      }
    );
  });
}

function findPathAliases(fromFile: string, root: string): PathAliases | undefined {
  for (const dir of ancestorDirs(path.dirname(fromFile), root)) {
    const names = listFolder(dir);
    for (const name of CONFIG_NAMES) {
      if (!names.has(name)) continue;
      const aliases = readAliases(path.join(dir, name), root);
      if (aliases) return aliases;
    }
  }
  return undefined;
}
