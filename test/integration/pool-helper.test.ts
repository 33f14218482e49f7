/**
 * Issue 8, a pool built in another module: test/fixtures/pool-helper-app's
 * lib/db.ts `getPool()` returns `new Pool()` on every call, and two route
 * handlers call it. Under load PostgreSQL refuses connections (SQLSTATE
 * 53300); after `no-pool-in-handler`'s own suggestion is applied in lib/db.ts
 * (where it reports), both handlers together stay on at most 5 connections.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bundleHandlerModules } from './handlers/handler-instance';
import { expectExhausted, expectPooled } from './handlers/load-expectations';
import { LoadReport } from './handlers/load-report';
import { measureLoad } from './handlers/measure-load';
import { applyFirstSuggestion, lintFindings } from './lint/rule-fixes';
import { createScratchDir, FIXTURES } from './paths';

const databases = inject('databases');
const RULE = 'next-db/no-pool-in-handler';
const LOAD = { requests: 50, waves: 2 };
const POOL_MAX = 5;
const HELPER = 'lib/db.ts';
const HANDLERS = ['app/api/a/route.ts', 'app/api/b/route.ts'];
const HANDLER_LABEL = '`app/api/a/route.ts` + `app/api/b/route.ts` (`getPool()` from `lib/db.ts`)';

const scratch = createScratchDir('pool-helper');
const report = new LoadReport('pool-helper-load-table', LOAD);

/** A copy of the fixture app (inside the repository, so `pg` resolves from the root node_modules). */
function copyApp(name: string): string {
  const dir = path.join(scratch.dir, name);
  cpSync(path.join(FIXTURES, 'pool-helper-app'), dir, { recursive: true });
  return dir;
}

/** Bundles both route handlers of the app copy in `appDir` into one instance. */
function bundleApp(appDir: string, outName: string): Promise<string> {
  return bundleHandlerModules(
    HANDLERS.map((file) => path.join(appDir, file)),
    path.join(scratch.dir, outName),
  );
}

describe('the rule on the app', () => {
  let appDir: string;
  beforeAll(() => {
    appDir = copyApp('lint');
  });

  it('reports only the new Pool() in lib/db.ts, naming a route handler that reaches it', async () => {
    const findings = await lintFindings(RULE, appDir, ['app/**/*.ts', 'lib/**/*.ts']);
    const creationLine = readFileSync(path.join(appDir, HELPER), 'utf8').split('\n').findIndex((line) => line.includes('new Pool(')) + 1;
    expect(findings.map(({ filePath, message }) => [path.relative(appDir, filePath), message.line])).toEqual([[HELPER, creationLine]]);
    expect(findings[0]?.message.message).toMatch(/api\/[ab]/);
  });
});

describe.each(databases)('PostgreSQL from $source', (database) => {
  let fixedHelper: string | undefined;

  it('before the fix, PostgreSQL refuses connections with SQLSTATE 53300', async () => {
    const bundle = await bundleApp(copyApp(`${database.source}-before`), `${database.source}-before-instance`);
    const measurement = await measureLoad(bundle, 'route-handler', database, LOAD);
    report.record(database, HANDLER_LABEL, 'before fix', measurement);
    expectExhausted(measurement, database);
  });

  it("the rule's own suggestion in lib/db.ts hoists the pool", async () => {
    const appDir = copyApp(`${database.source}-suggestion`);
    const helperPath = path.join(appDir, HELPER);
    const suggestion = await applyFirstSuggestion(RULE, appDir, helperPath, readFileSync(helperPath, 'utf8'));
    expect(suggestion.findings).toHaveLength(1);
    expect(suggestion.findingsAfter).toEqual([]);
    fixedHelper = suggestion.fixed;
    console.log(`${HELPER} after the rule's suggestion:\n${fixedHelper}`);
  });

  it(`after the fix, every request of both handlers succeeds on at most ${POOL_MAX} connections`, async () => {
    if (fixedHelper === undefined) throw new Error("No fixed version: the previous test could not apply the rule's suggestion.");
    const appDir = copyApp(`${database.source}-after`);
    writeFileSync(path.join(appDir, HELPER), fixedHelper);
    const bundle = await bundleApp(appDir, `${database.source}-after-instance`);
    const measurement = await measureLoad(bundle, 'route-handler', database, LOAD);
    report.record(database, HANDLER_LABEL, 'after fix', measurement);
    expectPooled(measurement, POOL_MAX);
  });
});

afterAll(() => {
  scratch.remove();
  report.write();
});
