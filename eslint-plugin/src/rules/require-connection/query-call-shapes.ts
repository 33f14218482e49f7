import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { DATABASE_QUERY_METHODS, STATEMENT_QUERY_METHODS, TRANSACTION_METHOD, TRANSACTION_VARIANTS } from '../../utils/drivers/sync-drivers';
import { getMethodCall, skipTransparent } from '../../utils/drivers/sync-values';
import type { SourceCode } from '../../utils/ast/source-code';
import { containsAnyWord } from '../../utils/ast/text-words';
import { mayBeBuilderQuery } from './builder-queries';

/** Methods that run SQL on a database, a statement or a transaction. */
export const QUERY_METHODS: ReadonlySet<string> = new Set([...DATABASE_QUERY_METHODS, ...STATEMENT_QUERY_METHODS, ...TRANSACTION_VARIANTS]);

const TRANSACTION_WORDS = [TRANSACTION_METHOD];

export interface TransactionShapes {
  /** Whether an expression may hold a transaction (see transaction-shapes.ts). */
  mayHold(node: TSESTree.Node): boolean;
  /** Whether the file's imports may hold transactions at all. */
  mayBeImported(): boolean;
}

/** A name the file neither declares nor assigns (`Promise` in `Promise.all()`): it holds no database. */
function isUnboundGlobal(sourceCode: SourceCode, node: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode.getScope(node), node);
  return variable === null || (variable.defs.length === 0 && !variable.references.some((reference) => reference.isWrite()));
}

/** A call of a query method (`get`, `all`, `exec`, Kysely's `execute`) or an awaited Drizzle chain, on anything but a global. */
function mayBeMethodQuery(sourceCode: SourceCode, node: TSESTree.CallExpression): boolean {
  const call = getMethodCall(node);
  if (call === undefined || (!QUERY_METHODS.has(call.method) && !mayBeBuilderQuery(node))) return false;
  const object = skipTransparent(call.object);
  return object.type !== 'Identifier' || !isUnboundGlobal(sourceCode, object);
}

function mayCallTransaction(node: TSESTree.CallExpression, transactions: TransactionShapes): boolean {
  const callee = skipTransparent(node.callee);
  return (callee.type === 'Identifier' || callee.type === 'CallExpression') && transactions.mayHold(callee);
}

/**
 * The calls that can be synchronous queries at all, judged by their shape
 * and the file's own scopes, before any import is resolved. Most files make
 * none, and then no module they import needs reading. A transaction is made
 * by `.transaction(…)` in the file, or imported: the callees of a file that
 * names none are looked at only if its imports may hold one.
 */
export function selectQueryShapedCalls(
  sourceCode: SourceCode,
  calls: readonly TSESTree.CallExpression[],
  transactions: TransactionShapes,
): TSESTree.CallExpression[] {
  const mayCallTransactions = containsAnyWord(sourceCode.text, TRANSACTION_WORDS) || transactions.mayBeImported();
  return calls.filter((call) => mayBeMethodQuery(sourceCode, call) || (mayCallTransactions && mayCallTransaction(call, transactions)));
}
