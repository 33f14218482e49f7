/**
 * The PostgreSQL proof for a fixture app whose helper module (lib/db.ts)
 * opens a pool on every call, reached from route handlers: the rule reports
 * the creation in the helper; under load the app exhausts PostgreSQL
 * (SQLSTATE 53300); with the rule's own suggestion applied to the helper,
 * every request of all the handlers succeeds on at most `poolMax` connections.
 * Each test file calls this once, inside its own vitest module.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { applyFirstSuggestion, lintFindings } from '../lint/rule-fixes';
import { createScratchDir, FIXTURES } from '../paths';
import { bundleHandlerModules } from './handler-instance';
import { expectExhausted, expectPooled } from './load-expectations';
import { LoadReport } from './load-report';
import { measureLoad } from './measure-load';

const RULE = 'next-db/no-pool-in-handler';
const LOAD = { requests: 50, waves: 2 };
const POOL_MAX = 5;
const HELPER = 'lib/db.ts';

export interface HelperAppProof {
  /** The fixture app, relative to test/fixtures. */
  fixture: string;
  /** Route handler files of the app, which all call the helper. */
  handlers: readonly string[];
  /** Text on the helper's line that creates the pool: `new Pool(`, `drizzle(`. */
  creationText: string;
  /** The report section (`<name>-<server source>`) and the scratch folder. */
  name: string;
}

export function describeHelperAppProof({ fixture, handlers, creationText, name }: HelperAppProof): void {
  const databases = inject('databases');
  const scratch = createScratchDir(name);
  const report = new LoadReport(`${name}-load-table`, LOAD);
  const label = `${handlers.map((file) => `\`${file}\``).join(' + ')} (\`${HELPER}\`)`;

  /** A copy of the fixture app (inside the repository, so packages resolve from the root node_modules). */
  function copyApp(copyName: string): string {
    const dir = path.join(scratch.dir, copyName);
    cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
    return dir;
  }

  /** Bundles all route handlers of the app copy in `appDir` into one instance. */
  function bundleApp(appDir: string, outName: string): Promise<string> {
    return bundleHandlerModules(
      handlers.map((file) => path.join(appDir, file)),
      path.join(scratch.dir, outName),
    );
  }

  describe('the rule on the app', () => {
    let appDir: string;
    beforeAll(() => {
      appDir = copyApp('lint');
    });

    it(`reports only the ${creationText}) in ${HELPER}, naming a route handler that reaches it`, async () => {
      const findings = await lintFindings(RULE, appDir, ['app/**/*.ts', 'lib/**/*.ts']);
      const creationLine = readFileSync(path.join(appDir, HELPER), 'utf8').split('\n').findIndex((line) => line.includes(creationText)) + 1;
      expect(findings.map(({ filePath, message }) => [path.relative(appDir, filePath), message.line])).toEqual([[HELPER, creationLine]]);
      expect(findings[0]?.message.message).toMatch(/app\/api\//);
    });
  });

  describe.each(databases)('PostgreSQL from $source', (database) => {
    let fixedHelper: string | undefined;

    it('before the fix, PostgreSQL refuses connections with SQLSTATE 53300', async () => {
      const bundle = await bundleApp(copyApp(`${database.source}-before`), `${database.source}-before-instance`);
      const measurement = await measureLoad(bundle, 'route-handler', database, LOAD);
      report.record(database, label, 'before fix', measurement);
      expectExhausted(measurement, database);
    });

    it(`the rule's own suggestion in ${HELPER} hoists the pool`, async () => {
      const appDir = copyApp(`${database.source}-suggestion`);
      const helperPath = path.join(appDir, HELPER);
      const suggestion = await applyFirstSuggestion(RULE, appDir, helperPath, readFileSync(helperPath, 'utf8'));
      expect(suggestion.findings).toHaveLength(1);
      expect(suggestion.findingsAfter).toEqual([]);
      fixedHelper = suggestion.fixed;
      console.log(`${HELPER} after the rule's suggestion:\n${fixedHelper}`);
    });

    it(`after the fix, every request of the handlers succeeds on at most ${POOL_MAX} connections`, async () => {
      if (fixedHelper === undefined) throw new Error("No fixed version: the previous test could not apply the rule's suggestion.");
      const appDir = copyApp(`${database.source}-after`);
      writeFileSync(path.join(appDir, HELPER), fixedHelper);
      const bundle = await bundleApp(appDir, `${database.source}-after-instance`);
      const measurement = await measureLoad(bundle, 'route-handler', database, LOAD);
      report.record(database, label, 'after fix', measurement);
      expectPooled(measurement, POOL_MAX);
    });
  });

  afterAll(() => {
    scratch.remove();
    report.write();
  });
}
