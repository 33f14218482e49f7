import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker } from '@typescript-eslint/utils/ast-utils';

export type TraceMap<T> = ReferenceTracker.TraceMap<T>;
export type ModuleReference<T> = ReferenceTracker.FoundReference<T>;
export const { CALL, CONSTRUCT, READ } = ReferenceTracker;

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

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
  sourceCode: Readonly<TSESLint.SourceCode>,
  traceMap: TraceMap<T>,
): Generator<ModuleReference<T>> {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return;
  const tracker = new ReferenceTracker(withRequireGlobal(globalScope), { mode: 'legacy' });
  yield* tracker.iterateEsmReferences(traceMap);
  yield* tracker.iterateCjsReferences(traceMap);
}

