/**
 * Issue 10, rule 4: a route handler that ends the pool every request shares
 * works once. On a real PostgreSQL, the first request succeeds and every
 * later one fails with pg's "Cannot use a pool after calling end on the pool"
 * (here "Called end on pool more than once", from the `end()` in `finally`);
 * after `no-pool-end-in-handler`'s own suggestion (the `end()` statement and
 * its emptied `finally` removed), 50 requests of 50 succeed.
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
const REQUESTS = 50;
const POOL_MAX = 5;
const TIME_LIMIT_MS = 10_000;
/** pg's errors once the pool is ended: the query's, or (ending again in `finally`, which then wins) end()'s. */
const ENDED_POOL_ERRORS = ['Cannot use a pool after calling end on the pool', 'Called end on pool more than once'];
const HANDLER_FILE = 'app/api/time/route.ts';
const HANDLER = `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: ${POOL_MAX} });

export async function GET() {
  try {
    const { rows } = await pool.query('SELECT now() AS time');
    return Response.json({ time: rows[0].time });
  } finally {
    // The half-fix for "too many connections": end the pool after each request.
    await pool.end();
  }
}
`;

const scratch = createScratchDir('no-pool-end-in-handler');
const tableRows = new Map<DatabaseInfo, (string | number)[][]>();

async function runSequentially(source: string, database: DatabaseInfo, name: string) {
  const entry = path.join(import.meta.dirname, 'handlers/sequential-entry.ts');
  const bundle = await bundleHandlerInstance(source, path.join(scratch.dir, name), entry);
  return withCountedConnections(database, (databaseUrl) =>
    runSequentialInstance(bundle, { requests: REQUESTS, timeLimitMs: TIME_LIMIT_MS, databaseUrl }),
  );
}

function record(database: DatabaseInfo, version: string, calls: SequentialCall[], peakConnections: number): void {
  const rows = tableRows.get(database) ?? [];
  tableRows.set(database, rows);
  const outcomes = new Map<string, number>();
  for (const call of calls) outcomes.set(call.outcome, (outcomes.get(call.outcome) ?? 0) + 1);
  const successes = outcomes.get('ok') ?? 0;
  const failures = [...outcomes].filter(([outcome]) => outcome !== 'ok').map(([outcome, count]) => `"${outcome}" ×${count}`);
  rows.push([version, calls.length, successes, failures.join(', ') || 'none', peakConnections]);
}

describe.each(databases)('PostgreSQL from $source', (database) => {
  let fixed: string | undefined;

  it('before the fix, the first request succeeds and every later one fails: the pool is gone', async () => {
    const { result: calls, counts } = await runSequentially(HANDLER, database, `${database.source}-before`);
    record(database, 'before fix', calls, counts.peakConnections);
    expect(calls, JSON.stringify(calls)).toHaveLength(REQUESTS);
    expect(calls[0]?.outcome).toBe('ok');
    for (const call of calls.slice(1)) expect(ENDED_POOL_ERRORS).toContain(call.outcome);
  });

  it('the rule reports the end() call, and its own suggestion removes it with its finally', async () => {
    const suggestion = await applyFirstSuggestion('next-db/no-pool-end-in-handler', scratch.dir, path.join(scratch.dir, HANDLER_FILE), HANDLER);
    expect(suggestion.findings.map((finding) => finding.message)).toEqual(
      [expect.stringContaining(`every later one fails with "${ENDED_POOL_ERRORS[0]}" (or "${ENDED_POOL_ERRORS[1]}"`)],
    );
    expect(suggestion.findingsAfter).toEqual([]);
    expect(suggestion.fixed).not.toContain('pool.end()');
    expect(suggestion.fixed).not.toContain('finally');
    fixed = suggestion.fixed;
  });

  it(`after the fix, ${REQUESTS} requests of ${REQUESTS} succeed on at most ${POOL_MAX} connections`, async () => {
    if (fixed === undefined) throw new Error("No fixed version: the previous test could not apply the rule's suggestion.");
    const { result: calls, counts } = await runSequentially(fixed, database, `${database.source}-after`);
    record(database, 'after fix', calls, counts.peakConnections);
    expect(calls.map((call) => call.outcome)).toEqual(Array.from({ length: REQUESTS }, () => 'ok'));
    expect(counts.peakConnections).toBeGreaterThan(0);
    expect(counts.peakConnections).toBeLessThanOrEqual(POOL_MAX);
    // One shared pool: the connection is reused, not reopened per request.
    expect(counts.connectionsOpened).toBeLessThanOrEqual(POOL_MAX);
  });
});

afterAll(() => {
  scratch.remove();
  for (const [database, rows] of tableRows) {
    const table = markdownTable(['Version', 'Requests', 'Successes', 'Failures', 'Peak connections (proxy)'], rows);
    const settings =
      `PostgreSQL ${database.serverVersion} (${database.source}); a route handler on a module-level pg Pool (max: ${POOL_MAX}) ` +
      `that ends it in \`finally\`; ${REQUESTS} requests one at a time.`;
    console.log(`\n${settings}\n${table}\n`);
    writeReportSection(`no-pool-end-in-handler-${database.source}`, `${settings}\n\n${table}`);
  }
});
