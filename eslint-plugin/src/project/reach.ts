import * as path from 'node:path';
import { getPrerenderScope } from '../utils/next/prerender-scope';
import { isUseCacheDirective } from '../utils/ast/directives';
import { getNextFileInfo, isServerComponentFile } from '../utils/next/next-file-kind';
import { describeEntryExport } from '../utils/next/request-scope';
import { getSpecifiers, listSourceFiles } from './app-files';
import { findAppRoot } from './app-root';
import { createEpochCache } from './epoch';
import { listOpenDocuments } from './file-store';
import type { TopLevelFunction } from './function-facts';
import { SOURCE_EXTENSIONS } from './resolve';
import { getRouteFacts } from './route-facts';
import { getRoutePath, METADATA_ROUTE } from './routes';
import type { ModelSession } from './session';

/**
 * Which entry of the app reaches a function: a search from the function back
 * through the modules that import it (found by a text scan, confirmed by a
 * parse), until it meets an entry Next.js prerenders ('prerender') or runs per
 * request ('request'). A call that comes after the caller reads the request
 * (`await connection()`, `cookies()`, `searchParams`, an auth helper) does not
 * count for 'prerender': that code runs at request time.
 */

export type ReachMode = 'prerender' | 'request';

export interface EntryWitness {
  /** `/meals`, or the file's path when it is no route. */
  route: string;
  /** The entry's file, relative to the app root, with `/` separators. */
  file: string;
  /** `the route handler \`GET\``, `the Server Action \`addMeal\``, `the page`. */
  description: string;
}

export interface ReachResult {
  entry: EntryWitness | undefined;
  /** Whether any module of the app imports the function's module (else nothing is known of its callers). */
  hasImporters: boolean;
}

/** Server Component exports Next.js calls to render a route. */
const RENDER_EXPORTS = new Set(['default', 'generateMetadata', 'generateViewport']);

interface ModuleRole {
  /** The module's functions are never reached in this mode ('use client', cached, forced dynamic, ...). */
  excluded: boolean;
  describe(fn: TopLevelFunction): string | undefined;
  /** Offset in `fn` after which its code runs at request time (Infinity when never). */
  requestTimeAfter(fn: TopLevelFunction): number;
}

/** Whether any module of the file's app imports it (a script or a test is imported by none). */
export function isImportedInApp(session: ModelSession, file: string): boolean {
  const appRoot = findAppRoot(file, session.scope.root) ?? session.scope.root;
  return (getImporterIndex(session, appRoot).get(file)?.length ?? 0) > 0;
}

interface ImporterIndex {
  importers: Map<string, string[]>;
  /** What the open documents were when it was built (see `describeOpenDocuments`). */
  openDocuments: string;
}

/**
 * Who imports whom in each app, built once per epoch (see epoch.ts), and
 * again within it only when an open document changes its imports: most
 * keystrokes change none, and the index reads every file of the app.
 */
const importerIndexes = createEpochCache<string, ImporterIndex>({ keepOnDocumentChange: true });

/**
 * The open documents as the index sees them: a source file by its imports,
 * any other file (a tsconfig, a package.json) by its version, since it may
 * change how every import resolves.
 */
function describeOpenDocuments(root: string): string {
  return listOpenDocuments()
    .map(([file, version]) => `${file}\0${SOURCE_EXTENSIONS.includes(path.extname(file)) ? getSpecifiers(file, root).join('\0') : version}`)
    .join('\n');
}

export function getImporterIndex(session: ModelSession, appRoot: string): Map<string, string[]> {
  const key = `${session.scope.root}\0${appRoot}`;
  const openDocuments = describeOpenDocuments(session.scope.root);
  let index = importerIndexes.get(key);
  if (index?.openDocuments !== openDocuments) {
    index = { importers: buildImporterIndex(session, appRoot), openDocuments };
    importerIndexes.set(key, index);
  }
  return index.importers;
}

function buildImporterIndex(session: ModelSession, appRoot: string): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const file of listSourceFiles(appRoot)) {
    for (const specifier of new Set(getSpecifiers(file, session.scope.root))) {
      const target = session.resolve(file, specifier);
      if (target === undefined || target === file) continue;
      const list = importers.get(target) ?? [];
      list.push(file);
      importers.set(target, list);
    }
  }
  return importers;
}

function getRole(session: ModelSession, file: string, mode: ReachMode): ModuleRole {
  const { cwd, settings } = session.scope;
  const info = session.module(file);
  const { kind, projectRoot } = getNextFileInfo(file, cwd, settings);
  const excluded: ModuleRole = { excluded: true, describe: () => undefined, requestTimeAfter: () => Infinity };
  if (!info || info.directives.includes('use client')) return excluded;
  if (mode === 'request') {
    const isActionFile = info.directives.includes('use server');
    return {
      excluded: false,
      describe: (fn) =>
        (isActionFile || fn.isAction) && (fn.exportNames.length > 0 || fn.isAction)
          ? `the Server Action \`${fn.exportNames[0] ?? fn.name}\``
          : fn.exportNames.map((name) => describeEntryExport(kind, name)).find((description) => description !== undefined),
      requestTimeAfter: () => Infinity,
    };
  }
  if (info.directives.includes('use server') || info.directives.some(isUseCacheDirective)) return excluded;
  const facts = getRouteFacts(info.program, file, kind, projectRoot, session);
  const scope = getPrerenderScope(info.program, kind, facts);
  if (!scope && kind !== 'other') return excluded;
  const isMetadataRoute = kind === 'app-other' && METADATA_ROUTE.test(path.parse(file).name);
  // Under Cache Components, a dynamic page's code after `await params` runs per request, outside the prerendered shell.
  const paramsAreDynamic = isServerComponentFile(kind) && facts.cacheComponents() && facts.isUnlistedDynamicRoute();
  return {
    excluded: false,
    describe(fn) {
      if (isServerComponentFile(kind) && fn.exportNames.some((name) => RENDER_EXPORTS.has(name))) return 'the page';
      if (isMetadataRoute && fn.exportNames.includes('default')) return 'the metadata route';
      if (kind === 'app-route' && scope?.type === 'get-handler' && fn.exportNames.includes('GET')) return 'the route handler `GET`';
      return undefined;
    },
    requestTimeAfter(fn) {
      const reads = fn.calls.filter((call) => !call.cached && session.callReadsRequest(file, call)).map((call) => call.end);
      const awaitParams = paramsAreDynamic && fn.awaitParamsAt !== undefined ? [fn.awaitParamsAt] : [];
      return Math.min(Infinity, ...reads, ...fn.requestReads, ...awaitParams);
    },
  };
}

const key = (file: string, local: string) => `${file}\0${local}`;

export function findEntryReaching(session: ModelSession, file: string, local: string, mode: ReachMode): ReachResult {
  {
    const appRoot = findAppRoot(file, session.scope.root) ?? session.scope.root;
    const importers = getImporterIndex(session, appRoot);
    const reaching = new Set([key(file, local)]);
    const queue = [file];
    const queued = new Set(queue);
    let hasImporters = false;
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      const role = getRole(session, current, mode);
      if (role.excluded) continue;
      const functions = session.functions(current);
      const reachesTarget = (fn: TopLevelFunction): boolean => {
        if (mode === 'prerender' && fn.cached) return false;
        const limit = role.requestTimeAfter(fn);
        return fn.calls.some((call) => {
          if (call.cached || call.start >= limit) return false;
          const target = session.resolveCall(current, call);
          return target !== undefined && 'local' in target && reaching.has(key(target.file, target.local));
        });
      };
      for (let changed = true; changed; ) {
        changed = false;
        for (const fn of functions) {
          if (reaching.has(key(current, fn.name)) || !reachesTarget(fn)) continue;
          reaching.add(key(current, fn.name));
          changed = true;
        }
      }
      const reached = functions.filter((fn) => reaching.has(key(current, fn.name)));
      for (const fn of reached) {
        const description = role.describe(fn);
        if (description !== undefined) {
          const entryFile = path.relative(appRoot, current).split(path.sep).join('/');
          return { entry: { route: getRoutePath(current, appRoot), file: entryFile, description }, hasImporters: true };
        }
      }
      const passesOn = reached.some((fn) => fn.exportNames.length > 0) || (session.module(current)?.reExports.length ?? 0) > 0;
      if (!passesOn) continue;
      for (const importer of [...(importers.get(current) ?? [])].sort()) {
        hasImporters = true;
        if (queued.has(importer)) continue;
        queued.add(importer);
        queue.push(importer);
      }
    }
    return { entry: undefined, hasImporters };
  }
}
