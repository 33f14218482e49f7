/**
 * Claim 1 (issue 4): a pool created per request exhausts a real PostgreSQL
 * (SQLSTATE 53300); after `no-pool-in-handler`'s own suggestion hoists it,
 * every request succeeds on at most 5 connections.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { bundleHandlerInstance } from './handlers/handler-instance';
import { measureLoad, type LoadMeasurement } from './handlers/measure-load';
import { formatErrorCodes, summarize } from './handlers/summarize';
import type { HandlerKind } from './handlers/wave-result';
import type { DatabaseInfo } from './postgres/database-info';
import { applyFirstSuggestion } from './lint/rule-fixes';
import { createScratchDir, FIXTURES } from './paths';
import { markdownTable, writeReportSection } from './report/readme-report';

const databases = inject('databases');
const EXAMPLE_APP = path.join(FIXTURES, 'example-app');
const LOAD = { requests: 50, waves: 2 };
const POOL_MAX = 5;
const HANDLERS: { kind: HandlerKind; file: string }[] = [
  { kind: 'pages-api', file: 'pages/api/users.ts' },
  { kind: 'route-handler', file: 'app/api/users/route.ts' },
];

const scratch = createScratchDir('pool-per-request');
/** The README table's rows, per server. */
const tableRows = new Map<DatabaseInfo, (string | number)[][]>();

function record(database: DatabaseInfo, file: string, version: string, measurement: LoadMeasurement): void {
  const totals = summarize(measurement);
  const rows = tableRows.get(database) ?? [];
  tableRows.set(database, rows);
  rows.push([
    `\`${file}\``,
    version,
    totals.requests,
    totals.successes,
    measurement.peakConnections,
    measurement.peakSessions,
    measurement.connectionsOpened,
    formatErrorCodes(totals.errorCodes),
    `${Math.round(totals.wallMs)} ms`,
  ]);
}

describe.each(databases)('PostgreSQL from $source', (database) => {
  describe.each(HANDLERS)('$file under $kind load', ({ kind, file }) => {
    const filePath = path.join(EXAMPLE_APP, file);
    const original = readFileSync(filePath, 'utf8');
    let fixed: string | undefined;

    it('before the fix, PostgreSQL refuses connections with SQLSTATE 53300', async () => {
      const bundle = await bundleHandlerInstance(original, path.join(scratch.dir, `${database.source}-${kind}-before`));
      const measurement = await measureLoad(bundle, kind, database, LOAD);
      record(database, file, 'before fix', measurement);
      const totals = summarize(measurement);

      expect(totals.errorCodes['53300'], JSON.stringify(measurement)).toBeGreaterThan(0);
      expect(totals.successes).toBeLessThan(totals.requests);
      // More sockets at once than the role has slots: a pool, and a connection, per request.
      expect(measurement.peakConnections).toBeGreaterThan(database.appSlots);
      expect(measurement.peakSessions).toBeLessThanOrEqual(database.appSlots);
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
      record(database, file, 'after fix', measurement);
      const totals = summarize(measurement);

      expect(totals.errorCodes).toEqual({});
      expect(totals.successes).toBe(totals.requests);
      expect(measurement.peakConnections).toBeGreaterThan(0);
      expect(measurement.peakConnections).toBeLessThanOrEqual(POOL_MAX);
      expect(measurement.peakSessions).toBeLessThanOrEqual(POOL_MAX);
      // The second wave reuses the first wave's connections.
      expect(measurement.connectionsOpened).toBeLessThanOrEqual(POOL_MAX);
    });
  });
});

afterAll(() => {
  scratch.remove();
  for (const [database, rows] of tableRows) {
    const table = markdownTable(
      ['Handler', 'Version', 'Requests', 'Successes', 'Peak connections (proxy)', 'Peak sessions (pg_stat_activity)', 'Connections opened', 'Errors (SQLSTATE)', 'Wall time'],
      rows,
    );
    const settings =
      `PostgreSQL ${database.serverVersion} (${database.source}), max_connections=${database.maxConnections}, ` +
      `superuser_reserved_connections=${database.superuserReservedConnections}, ` +
      `app role slots=${database.appSlots}; ` +
      `${LOAD.waves} waves of ${LOAD.requests} concurrent requests per handler instance, each running \`SELECT pg_sleep(0.05)\`.`;
    console.log(`\n${settings}\n${table}\n`);
    writeReportSection(`pool-load-table-${database.source}`, `${settings}\n\n${table}`);
  }
});
