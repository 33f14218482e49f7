/**
 * Synchronous SQLite drivers: their queries finish while Next.js prerenders,
 * so the result is frozen into the build output. The VS Code extension derives
 * its trigger words from these lists, so keep them the single source of truth.
 */
export const SYNC_DRIVER_MODULES: readonly string[] = ['better-sqlite3', 'node:sqlite'];

/** Database methods that run SQL right away. */
export const DATABASE_QUERY_METHODS: readonly string[] = ['exec', 'pragma'];

/** Database method that compiles SQL into a statement. */
export const PREPARE_METHOD = 'prepare';

/** Database method that wraps a function in a transaction; calling the result runs it. */
export const TRANSACTION_METHOD = 'transaction';

/** better-sqlite3 transaction variants (`insertMany.immediate(rows)`), which also run it. */
export const TRANSACTION_VARIANTS: readonly string[] = ['deferred', 'immediate', 'exclusive'];

/** Statement methods that execute the statement. */
export const STATEMENT_QUERY_METHODS: readonly string[] = ['get', 'all', 'run', 'iterate'];

/** Statement methods that return the statement again, with a mode switched (`prepare(sql).pluck().get()`). */
export const STATEMENT_CHAIN_METHODS: readonly string[] = [
  'pluck',
  'raw',
  'expand',
  'bind',
  'safeIntegers',
  'setReadBigInts',
  'setAllowBareNamedParameters',
  'setAllowUnknownNamedParameters',
];

/** Statement methods whose result is read at module scope, where only reads are worth a report. */
export const STATEMENT_READ_METHODS: readonly string[] = ['get', 'all', 'iterate'];

/** Every method name that can take part in a synchronous query (for editors' trigger words). */
export const SYNC_QUERY_METHODS: readonly string[] = [
  PREPARE_METHOD,
  TRANSACTION_METHOD,
  ...DATABASE_QUERY_METHODS,
  ...STATEMENT_QUERY_METHODS,
  ...STATEMENT_CHAIN_METHODS,
  ...TRANSACTION_VARIANTS,
];

/** How a driver's database is created: `new Database()` (better-sqlite3) or `new DatabaseSync()` (node:sqlite). */
export interface DatabaseConstructor {
  module: string;
  /** Export holding the constructor; undefined for the module itself (the default export). */
  exportName: string | undefined;
}

export const DATABASE_CONSTRUCTORS: readonly DatabaseConstructor[] = [
  { module: 'better-sqlite3', exportName: undefined },
  { module: 'node:sqlite', exportName: 'DatabaseSync' },
];

/**
 * Query builders over a synchronous driver. Their queries run synchronously
 * too: Drizzle's `drizzle-orm/better-sqlite3` executes on `.all()`, `.get()`,
 * `.run()`, `.values()` or when a query is awaited; Kysely with a
 * `SqliteDialect` wraps better-sqlite3, so its `execute*()` promises resolve
 * before the prerender ends. Either way the result is frozen.
 */
export const DRIZZLE_SYNC_MODULES: readonly string[] = ['drizzle-orm/better-sqlite3'];
export const KYSELY_MODULE = 'kysely';

/** Drizzle query-builder methods that start a query (`db.select()…`), and the ones that run it synchronously. */
export const DRIZZLE_QUERY_STARTS: readonly string[] = ['select', 'selectDistinct', 'insert', 'update', 'delete', 'with'];
export const DRIZZLE_EXECUTE_METHODS: readonly string[] = ['all', 'get', 'run', 'values'];

/** Kysely query-builder methods that run a query. */
export const KYSELY_EXECUTE_METHODS: readonly string[] = ['execute', 'executeTakeFirst', 'executeTakeFirstOrThrow'];

/** Words whose presence in a module's text makes it worth following for a synchronous database. */
export const SYNC_DATABASE_WORDS: readonly string[] = [...SYNC_DRIVER_MODULES, ...DRIZZLE_SYNC_MODULES, 'SqliteDialect'];
