import { CALL, CONSTRUCT, type TraceMap } from '../ast/module-references';
import { DEFAULT_SIZE_OPTION, type PoolFactoryOption } from './pool-defaults';
import { PRISMA_ADAPTER_FACTORIES, PRISMA_CLIENT_TRAITS } from './prisma-factories';

/** How a factory is shared once hoisted. */
export type PoolSingletonStyle =
  /** `const pool = new Pool({ ..., max: 5 })` at module scope. */
  | 'module'
  /** Prisma's `globalThis` singleton, which survives `next dev` hot reloads. */
  | 'global-this';

/** A function or class whose call opens a connection pool (or a client owning one). */
export interface PoolFactory extends Omit<PoolFactoryOption, 'sizeOption'> {
  /** The option key for the pool size; `max` when omitted, `null` when the factory has none. */
  sizeOption?: string | null;
  /** Whether the first argument may be a URL string, the options then coming second (postgres.js). */
  urlFirst?: boolean;
  /** Whether the options argument may itself be a URL string, which then keeps its own size (mysql2). */
  acceptsUrl?: boolean;
  /**
   * The key a URL string goes under when the suggestion sets a size:
   * pg-promise's `pgp(url)` becomes `pgp({ connectionString: url, max: 5 })`.
   */
  urlOption?: string;
  /**
   * The key of the first argument's object that holds the pool options
   * (Drizzle's `connection`). The call opens a pool only when its first
   * argument is a URL string or an object with this key: `drizzle(url)`,
   * `drizzle({ connection })`, not `drizzle(pool)` or `drizzle({ client })`.
   */
  connectionOption?: string;
  /** Whether the factory is what a call of the export returns: `const pgp = pgPromise(); pgp(url)`. */
  returnsFactory?: boolean;
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

/** The option key for the factory's pool size, or null when it has none (Prisma). */
export function getSizeOption(factory: PoolFactory): string | null {
  return factory.sizeOption === undefined ? DEFAULT_SIZE_OPTION : factory.sizeOption;
}

/** Drizzle's `drizzle()` for a driver, and the key a URL goes under in its `connection` object. */
function drizzleFactory(driver: string, sizeOption: string, urlOption?: string): PoolFactory {
  return { module: `drizzle-orm/${driver}`, import: 'drizzle', sizeOption, connectionOption: 'connection', urlOption, suggestedName: 'db' };
}

/** The factories next-db knows. The VS Code extension reads module names from here. */
export const BUILTIN_POOL_FACTORIES: readonly PoolFactory[] = [
  { module: 'pg', import: 'Pool' },
  { module: '@neondatabase/serverless', import: 'Pool', perRequestOnEdge: true },
  { module: '@vercel/postgres', import: 'createPool' },
  { module: 'mysql2', import: 'createPool', sizeOption: 'connectionLimit', acceptsUrl: true },
  { module: 'mysql2/promise', import: 'createPool', sizeOption: 'connectionLimit', acceptsUrl: true },
  { module: 'postgres', urlFirst: true, suggestedName: 'sql' },
  { module: 'mariadb', import: 'createPool', sizeOption: 'connectionLimit', acceptsUrl: true },
  { module: 'pg-promise', returnsFactory: true, urlOption: 'connectionString', suggestedName: 'db' },
  drizzleFactory('node-postgres', 'max', 'connectionString'),
  // A URL string gets `supportBigNumbers: true` from Drizzle, which an options object would lose: it keeps its size.
  drizzleFactory('mysql2', 'connectionLimit'),
  drizzleFactory('postgres-js', 'max', 'url'),
  { module: '@prisma/client', ...PRISMA_CLIENT_TRAITS },
  ...PRISMA_ADAPTER_FACTORIES,
];

/**
 * Calls and constructions that take a pool and build a client around it, in
 * one expression with the pool: `drizzle(new Pool())`,
 * `new Kysely({ dialect: new PostgresDialect({ pool: new Pool() }) })`. The
 * report and the hoist are on the outermost one.
 */
export interface PoolWrapper {
  module: string;
  import: string;
  /** The method that closes the client and its pool: Kysely's `destroy()`. */
  closeMethod?: string;
  suggestedName?: string;
}

export const POOL_WRAPPERS: readonly PoolWrapper[] = [
  ...['node-postgres', 'mysql2', 'postgres-js'].map((driver) => ({ module: `drizzle-orm/${driver}`, import: 'drizzle', suggestedName: 'db' })),
  { module: 'kysely', import: 'Kysely', closeMethod: 'destroy', suggestedName: 'db' },
  { module: 'kysely', import: 'PostgresDialect', suggestedName: 'dialect' },
  { module: 'kysely', import: 'MysqlDialect', suggestedName: 'dialect' },
];

/** A ReferenceTracker map matching every call and construction of the factories. */
export function buildFactoryTraceMap<T extends { module: string; import?: string }>(factories: readonly T[]): TraceMap {
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
