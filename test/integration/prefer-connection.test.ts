/**
 * prefer-connection (issue 10): after the rule's own autofix turns
 * `noStore()` into `await connection()`, a real `next build` still renders
 * the page per request (ƒ), and `next start` reads the database on every
 * request. The /counter page of the same build, which reads the same data
 * with no opt-out, is the control: it is prerendered (○).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAutofixes } from './lint/rule-fixes';
import { prepareCounterApp, readCounter, setCounter } from './next/counter-app';
import type { NextApp } from './next/next-app';
import { getRouteMarker, nextBuild, readPrerenderedRoute } from './next/next-build';
import { fetchPage, startNextServer, type NextServer } from './next/next-server';
import { createScratchDir } from './paths';

const ROUTE = '/no-store';
const PAGE = 'app/no-store/page.tsx';
const BUILD_TIME_VALUE = 1111;

const scratch = createScratchDir('prefer-connection');
let server: NextServer | undefined;

describe.sequential('after the prefer-connection autofix', () => {
  let app: NextApp;
  let fixApplied = false;
  let built = false;
  beforeAll(() => {
    app = prepareCounterApp(path.join(scratch.dir, 'app'), BUILD_TIME_VALUE);
  });

  it('the rule reports only the noStore() page, and its autofix rewrites it to await connection()', async () => {
    const result = await applyAutofixes('next-db/prefer-connection', app.dir, ['app/**/*.{ts,tsx}']);
    const page = path.join(app.dir, PAGE);
    expect(result.reportedFiles).toEqual([page]);
    expect(result.fixedFiles).toEqual([page]);
    expect(result.findingsAfter).toEqual([]);
    const fixed = readFileSync(page, 'utf8');
    expect(fixed).toContain("import { connection } from 'next/server';");
    expect(fixed).toContain('  await connection();');
    expect(fixed).not.toContain('noStore');
    fixApplied = true;
    console.log(`${PAGE} after the autofix:\n${fixed}`);
  });

  it('next build keeps the page dynamic (ƒ), while the same data with no opt-out is prerendered (○)', async () => {
    if (!fixApplied) throw new Error('The autofix was not applied (see the previous test), so there is nothing to build.');
    const build = await nextBuild(app);
    console.log(`next build took ${(build.durationMs / 1000).toFixed(1)} s\n${build.output}`);
    expect(getRouteMarker(build.output, ROUTE)).toBe('ƒ');
    expect(readPrerenderedRoute(app, ROUTE)).toEqual({ inManifest: false, html: undefined });
    expect(getRouteMarker(build.output, '/counter')).toBe('○');
    built = true;
  });

  it('next start reads the database on every request', async () => {
    if (!built) throw new Error('The build failed (see the previous test), so there is nothing to serve.');
    server = await startNextServer(app);
    setCounter(app.databasePath, 2222);
    expect(readCounter(await fetchPage(server, ROUTE))).toBe(2222);
    setCounter(app.databasePath, 3333);
    expect(readCounter(await fetchPage(server, ROUTE))).toBe(3333);
  });
});

afterAll(async () => {
  await server?.stop();
  scratch.remove();
});
