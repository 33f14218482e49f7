import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createAppRole } from './postgres/app-role';
import type { DatabaseInfo } from './postgres/database-info';
import type { PostgresServer } from './postgres/server';
import { startPostgresServers } from './postgres/start-postgres';

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

/** Readies one server for the load test: reads its settings and creates the handlers' normal role. */
async function describeDatabase(adminUrl: string, server: PostgresServer | undefined) {
  const settings = await readServerSettings(adminUrl);
  const role = await createAppRole(adminUrl, server ? -1 : SHARED_SERVER_ROLE_LIMIT).catch((error: unknown) => {
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
  console.log(
    `[integration] PostgreSQL ${info.serverVersion} from ${info.source}: max_connections=${info.maxConnections}, ` +
      `superuser_reserved_connections=${info.superuserReservedConnections}, app role connection limit=${info.appConnectionLimit}`,
  );
  return { info, dropRole: role.drop };
}

/**
 * Starts the run's PostgreSQL servers once (or uses DATABASE_URL) and always
 * stops them, even when setup or a test fails.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env.DATABASE_URL;
  const servers: PostgresServer[] = given ? [] : await startPostgresServers();
  const dropRoles: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const dropRole of dropRoles) {
      await dropRole().catch((error: unknown) => console.error(`[integration] could not drop the test role: ${String(error)}`));
    }
    await Promise.all(servers.map((server) => server.stop()));
  };
  try {
    const targets = given ? [{ adminUrl: given, server: undefined }] : servers.map((server) => ({ adminUrl: server.superuserUrl, server }));
    const databases: DatabaseInfo[] = [];
    for (const { adminUrl, server } of targets) {
      const { info, dropRole } = await describeDatabase(adminUrl, server);
      dropRoles.push(dropRole);
      databases.push(info);
    }
    project.provide('databases', databases);
    return teardown;
  } catch (error) {
    await teardown();
    throw error;
  }
}
