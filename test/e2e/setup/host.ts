import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { HOST_DIR, NODE24_BIN, NODE24_DIR } from './paths';
import { runCommand } from './run-command';
import { ensureSystemPackages } from './system-packages';

// Written after a successful install; holds the hash of the lockfile it was installed from.
const INSTALL_MARKER = path.join(HOST_DIR, 'node_modules/.next-db-e2e-host');

function lockfileHash(): string {
  return createHash('sha256').update(readFileSync(path.join(HOST_DIR, 'package-lock.json'))).digest('hex');
}

function isHostInstalled(): boolean {
  return existsSync(INSTALL_MARKER) && readFileSync(INSTALL_MARKER, 'utf8') === lockfileHash() && existsSync(NODE24_BIN);
}

/**
 * The environment without what an outer `npm run` adds (npm_config_*, npm_package_*, ...).
 * Otherwise the inner npm inherits, for example, a user agent naming Node 20, and
 * code-server's install script refuses to run.
 */
function withoutNpmRunEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !/^npm_/i.test(name) && name !== 'NODE' && name !== 'INIT_CWD'));
}

/**
 * Installs code-server and Node 24 into test/e2e/host the first time (about 2-3 minutes),
 * so the unit tests never pay for it. code-server's native modules must be built against
 * Node 24, so the rebuild runs with that Node first on PATH and its headers as nodedir
 * (this machine's npm config otherwise points node-gyp at Node 20's headers).
 */
export async function ensureHost(): Promise<void> {
  if (isHostInstalled()) return;
  await ensureSystemPackages(['libkrb5-dev', 'g++', 'make', 'python3']);

  const started = performance.now();
  console.log('[e2e] installing the E2E host (code-server + Node 24) into test/e2e/host, one time only');
  const env = withoutNpmRunEnv(process.env);
  await runCommand('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: HOST_DIR, env });

  const node24Env = {
    ...env,
    PATH: `${path.dirname(NODE24_BIN)}${path.delimiter}${env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
  };
  await runCommand('npm', ['rebuild', '--no-audit', '--no-fund'], { cwd: HOST_DIR, env: node24Env });

  writeFileSync(INSTALL_MARKER, lockfileHash());
  console.log(`[e2e] E2E host installed in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
