import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createAppRole } from './postgres/app-role';
import type { DatabaseInfo } from './postgres/database-info';
import type { PostgresServer } from './postgres/server';
import { startPostgres } from './postgres/start-postgres';

/** On a shared server (DATABASE_URL), the app role gets its own small limit. */
const SHARED_SERVER_ROLE_LIMIT = 15;

async function readServerSettings(adminUrl: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'max_connections', 'superuser_reserved_connections')`,
    );
    const setting = (name: string) => rows.find((row) => row.name === name)?.setting ?? '';
    return {
      serverVersion: setting('server_version'),
      maxConnections: Number(setting('max_connections')),
      superuserReservedConnections: Number(setting('superuser_reserved_connections')),
    };
  } finally {
    await client.end();
  }
}

/** Starts one PostgreSQL for the whole run (or uses DATABASE_URL) and always stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  const server: PostgresServer | undefined = given ? undefined : await startPostgres();
  try {
    const adminUrl = given ?? server!.superuserUrl;
    const settings = await readServerSettings(adminUrl);
    const role = await createAppRole(adminUrl, given ? SHARED_SERVER_ROLE_LIMIT : -1).catch((error: unknown) => {
      throw new Error(`Could not create the test's login role (the DATABASE_URL user needs CREATEROLE): ${String(error)}`);
    });
    const info: DatabaseInfo = {
      source: server?.source ?? 'DATABASE_URL',
      adminUrl,
      appUrl: role.url,
      appUser: decodeURIComponent(new URL(role.url).username),
      ...settings,
      appConnectionLimit: role.connectionLimit,
      appSlots: Math.min(
        settings.maxConnections - settings.superuserReservedConnections,
        role.connectionLimit >= 0 ? role.connectionLimit : Number.POSITIVE_INFINITY,
      ),
    };
    project.provide('database', info);
    console.log(
      `[integration] PostgreSQL ${info.serverVersion} from ${info.source}: max_connections=${info.maxConnections}, ` +
        `superuser_reserved_connections=${info.superuserReservedConnections}, app role connection limit=${info.appConnectionLimit}`,
    );
    return async () => {
      await role.drop().catch((error: unknown) => console.error(`[integration] could not drop the test role: ${String(error)}`));
      await server?.stop();
    };
  } catch (error) {
    await server?.stop();
    throw error;
  }
}
