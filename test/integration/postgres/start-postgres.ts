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
