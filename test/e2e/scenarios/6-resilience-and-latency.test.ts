import { expect, test } from 'vitest';
import { getOnlyFinding, isReportOf, lintWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';
import type { Workspace } from '../helpers/workspace';

const BASELINE_FILE = 'pages/api/users.ts';
const BROKEN_FILE = 'app/api/broken/route.ts';
const BIG_FILE = 'app/api/report/route.ts';
const BIG_FILE_LINES = 2_000;

// A route handler with a pool in it, cut off mid-expression: it cannot parse.
const BROKEN_SOURCE = `import { Pool } from 'pg';

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL
  return Response.json(await pool.query('SELECT 1'
`;

/** A 2,000-line route module: many small helpers, then a GET handler at the very end. */
function bigRouteSource(): string {
  const header = [`import { Pool } from 'pg';`, ''];
  const handler = ['export async function GET() {', '  return Response.json({ total: helper0(1) });', '}', ''];
  const helpers: string[] = [];
  for (let index = 0; header.length + helpers.length + handler.length < BIG_FILE_LINES; index++) {
    helpers.push(`export function helper${index}(value: number): number {`, `  return value * ${index} + 1;`, '}', '');
  }
  return [...header, ...helpers, ...handler].join('\n');
}

function prepare(workspace: Workspace): void {
  workspace.write(BROKEN_FILE, BROKEN_SOURCE);
  workspace.write(BIG_FILE, bigRouteSource());
}

test('a syntax error and a 2,000-line file raise no error notifications; typing-to-diagnostic time', async (context) => {
  const { workspace, workbench } = await openScenario(context, 'resilience-and-latency', prepare);
  const big = workspace.read(BIG_FILE);
  expect(big.split('\n').length).toBeGreaterThanOrEqual(BIG_FILE_LINES);
  expect(lintWithPlugin(workspace.dir, BROKEN_FILE, BROKEN_SOURCE).filter((message) => message.ruleId !== null)).toEqual([]);

  // A file with a known finding first: its diagnostic shows the server is up.
  const baseline = getOnlyFinding(lintWithPlugin(workspace.dir, BASELINE_FILE, workspace.read(BASELINE_FILE)), 'no-pool-in-handler');
  await workbench.openFile(BASELINE_FILE);
  await workbench.showProblems();
  await workbench.waitForProblems('the baseline finding', (shown) => shown.some((problem) => isReportOf(problem, BASELINE_FILE, baseline)));

  await workbench.openFile(BROKEN_FILE);
  await workbench.openFile(BIG_FILE);

  // Type a pool into the big file's handler, right after its opening line.
  const lines = big.split('\n');
  const handlerLine = lines.indexOf('export async function GET() {') + 1;
  const typed = 'const pool = new Pool();';
  await workbench.goTo(handlerLine, lines[handlerLine - 1]!.length + 1);
  await workbench.page.keyboard.press('Enter');
  const edited = [...lines.slice(0, handlerLine), `  ${typed}`, ...lines.slice(handlerLine)].join('\n');
  const expected = lintWithPlugin(workspace.dir, BIG_FILE, edited).find(
    (message) => message.ruleId === 'next-db/no-pool-in-handler' && message.line === handlerLine + 1,
  );
  if (!expected) throw new Error('ESLint does not report the typed pool in the big file');

  const timing = await workbench.typeAndTimeProblem(typed, `${expected.message} at line ${expected.line} and character`);
  console.log(
    `[e2e] typing-to-diagnostic, ${BIG_FILE} (${lines.length} lines): ${timing.fromLastKeystrokeMs.toFixed(0)} ms after the last keystroke, ` +
      `${timing.fromFirstKeystrokeMs.toFixed(0)} ms after the first (${typed.length} characters typed)`,
  );
  const problems = await workbench.waitForProblems('the typed pool in the 2,000-line file', (shown) =>
    shown.some((problem) => isReportOf(problem, BIG_FILE, expected)),
  );

  // The broken file got no next-db diagnostics, and nothing went wrong loudly.
  expect(problems.filter((problem) => problem.source === 'next-db' && problem.file === BROKEN_FILE)).toEqual([]);
  expect(await workbench.errorNotifications()).toEqual([]);

  // The check above can fail: a save conflict, a real error notification, is seen by it.
  workspace.write(BIG_FILE, `${big}\n// changed on disk\n`);
  await workbench.page.keyboard.press('Control+S');
  await expect.poll(() => workbench.errorNotifications(), { timeout: 15_000 }).toContainEqual(expect.stringContaining('Failed to save'));
});
