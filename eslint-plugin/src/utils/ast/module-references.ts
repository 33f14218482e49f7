import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker } from '@typescript-eslint/utils/ast-utils';
import type { SourceCode } from './source-code';

type Tracker = InstanceType<typeof ReferenceTracker>;
/** `{ module: { export: { [CONSTRUCT]: info } } }`, as ReferenceTracker takes it. */
export type TraceMap = Parameters<Tracker['iterateEsmReferences']>[0];
export interface ModuleReference<T> {
  info: T;
  node: TSESTree.Node;
  path: readonly string[];
  type: symbol;
}
export const { CALL, CONSTRUCT, READ } = ReferenceTracker;

type Scope = TSESLint.Scope.Scope;
type Variable = Scope['set'] extends Map<string, infer V> ? V : never;

/**
 * ReferenceTracker only follows `require()` when `require` is a declared
 * global, which it is not in an ES module or a TS file without Node globals.
 * Give it one made of the unresolved `require` references, so that
 * `require('pg')` is caught whatever the configured globals are.
 */
function withRequireGlobal(globalScope: Scope): Scope {
  if (globalScope.set.has('require')) return globalScope;
  const references = globalScope.through.filter((reference) => reference.identifier.name === 'require');
  if (references.length === 0) return globalScope;
  const requireVariable = { name: 'require', defs: [], references } as unknown as Variable;
  const set = new Map(globalScope.set).set('require', requireVariable);
  return Object.create(globalScope, { set: { value: set } }) as Scope;
}

/**
 * Every reference to the traced module members, through `import` (default,
 * named, namespace, renamed) and `require`. The tracker's legacy mode binds a
 * CommonJS module to both its default and its named imports, as bundlers do,
 * so `import pg from 'pg'; new pg.Pool()` and `import { Pool } from 'pg'` both match.
 */
export function* iterateModuleReferences<T>(
  sourceCode: SourceCode,
  traceMap: TraceMap,
): Generator<ModuleReference<T>> {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  const tracker = new ReferenceTracker(withRequireGlobal(globalScope), { mode: 'legacy' });
  yield* tracker.iterateEsmReferences(traceMap) as Iterable<ModuleReference<T>>;
  yield* tracker.iterateCjsReferences(traceMap) as Iterable<ModuleReference<T>>;
}

/** The trace map of calls to the listed named exports, by module: `{ 'next/headers': ['cookies'] }` → `{ 'next/headers': { cookies: { [CALL]: info } } }`. */
export function toCallTraceMap<T>(namesByModule: Readonly<Record<string, readonly string[]>>, info: T): TraceMap {
  return Object.fromEntries(
    Object.entries(namesByModule).map(([module, names]) => [module, Object.fromEntries(names.map((name) => [name, { [CALL]: info }]))]),
  );
}
