/**
 * Claim 2 (issue 4): a synchronous better-sqlite3 query with no
 * `await connection()` before it is frozen into static output by a real
 * `next build`; after `require-connection`'s own autofix the page is dynamic
 * and `next start` reads the database on every request.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAutofixes } from './lint/rule-fixes';
import { prepareCounterApp, readCounter, setCounter } from './next/counter-app';
import type { NextApp } from './next/next-app';
import { getRouteMarker, readPrerenderedBody, readPrerenderedRoute, type BuildResult } from './next/next-build';
import { createNextRun } from './next/next-run';
import { fetchPage, type NextServer } from './next/next-server';

const ROUTE = '/counter';
const DATA_FUNCTION = 'app/lib/counter.ts';
const BUILD_TIME_VALUE = 1111;

const run = createNextRun('next-prerender');

async function counterOverHttp(server: NextServer): Promise<number | undefined> {
  return readCounter(await fetchPage(server, ROUTE));
}

describe.sequential('before the fix', () => {
  let app: NextApp;
  let build: BuildResult | undefined;
  beforeAll(() => {
    app = prepareCounterApp(path.join(run.dir, 'before'), BUILD_TIME_VALUE);
  });

  it('next build prerenders the page with the build-time value', async () => {
    build = await run.build(app, 'before fix');

    expect(getRouteMarker(build.output, ROUTE)).toBe('○');
    const prerendered = readPrerenderedRoute(app, ROUTE);
    expect(prerendered.inManifest).toBe(true);
    expect(prerendered.html).toBeDefined();
    expect(readCounter(prerendered.html ?? '')).toBe(BUILD_TIME_VALUE);
  });

  // Why require-connection leaves `dynamic = 'force-static'` routes alone (its
  // silence there is asserted below: it reports only the data function).
  it("under force-static, a GET is prerendered with or without await connection(), so the fix could not help", () => {
    if (!build) throw new Error('The build failed (see the previous test).');
    for (const route of ['/api/snapshot', '/api/snapshot-with-connection']) {
      expect(getRouteMarker(build.output, route), route).toBe('○');
      expect(readPrerenderedRoute(app, route).inManifest, route).toBe(true);
      expect(JSON.parse(readPrerenderedBody(app, route) ?? 'null'), route).toEqual({ visits: BUILD_TIME_VALUE });
    }
  });

  it('next start keeps serving the frozen value after the database changes', async () => {
    const server = await run.serve(app);
    setCounter(app.databasePath, 2001);
    expect(await counterOverHttp(server)).toBe(BUILD_TIME_VALUE);
    expect(await counterOverHttp(server)).toBe(BUILD_TIME_VALUE);
    await server.stop();
  });
});

describe.sequential('after the require-connection autofix', () => {
  let app: NextApp;
  beforeAll(() => {
    app = prepareCounterApp(path.join(run.dir, 'after'), BUILD_TIME_VALUE);
  });
  let fixApplied = false;

  it('the rule reports the data function and its autofix rewrites it', async () => {
    const result = await applyAutofixes('next-db/require-connection', app.dir, ['app/**/*.{ts,tsx}']);
    const dataFunction = path.join(app.dir, DATA_FUNCTION);
    expect(result.reportedFiles).toEqual([dataFunction]);
    expect(result.fixedFiles).toEqual([dataFunction]);
    expect(result.findingsAfter).toEqual([]);
    fixApplied = true;
    console.log(`${DATA_FUNCTION} after the autofix:\n${readFileSync(dataFunction, 'utf8')}`);
  });

  it('next build leaves the page dynamic', async () => {
    if (!fixApplied) throw new Error('The autofix was not applied (see the previous test), so there is nothing to build.');
    const build = await run.build(app, 'after fix');

    expect(getRouteMarker(build.output, ROUTE)).toBe('ƒ');
    const prerendered = readPrerenderedRoute(app, ROUTE);
    expect(prerendered.inManifest).toBe(false);
    expect(prerendered.html).toBeUndefined();
  });

  it('next start reads the database on every request', async () => {
    if (!fixApplied) throw new Error('The autofix was not applied (see the previous tests), so there is nothing to serve.');
    const server = await run.serve(app);
    setCounter(app.databasePath, 2222);
    expect(await counterOverHttp(server)).toBe(2222);
    expect(await counterOverHttp(server)).toBe(2222);
    setCounter(app.databasePath, 3333);
    expect(await counterOverHttp(server)).toBe(3333);
    await server.stop();
  });
});

afterAll(() => run.finish('next-build-times'));
