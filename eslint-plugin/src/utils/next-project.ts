import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { NextSettings } from './next-settings';
import { walkAst } from './walk-ast';
import { ancestorDirs, getParserKey, parseModule, readCached } from './workspace-files';

/**
 * Facts about the Next.js project a file belongs to, read from its files as
 * text (never executed) and cached on each file's version.
 */

const DEPENDENCY_FIELDS = ['dependencies', 'devDependencies', 'peerDependencies'] as const;

/** Major version from a dependency range such as '16.4.6', '^15.1.0' or 'npm:next@14.2.0'. */
export function parseMajorVersion(range: string): number | undefined {
  const match = /(\d+)(?:\.(?:\d+|x|\*)){0,2}/.exec(range.replace(/^npm:next@/, ''));
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

function readNextDependency(packageJsonPath: string): number | undefined {
  return readCached('next-version', packageJsonPath, (text) => {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    for (const field of DEPENDENCY_FIELDS) {
      const dependencies = manifest[field] as Record<string, unknown> | undefined;
      const range = dependencies?.next;
      if (typeof range === 'string') return parseMajorVersion(range);
    }
    return undefined;
  });
}

/**
 * The Next.js major version: `settings.next.version`, else the `next`
 * dependency of the nearest package.json between the file and `stopAt`
 * (the project root, or the file-system root). Undefined when unknown.
 */
export function getNextMajorVersion(filename: string, stopAt: string | undefined, settings: NextSettings): number | undefined {
  if (settings.version !== undefined) return settings.version;
  for (const dir of ancestorDirs(path.dirname(filename), stopAt)) {
    const version = readNextDependency(path.join(dir, 'package.json'));
    if (version !== undefined) return version;
  }
  return undefined;
}

export const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];

/** Config keys that turn on Cache Components (`experimental.dynamicIO` was its name in Next 15 canaries). */
const CACHE_COMPONENTS_KEYS = new Set(['cacheComponents', 'dynamicIO']);

function getPropertyName(property: TSESTree.Property): string | undefined {
  if (property.key.type === 'Identifier' && !property.computed) return property.key.name;
  if (property.key.type === 'Literal' && typeof property.key.value === 'string') return property.key.value;
  return undefined;
}

/**
 * Whether a parsed next.config turns on `cacheComponents: true` (top level or
 * under `experimental`, also inside wrappers such as `withMDX({...})`). Only a
 * literal `true` counts: a value computed at run time is unknown, and unknown
 * means off, which reports less.
 */
export function hasCacheComponentsEnabled(program: TSESTree.Program): boolean {
  return walkAst(program, (node) => {
    if (node.type !== 'Property') return true;
    const name = getPropertyName(node);
    const turnsOn = name !== undefined && CACHE_COMPONENTS_KEYS.has(name) && node.value.type === 'Literal' && node.value.value === true;
    return turnsOn ? 'stop' : true;
  });
}

/**
 * Whether Cache Components is on: `settings.next.cacheComponents`, else the
 * project's next.config.{js,mjs,cjs,ts,mts}, parsed with `parser`.
 */
export function isCacheComponentsEnabled(projectRoot: string | undefined, settings: NextSettings, parser: unknown): boolean {
  if (settings.cacheComponents !== undefined) return settings.cacheComponents;
  if (projectRoot === undefined) return false;
  for (const name of NEXT_CONFIG_FILES) {
    const configPath = path.join(projectRoot, name);
    const enabled = readCached(`cache-components:${getParserKey(parser)}`, configPath, (text) => {
      const program = parseModule(parser, configPath, text);
      return program ? hasCacheComponentsEnabled(program) : false;
    });
    if (enabled !== undefined) return enabled;
  }
  return false;
}
