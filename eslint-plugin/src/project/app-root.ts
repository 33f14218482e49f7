import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { walkAst } from '../utils/ast/walk-ast';
import { getDerived } from './file-store';
import { createTrackedCache } from './epoch';
import { isInsideRoot } from './read-file';
import { ancestorDirs, listFolder } from './folders';
import { parseJsonc } from './jsonc';
import { parseProgram } from './parse';

/**
 * Where a Next.js app starts, and what its package.json and next.config say.
 * An app root is a folder with a `next.config.*`, or with a package.json that
 * depends on `next` (next.config is optional).
 */

export const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];
const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'] as const;

/** Major version from a dependency range such as '16.4.6', '^15.1.0' or 'npm:next@14.2.0'; NaN-free. */
export function parseMajorVersion(range: string): number | undefined {
  const match = /(\d+)(?:\.(?:\d+|x|\*)){0,2}/.exec(range.replace(/^npm:next@/, ''));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** Every dependency a package.json names (dependencies, devDependencies, peerDependencies) with its range. */
function readDependencies(packageJsonPath: string, root: string): ReadonlyMap<string, string> | undefined {
  return getDerived('dependencies', packageJsonPath, root, (text) => {
    const manifest = parseJsonc(text);
    if (!manifest) return undefined;
    const dependencies = new Map<string, string>();
    for (const field of DEPENDENCY_FIELDS) {
      const listed = manifest[field];
      if (listed === null || typeof listed !== 'object') continue;
      for (const [name, range] of Object.entries(listed as Record<string, unknown>)) {
        if (typeof range === 'string' && !dependencies.has(name)) dependencies.set(name, range);
      }
    }
    return dependencies;
  });
}

/** The `next` dependency range of a package.json: a string, '' when next is absent, undefined when unreadable. */
function readNextRange(packageJsonPath: string, root: string): string | undefined {
  const dependencies = readDependencies(packageJsonPath, root);
  return dependencies === undefined ? undefined : (dependencies.get('next') ?? '');
}

/** Answers per folder: every file of a folder asks the same (kept while the manifests read are unchanged). */
const dependsByFolder = createTrackedCache<string, boolean>();

/** Whether a package.json between `fromDir` and `root` depends on any of `packages`. */
export function dependsOnAny(fromDir: string, root: string, packages: readonly string[]): boolean {
  return dependsByFolder(`${root}\0${fromDir}\0${packages.join('\0')}`, () => {
    if (!isInsideRoot(fromDir, root)) return false;
    // One stat per folder rather than its listing: most folders hold no package.json, and are not listed for anything else.
    const dependencies = readDependencies(path.join(fromDir, 'package.json'), root);
    if (packages.some((name) => dependencies?.has(name))) return true;
    const parent = path.dirname(fromDir);
    return parent !== fromDir && dependsOnAny(parent, root, packages);
  });
}

function findNextConfig(dir: string): string | undefined {
  const names = listFolder(dir);
  const name = NEXT_CONFIG_FILES.find((candidate) => names.has(candidate));
  return name === undefined ? undefined : path.join(dir, name);
}

function dependsOnNext(dir: string, root: string): boolean {
  if (!listFolder(dir).has('package.json')) return false;
  const range = readNextRange(path.join(dir, 'package.json'), root);
  return range !== undefined && range !== '';
}

/** App roots by folder (kept while the folders and manifests read are unchanged): every file of a folder, and every rule, asks. */
const appRoots = createTrackedCache<string, string | undefined>();

/** The nearest folder from the file's folder up to `root` that is a Next.js app root. */
export function findAppRoot(absoluteFile: string, root: string): string | undefined {
  return appRoots(`${root}\0${path.dirname(absoluteFile)}`, () =>
    [...ancestorDirs(path.dirname(absoluteFile), root)].find((dir) => findNextConfig(dir) !== undefined || dependsOnNext(dir, root)),
  );
}

/** Minor version from a dependency range such as '15.5.2' or '^15.1.0'; undefined for '15', '15.x' or no match. */
export function parseMinorVersion(range: string): number | undefined {
  const match = /\d+\.(\d+)/.exec(range.replace(/^npm:next@/, ''));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The `next` range of the nearest package.json between `fromDir` and `root` that names next. */
function findNextRange(fromDir: string, root: string): string | undefined {
  for (const dir of ancestorDirs(fromDir, root)) {
    if (!listFolder(dir).has('package.json')) continue;
    const range = readNextRange(path.join(dir, 'package.json'), root);
    if (range) return range;
  }
  return undefined;
}

/** The Next.js major version from the nearest package.json between `fromDir` and `root` that names next. */
export function findNextMajorVersion(fromDir: string, root: string): number | undefined {
  const range = findNextRange(fromDir, root);
  return range === undefined ? undefined : parseMajorVersion(range);
}

/** The Next.js version as major and minor (the minor undefined when the range does not say it). */
export function findNextVersion(fromDir: string, root: string): { major: number; minor: number | undefined } | undefined {
  const range = findNextRange(fromDir, root);
  const major = range === undefined ? undefined : parseMajorVersion(range);
  return range === undefined || major === undefined ? undefined : { major, minor: parseMinorVersion(range) };
}

/** The facts next-db reads from next.config.*: literal values only, the file is never run. */
export interface NextConfigFacts {
  cacheComponents: boolean;
  /** `output: 'export'`: a static export, where build-time results are the point. */
  staticExport: boolean;
}

/** Config keys that turn on Cache Components (`experimental.dynamicIO` was its name in Next 15 canaries). */
const CACHE_COMPONENTS_KEYS = new Set(['cacheComponents', 'dynamicIO']);

function getPropertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

/**
 * Reads the config's properties wherever they sit (top level, under
 * `experimental`, inside wrappers such as `withMDX({...})`). Only literal
 * values count: a value computed at run time is unknown, and unknown means
 * off, which reports less.
 */
export function readConfigFacts(program: TSESTree.Program): NextConfigFacts {
  const facts: NextConfigFacts = { cacheComponents: false, staticExport: false };
  walkAst(program, (node) => {
    if (node.type !== 'Property') return true;
    const name = getPropertyName(node);
    const value = node.value.type === 'Literal' ? node.value.value : undefined;
    if (name !== undefined && CACHE_COMPONENTS_KEYS.has(name) && value === true) facts.cacheComponents = true;
    if (name === 'output' && value === 'export') facts.staticExport = true;
    return true;
  });
  return facts;
}

const NO_FACTS: NextConfigFacts = { cacheComponents: false, staticExport: false };

export function getNextConfigFacts(appRoot: string, root: string): NextConfigFacts {
  const configPath = findNextConfig(appRoot);
  if (configPath === undefined) return NO_FACTS;
  return (
    getDerived('next-config', configPath, root, (text) => {
      const program = parseProgram(configPath, text);
      return program ? readConfigFacts(program) : NO_FACTS;
    }) ?? NO_FACTS
  );
}
