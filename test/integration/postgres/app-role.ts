import { randomBytes } from 'node:crypto';
import pg from 'pg';

export interface AppRole {
  /** Connection string for the handlers: a normal (non-superuser) role. */
  url: string;
  /** The role's own connection limit, or -1 when only max_connections applies. */
  connectionLimit: number;
  drop(): Promise<void>;
}

/**
 * Creates the login role the handlers connect as. It must not be a superuser:
 * superusers may use the slots reserved for them and never see SQLSTATE 53300.
 * `connectionLimit` caps the role itself, for a shared server whose
 * max_connections is too high for 50 requests to exhaust.
 */
export async function createAppRole(superuserUrl: string, connectionLimit = -1): Promise<AppRole> {
  const name = `next_db_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  const admin = new pg.Client({ connectionString: superuserUrl });
  await admin.connect();
  try {
    await admin.query(
      `CREATE ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE CONNECTION LIMIT ${connectionLimit} PASSWORD '${password}'`,
    );
  } finally {
    await admin.end();
  }
  const url = new URL(superuserUrl);
  url.username = name;
  url.password = password;
  return {
    url: url.toString(),
    connectionLimit,
    async drop() {
      const client = new pg.Client({ connectionString: superuserUrl });
      await client.connect();
      try {
        await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1', [name]);
        await client.query(`DROP ROLE IF EXISTS ${name}`);
      } finally {
        await client.end();
      }
    },
  };
}
