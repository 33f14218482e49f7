import { CALL, CONSTRUCT, type TraceMap } from './module-references';
import { PRISMA_ADAPTER_FACTORIES, PRISMA_CLIENT_TRAITS } from './prisma-factories';

/** How a factory is shared once hoisted. */
export type PoolSingletonStyle =
  /** `const pool = new Pool({ ..., max: 5 })` at module scope. */
  | 'module'
  /** Prisma's `globalThis` singleton, which survives `next dev` hot reloads. */
  | 'global-this';

/** A function or class whose call opens a connection pool (or a client owning one). */
export interface PoolFactory {
  /** The module it comes from, as written in `import`/`require`. */
  module: string;
  /** The named export; omitted for the module's default export (called or constructed). */
  import?: string;
  /** The option key for the pool size; `max` when omitted, `null` when the factory has none. */
  sizeOption?: string | null;
  /** Whether the first argument may be a URL string, the options then coming second (postgres.js). */
  urlFirst?: boolean;
  /** Whether the options argument may itself be a URL string, which then keeps its own size (mysql2). */
  acceptsUrl?: boolean;
  /** Not a finding in a file that declares `export const runtime = 'edge'` (Neon needs a pool per request there). */
  perRequestOnEdge?: boolean;
  /** The method that closes it, removed from handlers once it is shared. */
  closeMethod?: string;
  /** Module-level name given to the hoisted instance. */
  suggestedName?: string;
  singleton?: PoolSingletonStyle;
  /** A Prisma driver adapter: it opens a pool only when given options or a URL, not an existing pool. */
  adapter?: boolean;
}

/** The factories next-db knows. The VS Code extension reads module names from here. */
export const BUILTIN_POOL_FACTORIES: readonly PoolFactory[] = [
  { module: 'pg', import: 'Pool' },
  { module: '@neondatabase/serverless', import: 'Pool', perRequestOnEdge: true },
  { module: '@vercel/postgres', import: 'createPool' },
  { module: 'mysql2', import: 'createPool', sizeOption: 'connectionLimit', acceptsUrl: true },
  { module: 'mysql2/promise', import: 'createPool', sizeOption: 'connectionLimit', acceptsUrl: true },
  { module: 'postgres', urlFirst: true, suggestedName: 'sql' },
  { module: '@prisma/client', ...PRISMA_CLIENT_TRAITS },
  ...PRISMA_ADAPTER_FACTORIES,
];

/** A ReferenceTracker map matching every call and construction of the factories. */
export function buildFactoryTraceMap(factories: readonly PoolFactory[]): TraceMap {
  const traceMap: Record<string, Record<string | symbol, unknown>> = {};
  for (const factory of factories) {
    const moduleMap = (traceMap[factory.module] ??= {});
    const target = factory.import === undefined ? moduleMap : ((moduleMap[factory.import] ??= {}) as Record<symbol, unknown>);
    target[CALL] = factory;
    target[CONSTRUCT] = factory;
    // `import { default as postgres }` and `require('postgres').default`.
    if (factory.import === undefined) moduleMap.default = { [CALL]: factory, [CONSTRUCT]: factory };
  }
  return traceMap as TraceMap;
}
