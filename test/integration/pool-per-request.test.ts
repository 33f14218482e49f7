/**
 * Claim 1 (issue 4): a pool created per request exhausts a real PostgreSQL
 * (SQLSTATE 53300); after `no-pool-in-handler`'s own suggestion hoists it,
 * every request succeeds on at most 5 connections.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { bundleHandlerInstance } from './handlers/handler-instance';
import { expectExhausted, expectPooled } from './handlers/load-expectations';
import { measureLoad } from './handlers/measure-load';
import { LoadReport } from './handlers/load-report';
import type { HandlerKind } from './handlers/wave-result';
import { applyFirstSuggestion } from './lint/rule-fixes';
import { createScratchDir, FIXTURES } from './paths';

const databases = inject('databases');
const EXAMPLE_APP = path.join(FIXTURES, 'example-app');
const LOAD = { requests: 50, waves: 2 };
const POOL_MAX = 5;
const HANDLERS: { kind: HandlerKind; file: string }[] = [
  { kind: 'pages-api', file: 'pages/api/users.ts' },
  { kind: 'route-handler', file: 'app/api/users/route.ts' },
];

const scratch = createScratchDir('pool-per-request');
const report = new LoadReport('pool-load-table', LOAD);

describe.each(databases)('PostgreSQL from $source', (database) => {
  describe.each(HANDLERS)('$file under $kind load', ({ kind, file }) => {
    const filePath = path.join(EXAMPLE_APP, file);
    const original = readFileSync(filePath, 'utf8');
    let fixed: string | undefined;

    it('before the fix, PostgreSQL refuses connections with SQLSTATE 53300', async () => {
      const bundle = await bundleHandlerInstance(original, path.join(scratch.dir, `${database.source}-${kind}-before`));
      const measurement = await measureLoad(bundle, kind, database, LOAD);
      report.record(database, `\`${file}\``, 'before fix', measurement);
      expectExhausted(measurement, database);
    });

    it("the rule reports the pool, and its own suggestion hoists it", async () => {
      const suggestion = await applyFirstSuggestion('next-db/no-pool-in-handler', EXAMPLE_APP, filePath, original);
      expect(suggestion.findings).toHaveLength(1);
      expect(suggestion.findingsAfter).toEqual([]);
      fixed = suggestion.fixed;
      console.log(`${file} after the rule's suggestion:\n${fixed}`);
    });

    it(`after the fix, every request succeeds on at most ${POOL_MAX} connections`, async () => {
      if (fixed === undefined) throw new Error('No fixed version: the previous test could not apply the rule\'s suggestion.');
      const bundle = await bundleHandlerInstance(fixed, path.join(scratch.dir, `${database.source}-${kind}-after`));
      const measurement = await measureLoad(bundle, kind, database, LOAD);
      report.record(database, `\`${file}\``, 'after fix', measurement);
      expectPooled(measurement, POOL_MAX);
    });
  });
});

afterAll(() => {
  scratch.remove();
  report.write();
});
