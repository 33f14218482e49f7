/**
 * no-node-driver-on-edge: an edge route handler that reaches `pg` through
 * lib/db.ts fails a real `next build`, and the rule reports its import of
 * lib/db.ts naming the chain; so does one that takes a pg-free helper from a
 * barrel whose other re-exported module imports lib/db.ts (the bundler loads
 * the whole barrel), and once the route imports the helper from its own
 * module, as the message advises, it builds; the same app with Neon's
 * serverless driver in lib/db.ts builds, and the rule is silent. Four builds
 * in all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintFindings } from './lint/rule-fixes';
import { copyFixtureLayers } from './next/next-app';
import { getRouteMarker } from './next/next-build';
import { createNextRun } from './next/next-run';

const RULE = 'next-db/no-node-driver-on-edge';
const ROUTE_FILE = 'app/api/users/route.ts';

const run = createNextRun('no-node-driver-on-edge');

/** A copy of the fixture app (with `layers` on top of edge-build-app) in the run's folder. */
function prepareApp(name: string, layers: readonly string[] = []) {
  const dir = path.join(run.dir, name);
  copyFixtureLayers(['edge-build-app', ...layers], dir);
  return { dir, env: {} };
}

/** The output of a build that must fail (runProcess throws with the exit code and the output). */
async function failedBuildOutput(app: { dir: string; env: Record<string, string> }, label: string): Promise<string> {
  try {
    await run.build(app, `${label} (fails)`);
  } catch (error) {
    const output = error instanceof Error ? error.message : String(error);
    console.log(`next build with ${label} failed, as expected:\n${output}`);
    return output;
  }
  throw new Error(`next build succeeded with ${label}.`);
}

/** What Turbopack prints when an edge route's bundle loads pg. */
function expectNativeModuleFailure(output: string): void {
  expect(output).toContain('Failed to collect configuration for /api/users');
  expect(output).toContain('Native module not found: node:');
  expect(output).toContain('Build error occurred');
  expect(output).toContain('Failed to collect page data for /api/users');
}

describe.sequential('an edge route that reaches pg through lib/db.ts', () => {
  const app = prepareApp('pg');

  it('the rule reports the import of lib/db.ts in the edge route, naming the chain', async () => {
    const findings = await lintFindings(RULE, app.dir, ['app/**/*.ts', 'lib/**/*.ts']);
    expect(findings.map(({ filePath, message }) => [path.relative(app.dir, filePath), message.line])).toEqual([[ROUTE_FILE, 1]]);
    expect(findings[0]?.message.message).toContain('`../../../lib/db` loads it: lib/db.ts → `pg`.');
  });

  it('next build fails on the Node.js modules pg needs', async () => {
    expectNativeModuleFailure(await failedBuildOutput(app, 'pg on the edge'));
  });
});

describe.sequential('an edge route that takes a pg-free helper from a barrel whose other module imports lib/db.ts', () => {
  const app = prepareApp('barrel', ['edge-build-app-barrel']);

  it('the rule reports the import of the barrel, naming the chain through the other module', async () => {
    const findings = await lintFindings(RULE, app.dir, ['app/**/*.ts', 'lib/**/*.ts']);
    expect(findings.map(({ filePath, message }) => [path.relative(app.dir, filePath), message.line])).toEqual([[ROUTE_FILE, 1]]);
    expect(findings[0]?.message.message).toContain('`../../../lib` loads it: lib/index.ts → lib/users-report.ts → lib/db.ts → `pg`.');
    expect(findings[0]?.message.message).toContain('Import `greet` from lib/greet.ts instead of `../../../lib`: it loads no Node-only driver');
  });

  it('next build fails on pg just the same: loading the barrel loads every module it re-exports', async () => {
    expectNativeModuleFailure(await failedBuildOutput(app, 'pg behind a barrel on the edge'));
  });

  it("after the message's advice (import greet from lib/greet.ts), the rule is silent and next build succeeds", async () => {
    const routePath = path.join(app.dir, ROUTE_FILE);
    writeFileSync(routePath, readFileSync(routePath, 'utf8').replace("from '../../../lib';", "from '../../../lib/greet';"));
    expect(await lintFindings(RULE, app.dir, ['app/**/*.ts', 'lib/**/*.ts'])).toEqual([]);
    const build = await run.build(app, 'greet imported from its own module');
    expect(getRouteMarker(build.output, '/api/users')).toBe('ƒ');
  });
});

describe.sequential('the same app with the Neon serverless driver in lib/db.ts', () => {
  const app = prepareApp('neon', ['edge-build-app-neon']);

  it('the rule is silent', async () => {
    expect(await lintFindings(RULE, app.dir, ['app/**/*.ts', 'lib/**/*.ts'])).toEqual([]);
  });

  it('next build succeeds and lists the edge route', async () => {
    const build = await run.build(app, 'Neon on the edge');
    expect(getRouteMarker(build.output, '/api/users')).toBe('ƒ');
  });
});

afterAll(() => run.finish('edge-build-times'));
