import type { NextSettings } from '../utils/next/next-settings';
import { isRequestReadingFunction, NEXT_REQUEST_FUNCTIONS } from '../utils/next/request-apis';
import { getSpecifiers } from './app-files';
import { createTrackedCache, dependOn, refreshEpoch, THIS_GENERATION_ONLY } from './epoch';
import { getDerived } from './file-store';
import { getTopLevelFunctions, type CallSite, type TopLevelFunction } from './function-facts';
import { getModuleInfo, type ModuleInfo } from './module-info';
import { resolveImport } from './resolve';
import { containsAnyWord } from '../utils/ast/text-words';

/**
 * One question to the project model (one rule asking about one file): it
 * memoises resolutions and cross-module answers for its own duration, while
 * parses and summaries are cached across questions per file version.
 */

export interface ProjectScope {
  /** Nothing outside this folder is read. */
  root: string;
  /** ESLint's cwd, which `settings.next.rootDir` is relative to. */
  cwd: string;
  settings: NextSettings;
}

/** Where an export is defined, after following re-exports. */
export interface ExportTarget {
  file: string;
  /** The local binding, or `\0` + the export name for a value exported without one (`\0default`). */
  local: string;
}

const MAX_DEPTH = 64;
/** How many imports deep the text pre-check follows; a database further away than this is not looked for. */
const MAX_TEXT_DEPTH = 32;

/** Text pre-checks, shared by all sessions and kept while the files read are unchanged (see epoch.ts). */
const reachAnswers = createTrackedCache<string, boolean>();
const reachInProgress = new Set<string>();

/** A key for a word list (the lists are constants, so each is joined once). */
const wordKeys = new WeakMap<readonly string[], string>();
function joinWords(words: readonly string[]): string {
  let key = wordKeys.get(words);
  if (key === undefined) {
    key = words.join('|');
    wordKeys.set(words, key);
  }
  return key;
}

export class ModelSession {
  private readonly readingRequest = new Map<string, boolean>();
  private readonly memos = new Map<string, unknown>();

  constructor(readonly scope: ProjectScope) {
    refreshEpoch();
  }

  /** `compute()` once per key for this session's duration. */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  module(file: string): ModuleInfo | undefined {
    return getModuleInfo(file, this.scope.root);
  }

  functions(file: string): TopLevelFunction[] {
    const info = this.module(file);
    return info ? getTopLevelFunctions(info) : [];
  }

  resolve(fromFile: string, specifier: string): string | undefined {
    return resolveImport(fromFile, specifier, this.scope.root);
  }

  /**
   * Whether `file`, or a project module it imports (at any depth), holds one of
   * `words` in its text: a check without parsing, so modules that cannot
   * matter (no driver, no request API on any path) are never parsed.
   */
  mayReach(file: string, words: readonly string[], depth = 0): boolean {
    const wordsKey = joinWords(words);
    const holds = () => getDerived(`holds:${wordsKey}`, file, this.scope.root, (text) => containsAnyWord(text, words));
    if (depth >= MAX_TEXT_DEPTH) return holds() === true;
    const key = `${this.scope.root}\0${wordsKey}\0${file}`;
    if (reachInProgress.has(key)) {
      // A cycle counts as not reaching, an answer to trust for this generation only (see epoch.ts).
      dependOn(THIS_GENERATION_ONLY);
      return false;
    }
    reachInProgress.add(key);
    try {
      return reachAnswers(key, () => {
        const own = holds();
        if (own !== false) return own === true;
        return getSpecifiers(file, this.scope.root).some((specifier) => {
          const target = this.resolve(file, specifier);
          return target !== undefined && this.mayReach(target, words, depth + 1);
        });
      });
    } finally {
      reachInProgress.delete(key);
    }
  }

  /** The definition behind `exportName` of `file`, through `export { x } from` and `export *` chains. */
  resolveExport(file: string, exportName: string, depth = 0): ExportTarget | undefined {
    const info = this.module(file);
    if (!info || depth > MAX_DEPTH) return undefined;
    const local = info.exports.get(exportName);
    if (local !== undefined) {
      // A value exported without a name of its own (`export default () => …`, `exports.GET = fn`).
      if (typeof local !== 'string') return { file, local: `\0${exportName}` };
      const imported = info.imports.get(local);
      if (!imported) return { file, local };
      const target = this.resolve(file, imported.source);
      return target && imported.imported !== '*' ? this.resolveExport(target, imported.imported, depth + 1) : undefined;
    }
    for (const reExport of info.reExports) {
      if (reExport.exported !== exportName && !(reExport.exported === '*' && exportName !== 'default')) continue;
      const target = this.resolve(file, reExport.source);
      const found = target && this.resolveExport(target, reExport.imported === '*' ? exportName : reExport.imported, depth + 1);
      if (found) return found;
    }
    return undefined;
  }

  /** The function a call site calls: local, imported (also through a namespace import), after re-exports. */
  resolveCall(file: string, call: Pick<CallSite, 'name' | 'member'>): ExportTarget | { module: string; name: string } | undefined {
    const info = this.module(file);
    if (!info) return undefined;
    const imported = info.imports.get(call.name);
    if (!imported) return call.member === undefined && info.bindings.has(call.name) ? { file, local: call.name } : undefined;
    const exportName = imported.imported === '*' ? (call.member ?? 'default') : imported.imported;
    if (exportName === undefined) return undefined;
    const target = this.resolve(file, imported.source);
    if (!target) return { module: imported.source, name: exportName };
    return this.resolveExport(target, exportName);
  }

  /** Whether calling this call site reads the request (a request API, or a project function that calls one first or anywhere). */
  callReadsRequest(file: string, call: Pick<CallSite, 'name' | 'member'>): boolean {
    const target = this.resolveCall(file, call);
    if (!target) return false;
    if ('module' in target) return isRequestReadingFunction(target.module, target.name);
    return this.functionReadsRequest(target.file, target.local);
  }

  /**
   * The Next.js request APIs (`cookies()`, `connection()`, …) a project
   * function calls, itself or through project functions at any depth, each
   * with the chain of names down to it: `readSession` → `cookies()`.
   */
  requestApiChains(file: string, local: string): ReadonlyMap<string, readonly string[]> {
    return this.memo(`api-chains\0${file}\0${local}`, () => {
      const chains = new Map<string, readonly string[]>();
      // A cycle gives no chains until the outer call decides.
      this.memos.set(`api-chains\0${file}\0${local}`, chains);
      const fn = this.functions(file).find((candidate) => candidate.name === local);
      for (const call of fn?.calls ?? []) {
        const target = this.resolveCall(file, call);
        if (!target) continue;
        if ('module' in target) {
          const isApi = (NEXT_REQUEST_FUNCTIONS as Record<string, readonly string[]>)[target.module]?.includes(target.name) ?? false;
          if (isApi && !chains.has(`${target.name}()`)) chains.set(`${target.name}()`, [`${target.name}()`]);
          continue;
        }
        for (const [api, chain] of this.requestApiChains(target.file, target.local)) {
          if (!chains.has(api)) chains.set(api, [call.member ?? call.name, ...chain]);
        }
      }
      return chains;
    });
  }

  /** Auth.js v5: the `auth` of `export const { auth } = NextAuth(config)` reads the session cookie. */
  private isSessionFunction(file: string, local: string): boolean {
    const destructured = this.module(file)?.destructured.get(local);
    if (destructured?.property !== 'auth' || destructured.init.type !== 'CallExpression') return false;
    const callee = destructured.init.callee;
    const factory = callee.type === 'Identifier' ? this.module(file)?.imports.get(callee.name) : undefined;
    return factory?.source === 'next-auth' && (factory.imported === 'default' || factory.imported === '*');
  }

  /** Whether a project function reads the request, itself or through the functions it calls, at any depth. */
  functionReadsRequest(file: string, local: string): boolean {
    const key = `${file}\0${local}`;
    const known = this.readingRequest.get(key);
    if (known !== undefined) return known;
    // A cycle answers false until the outer call decides.
    this.readingRequest.set(key, false);
    const fn = this.functions(file).find((candidate) => candidate.name === local);
    const reads =
      fn !== undefined
        ? fn.requestReads.length > 0 || fn.calls.some((call) => !call.cached && this.callReadsRequest(file, call))
        : this.isSessionFunction(file, local);
    this.readingRequest.set(key, reads);
    return reads;
  }
}
