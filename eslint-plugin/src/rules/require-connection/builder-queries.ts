import type { TSESTree } from '@typescript-eslint/utils';
import { DRIZZLE_EXECUTE_METHODS, DRIZZLE_QUERY_STARTS, KYSELY_EXECUTE_METHODS } from '../../utils/drivers/sync-drivers';
import { getMethodCall, getSyncValueKind, skipTransparent, type SyncValueResolver } from '../../utils/drivers/sync-values';
import type { SyncQuery } from './sync-queries';

/**
 * Queries through a query builder over a synchronous driver: Drizzle over
 * better-sqlite3 (`db.select().from(t).all()`, or the chain awaited) and
 * Kysely with a SqliteDialect (`db.selectFrom('t').selectAll().execute()`).
 */

/** The first call of a method chain (`db.select()` in `db.select().from(t).where(…)`) and its root (`db`). */
function getChainStart(node: TSESTree.CallExpression): { root: TSESTree.Node; firstMethod: string } | undefined {
  let call = getMethodCall(node);
  let firstMethod = call?.method;
  while (call) {
    const object = skipTransparent(call.object);
    if (object.type !== 'CallExpression') return firstMethod === undefined ? undefined : { root: object, firstMethod };
    const inner = getMethodCall(object);
    if (!inner) return { root: object, firstMethod: call.method };
    firstMethod = inner.method;
    call = inner;
  }
  return undefined;
}

const ALL_EXECUTE_METHODS = [...DRIZZLE_EXECUTE_METHODS, ...KYSELY_EXECUTE_METHODS];
const WRITE_METHODS = new Set(['run']);

/** A call that runs a builder's query, judged by its shape: an execute method, or an awaited chain that starts a Drizzle query. */
function getBuilderQueryShape(node: TSESTree.CallExpression): { root: TSESTree.Node; method: string; isRead: boolean } | undefined {
  const call = getMethodCall(node);
  if (!call) return undefined;
  const executes = ALL_EXECUTE_METHODS.includes(call.method);
  // A Drizzle query is a thenable: awaiting `db.select().from(t)` runs it.
  if (!executes && node.parent?.type !== 'AwaitExpression') return undefined;
  const start = getChainStart(node);
  if (!start || (!executes && !DRIZZLE_QUERY_STARTS.includes(start.firstMethod))) return undefined;
  const isRead = executes ? !WRITE_METHODS.has(call.method) : start.firstMethod === 'select' || start.firstMethod === 'selectDistinct';
  return { root: start.root, method: `${executes ? call.method : start.firstMethod}()`, isRead };
}

/** Whether the call may run a builder's query, before anything is resolved. */
export function mayBeBuilderQuery(node: TSESTree.CallExpression): boolean {
  return getBuilderQueryShape(node) !== undefined;
}

export function findBuilderQuery(node: TSESTree.CallExpression, resolver: SyncValueResolver): SyncQuery | undefined {
  const shape = getBuilderQueryShape(node);
  if (!shape || getSyncValueKind(shape.root, resolver) !== 'builder') return undefined;
  return { node, method: shape.method, isRead: shape.isRead };
}
