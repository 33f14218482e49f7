import * as path from 'node:path';
import { findAppRoot } from '../../project/app-root';
import { createTrackedCache, refreshEpoch } from '../../project/epoch';
import type { NextSettings } from './next-settings';

/**
 * What a file is to Next.js, decided on whole path segments under the project
 * root (so a folder named `myapp` is not `app`), with `src/` supported.
 */
export type NextFileKind =
  | 'app-page'
  | 'app-layout'
  | 'app-template'
  | 'app-default'
  | 'app-not-found'
  | 'app-error'
  | 'app-route'
  /** Any other module under `app/`, such as `app/lib/data.ts`. */
  | 'app-other'
  | 'pages-api'
  | 'pages-page'
  /** `middleware` or `proxy` at the project root (or in `src/`). */
  | 'middleware'
  /** Tests, scripts, libraries outside the router folders. */
  | 'other';

export interface NextFileInfo {
  kind: NextFileKind;
  /** Absolute path of the Next.js project root the file belongs to, if any. */
  projectRoot: string | undefined;
}

const APP_SPECIAL_FILES: Partial<Record<string, NextFileKind>> = {
  page: 'app-page',
  layout: 'app-layout',
  template: 'app-template',
  default: 'app-default',
  'not-found': 'app-not-found',
  error: 'app-error',
  route: 'app-route',
};

const TEST_FOLDERS = new Set(['__tests__', '__mocks__', '__fixtures__']);
const TEST_FILE = /\.(test|spec)\.[^.]+$/;

/** Splits a path into normalised segments, whatever the platform's separator. */
function toSegments(filePath: string): string[] {
  return filePath.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
}

/** The file's base name without a page extension, or undefined when it has none of them. */
function stripPageExtension(fileName: string, pageExtensions: readonly string[]): string | undefined {
  for (const extension of pageExtensions) {
    const suffix = `.${extension}`;
    if (fileName.endsWith(suffix) && fileName.length > suffix.length) {
      return fileName.slice(0, -suffix.length);
    }
  }
  return undefined;
}

function isTestFile(segments: readonly string[]): boolean {
  const fileName = segments.at(-1) ?? '';
  return TEST_FILE.test(fileName) || segments.some((segment) => TEST_FOLDERS.has(segment));
}

/** Kind of a file given its segments relative to a project root. */
function classify(relative: readonly string[], pageExtensions: readonly string[]): NextFileKind | undefined {
  const inSrc = relative[0] === 'src' ? 1 : 0;
  const [router, ...rest] = relative.slice(inSrc);
  const fileName = relative.at(-1) ?? '';
  if (router === undefined || isTestFile(relative)) return undefined;

  if (router === 'app' && rest.length > 0) {
    const base = stripPageExtension(fileName, pageExtensions);
    return (base === undefined ? undefined : APP_SPECIAL_FILES[base]) ?? 'app-other';
  }
  if (router === 'pages' && rest.length > 0) {
    if (stripPageExtension(fileName, pageExtensions) === undefined) return undefined;
    return rest[0] === 'api' && rest.length > 1 ? 'pages-api' : 'pages-page';
  }
  if (rest.length === 0) {
    const base = stripPageExtension(router, pageExtensions);
    if (base === 'middleware' || base === 'proxy') return 'middleware';
  }
  return undefined;
}

/** Whether the root's segments (where `*` stands for any one folder) prefix the file's. */
function matchesRoot(rootSegments: readonly string[], fileSegments: readonly string[]): boolean {
  return (
    rootSegments.length < fileSegments.length &&
    rootSegments.every((segment, index) => segment === '*' || segment === fileSegments[index])
  );
}

/** The file's kind under one project root given as segments relative to the cwd. */
function classifyUnder(rootSegments: readonly string[], fileSegments: readonly string[], cwd: string, settings: NextSettings): NextFileInfo | undefined {
  if (!matchesRoot(rootSegments, fileSegments)) return undefined;
  const kind = classify(fileSegments.slice(rootSegments.length), settings.pageExtensions);
  if (kind === undefined) return undefined;
  return { kind, projectRoot: path.join(cwd, ...fileSegments.slice(0, rootSegments.length)) };
}

/**
 * Decides what a linted file is to Next.js. `filename` may be absolute or
 * relative to `cwd`; project roots come from `settings.next.rootDir`
 * (relative to `cwd`, `*` matching one folder, as in `apps/*`), and failing
 * those, from the nearest app root below the cwd (a folder with a
 * next.config.*, or a package.json that depends on next).
 */
export function getNextFileInfo(filename: string, cwd: string, settings: NextSettings): NextFileInfo {
  // Every rule asks this of every file; the app root behind it is a fact about other files (see epoch.ts).
  refreshEpoch();
  const key = `${cwd}\0${filename}\0${settings.rootDir.join('\0')}\0${settings.pageExtensions.join('\0')}`;
  return fileInfos(key, () => computeNextFileInfo(filename, cwd, settings));
}

const fileInfos = createTrackedCache<string, NextFileInfo>();

function computeNextFileInfo(filename: string, cwd: string, settings: NextSettings): NextFileInfo {
  const absoluteFile = path.resolve(cwd, filename);
  const relativeToCwd = path.relative(cwd, absoluteFile);
  if (relativeToCwd.startsWith('..') || path.isAbsolute(relativeToCwd)) return { kind: 'other', projectRoot: undefined };
  const fileSegments = toSegments(relativeToCwd);
  for (const rootDir of settings.rootDir) {
    // An absolute root (as `@next/eslint-plugin-next` also accepts) counts from the cwd.
    const rootSegments = toSegments(path.isAbsolute(rootDir) ? path.relative(cwd, rootDir) : rootDir);
    const info = classifyUnder(rootSegments, fileSegments, cwd, settings);
    if (info) return info;
  }
  // The nearest app root between the file and the cwd, so a monorepo's apps need no settings.
  const configRoot = findAppRoot(absoluteFile, cwd);
  const detected = configRoot && classifyUnder(toSegments(path.relative(cwd, configRoot)), fileSegments, cwd, settings);
  return detected || { kind: 'other', projectRoot: undefined };
}

/** The kind alone, for rules that need no project root. */
export function getNextFileKind(filename: string, cwd: string, settings: NextSettings): NextFileKind {
  return getNextFileInfo(filename, cwd, settings).kind;
}

/** Server components Next.js renders (and may prerender) for a route. */
export function isServerComponentFile(kind: NextFileKind): boolean {
  return (
    kind === 'app-page' ||
    kind === 'app-layout' ||
    kind === 'app-template' ||
    kind === 'app-default' ||
    kind === 'app-not-found' ||
    kind === 'app-error'
  );
}
