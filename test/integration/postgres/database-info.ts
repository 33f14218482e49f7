/** What the global setup hands to the tests (through vitest's `provide`). */
export interface DatabaseInfo {
  /** Where the server came from: our own Debian or embedded cluster, or DATABASE_URL. */
  source: 'debian' | 'embedded' | 'DATABASE_URL';
  /** A superuser (or the given DATABASE_URL) for setup and pg_stat_activity. */
  adminUrl: string;
  /** The normal role the handlers connect as. */
  appUrl: string;
  /** The app role's user name, to filter pg_stat_activity. */
  appUser: string;
  serverVersion: string;
  maxConnections: number;
  superuserReservedConnections: number;
  appConnectionLimit: number;
  /** How many sessions the app role can hold at once: its own limit, or the non-reserved slots. */
  appSlots: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** One per server the run started (or the DATABASE_URL server). */
    databases: DatabaseInfo[];
  }
}
