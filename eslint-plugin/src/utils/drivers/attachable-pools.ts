import { CALL, CONSTRUCT, type TraceMap } from '../ast/module-references';

/**
 * The pools `attachDatabasePool` from `@vercel/functions` accepts. It tells
 * them apart by their shape (checked against its source, 3.11.1): pg's pool
 * (and Neon's and `@vercel/postgres`'s, built on it) and mysql2's core pool
 * pass; anything else makes it throw "Unsupported database pool type" when
 * the module loads, so no other pool is ever suggested:
 * - postgres.js has no pool object with events;
 * - mysql2/promise wraps its core pool, which is passed instead (`pool.pool`);
 * - mariadb's pools keep their options private (3.4 and 3.5).
 */
export interface AttachablePool {
  module: string;
  import: string;
  /** The property holding the pool to pass, when the created object wraps it. */
  corePool?: string;
}

export const ATTACHABLE_POOLS: readonly AttachablePool[] = [
  { module: 'pg', import: 'Pool' },
  { module: '@neondatabase/serverless', import: 'Pool' },
  { module: '@vercel/postgres', import: 'createPool' },
  { module: 'mysql2', import: 'createPool' },
  { module: 'mysql2/promise', import: 'createPool', corePool: 'pool' },
];

/** The pool a factory creates, when `attachDatabasePool` accepts it. */
export function findAttachablePool(factory: { module: string; import?: string }): AttachablePool | undefined {
  return ATTACHABLE_POOLS.find((pool) => pool.module === factory.module && pool.import === factory.import);
}

/** A ReferenceTracker map matching every creation of an attachable pool. */
export function buildAttachableTraceMap(): TraceMap {
  const traceMap: Record<string, Record<string, unknown>> = {};
  for (const pool of ATTACHABLE_POOLS) {
    (traceMap[pool.module] ??= {})[pool.import] = { [CALL]: pool, [CONSTRUCT]: pool };
  }
  return traceMap as TraceMap;
}
