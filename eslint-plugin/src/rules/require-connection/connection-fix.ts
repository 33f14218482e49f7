import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunctions, type FunctionNode } from '../../utils/ast/functions';
import { insertFirstStatement } from '../../utils/fix/insert-first-statement';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { planNamedImport, type NamedImportRequest } from '../../utils/fix/insert-import';
import { canMakeAsync, makeAsync } from '../../utils/fix/make-async';
import { isInside } from '../../utils/ast/ranges';
import { CONNECTION_IMPORT, isAfterCall } from '../../utils/next/request-apis';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * How to opt a render out of prerendering: `await connection()` (Next 15+) or
 * `noStore()` (Next 14), with the messages and suggestions that name it.
 */
export interface OptOutCall {
  import: NamedImportRequest;
  /** Whether the call must be awaited, so the function must be async. */
  awaited: boolean;
  /** The call as messages write it. */
  text: string;
  /** The report for a query judged in its own file, and for one a prerendered route reaches. */
  messageId: 'requireConnection' | 'requireNoStore';
  reachedMessageId: 'requireConnectionReached' | 'requireNoStoreReached';
  /** The suggestion that inserts the call, and the one that also makes the function async. */
  suggestionId: 'addConnection' | 'addNoStore';
  asyncSuggestionId: 'addConnectionAndAsync' | undefined;
}

export const CONNECTION_CALL: OptOutCall = {
  import: CONNECTION_IMPORT,
  awaited: true,
  text: 'await connection()',
  messageId: 'requireConnection',
  reachedMessageId: 'requireConnectionReached',
  suggestionId: 'addConnection',
  asyncSuggestionId: 'addConnectionAndAsync',
};

/** connection() does not exist before Next 15; unstable_noStore is its predecessor. */
export const NO_STORE_CALL: OptOutCall = {
  import: { source: 'next/cache', imported: 'unstable_noStore', localNames: ['noStore', 'unstable_noStore'] },
  awaited: false,
  text: 'noStore()',
  messageId: 'requireNoStore',
  reachedMessageId: 'requireNoStoreReached',
  suggestionId: 'addNoStore',
  asyncSuggestionId: undefined,
};

export interface ConnectionFix {
  /** Edits, identical for every query of the same function, so applying them all inserts once. */
  fix: TSESLint.ReportFixFunction;
  /** Whether `eslint --fix` may apply it: the function is already async and directly runs the query. */
  isAutofix: boolean;
  /** The suggestion that offers it when it is no autofix. */
  suggestionId: OptOutCall['suggestionId'] | 'addConnectionAndAsync';
}

/**
 * The function that gets the call: the nearest async function around the
 * query, else the outermost one (the data function or component). Never an
 * `after()` callback or a function inside one: connection() throws there,
 * so the call goes into the function that schedules it.
 */
function getTargetFunction(sourceCode: SourceCode, query: TSESTree.Node): FunctionNode | undefined {
  const enclosing = getEnclosingFunctions(query);
  const afterCallback = enclosing.findLastIndex((fn) => isAfterCall(sourceCode, fn.parent));
  const candidates = afterCallback === -1 ? enclosing : enclosing.slice(afterCallback + 1);
  return candidates.find((fn) => fn.async) ?? candidates.at(-1);
}

/** The fix for a query inside a function, or undefined when there is no safe one. */
export function getConnectionFix(sourceCode: SourceCode, query: TSESTree.Node, call: OptOutCall): ConnectionFix | undefined {
  const target = getTargetFunction(sourceCode, query);
  // A query in a parameter default (`limit = stmt.get()`) runs before the body does.
  if (!target || !isInside(query, target.body)) return undefined;
  const addsAsync = call.awaited && !target.async;
  if (addsAsync && !canMakeAsync(target)) return undefined;
  const scope = sourceCode.scopeManager?.acquire(target, true) ?? sourceCode.getScope(target);
  const plan = planNamedImport(sourceCode, call.import, scope);
  if (!plan) return undefined;
  const statement = call.awaited ? `await ${plan.local}()` : `${plan.local}()`;
  return {
    isAutofix: !addsAsync && target === getEnclosingFunctions(query)[0],
    suggestionId: (addsAsync && call.asyncSuggestionId) || call.suggestionId,
    fix: (fixer) => {
      const asyncFixes = addsAsync ? makeAsync(fixer, sourceCode, target) : [];
      const fixes = [...plan.fix(fixer), ...asyncFixes, insertFirstStatement(fixer, sourceCode, target, statement)];
      return matchLineEndings(sourceCode, fixes);
    },
  };
}
