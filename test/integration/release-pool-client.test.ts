/**
 * Issue 10, rule 3: a client that a failed query leaves checked out exhausts a
 * real pg pool. With `max: 2`, two failing requests leak both connections and
 * the third waits for a client that never comes back. After
 * `release-pool-client`'s own suggestion (`try { … } finally { client.release(); }`),
 * 50 failing requests in a row each fail at once, on at most 2 connections.
 */
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { bundleHandlerInstance, runSequentialInstance } from './handlers/handler-instance';
import { withCountedConnections } from './handlers/measure-load';
import type { SequentialCall } from './handlers/wave-result';
import { applyFirstSuggestion } from './lint/rule-fixes';
import { createScratchDir } from './paths';
import type { DatabaseInfo } from './postgres/database-info';
import { markdownTable, writeReportSection } from './report/readme-report';

const databases = inject('databases');
const POOL_MAX = 2;
const REQUESTS = 50;
/** How long a request may wait before it counts as hanging. */
const TIME_LIMIT_MS = 3_000;
/** SQLSTATE undefined_table: the query fails on the server, as a bad query in production would. */
const QUERY_ERROR = '42P01';
const HANDLER_FILE = 'app/api/orders/route.ts';
const HANDLER = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: ${POOL_MAX} });

// The orders table was never created: every query fails.
export async function GET() {
  const client = await pool.connect();
  const { rows } = await client.query('SELECT id, total FROM orders ORDER BY id');
  client.release();
  return Response.json(rows);
}
`;

const scratch = createScratchDir('release-pool-client');
const tableRows = new Map<DatabaseInfo, (string | number)[][]>();

async function runSequentially(source: string, database: DatabaseInfo, name: string) {
  const bundle = await bundleHandlerInstance(source, path.join(scratch.dir, name), path.join(import.meta.dirname, 'handlers/sequential-entry.ts'));
  const { result: calls, counts } = await withCountedConnections(database, (databaseUrl) =>
    runSequentialInstance(bundle, { requests: REQUESTS, timeLimitMs: TIME_LIMIT_MS, databaseUrl }),
  );
  return { calls, counts };
}

function record(database: DatabaseInfo, version: string, calls: SequentialCall[], peakConnections: number): void {
  const rows = tableRows.get(database) ?? [];
  tableRows.set(database, rows);
  const outcomes = new Map<string, number>();
  for (const call of calls) outcomes.set(call.outcome, (outcomes.get(call.outcome) ?? 0) + 1);
  const slowest = Math.max(...calls.map((call) => call.ms));
  rows.push([version, calls.length, [...outcomes].map(([outcome, count]) => `${outcome} ×${count}`).join(', '), `${slowest} ms`, peakConnections]);
}

describe.each(databases)('PostgreSQL from $source', (database) => {
  let fixed: string | undefined;

  it(`before the fix, two failed queries leak both clients and the third request waits past ${TIME_LIMIT_MS} ms`, async () => {
    const { calls, counts } = await runSequentially(HANDLER, database, `${database.source}-before`);
    record(database, 'before fix', calls, counts.peakConnections);
    expect(calls.map((call) => call.outcome), JSON.stringify(calls)).toEqual([QUERY_ERROR, QUERY_ERROR, 'TIMEOUT']);
    expect(calls[2]?.ms).toBeGreaterThanOrEqual(TIME_LIMIT_MS);
    // Both leaked clients still hold their connections.
    expect(counts.peakConnections).toBe(POOL_MAX);
  });

  it('the rule reports the checkout, and its own suggestion releases the client in finally', async () => {
    const suggestion = await applyFirstSuggestion('next-db/release-pool-client', scratch.dir, path.join(scratch.dir, HANDLER_FILE), HANDLER);
    expect(suggestion.findings.map((finding) => finding.message)).toEqual([
      expect.stringContaining('If `client.query()` on line 8 throws, it stays checked out'),
    ]);
    expect(suggestion.findingsAfter).toEqual([]);
    expect(suggestion.fixed).toContain('} finally {\n    client.release();\n  }');
    fixed = suggestion.fixed;
  });

  it(`after the fix, ${REQUESTS} failing requests in a row each fail at once, on at most ${POOL_MAX} connections`, async () => {
    if (fixed === undefined) throw new Error("No fixed version: the previous test could not apply the rule's suggestion.");
    const { calls, counts } = await runSequentially(fixed, database, `${database.source}-after`);
    record(database, 'after fix', calls, counts.peakConnections);
    expect(calls).toHaveLength(REQUESTS);
    expect(new Set(calls.map((call) => call.outcome))).toEqual(new Set([QUERY_ERROR]));
    expect(calls.every((call) => call.ms < TIME_LIMIT_MS)).toBe(true);
    expect(counts.peakConnections).toBeGreaterThan(0);
    expect(counts.peakConnections).toBeLessThanOrEqual(POOL_MAX);
    expect(counts.peakSessions).toBeLessThanOrEqual(POOL_MAX);
  });
});

afterAll(() => {
  scratch.remove();
  for (const [database, rows] of tableRows) {
    const table = markdownTable(['Version', 'Requests run', 'Outcomes', 'Slowest request', 'Peak connections (proxy)'], rows);
    const settings =
      `PostgreSQL ${database.serverVersion} (${database.source}); a route handler on a pg Pool with max: ${POOL_MAX}, ` +
      `whose query fails (SQLSTATE ${QUERY_ERROR}); requests one at a time, each given ${TIME_LIMIT_MS} ms (the run stops at the first that hangs).`;
    console.log(`\n${settings}\n${table}\n`);
    writeReportSection(`release-pool-client-${database.source}`, `${settings}\n\n${table}`);
  }
});
