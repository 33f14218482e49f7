import { expect, test } from 'vitest';
import { getOnlyFinding, isReportOf, lintWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';

const FILE = 'app/api/users/route.ts';
const TYPED = 'const replica = new Pool({ connectionString: process.env.REPLICA_URL });';

test('a pool typed into a route handler is reported while typing, before any save', async (context) => {
  const { workspace, workbench } = await openScenario(context, 'diagnostic-while-typing');
  const original = workspace.read(FILE);
  const existing = getOnlyFinding(lintWithPlugin(workspace.dir, FILE, original), 'no-pool-in-handler');

  await workbench.openFile(FILE);
  await workbench.showProblems();
  // The finding already in the file shows that the server is up before typing starts.
  await workbench.waitForProblems('the existing finding', (problems) => problems.some((problem) => isReportOf(problem, FILE, existing)));

  // A new line right after the existing pool, inside the same GET handler.
  const lines = original.split('\n');
  const typedLine = existing.line + 1;
  const indent = /^\s*/.exec(lines[existing.line - 1]!)![0];
  const edited = [...lines.slice(0, existing.line), indent + TYPED, ...lines.slice(existing.line)].join('\n');
  const expected = lintWithPlugin(workspace.dir, FILE, edited).find(
    (message) => message.ruleId === 'next-db/no-pool-in-handler' && message.line === typedLine,
  );
  if (!expected) throw new Error(`ESLint does not report the typed pool in:\n${edited}`);

  await workbench.goTo(existing.line, lines[existing.line - 1]!.length + 1);
  await workbench.page.keyboard.press('Enter');
  const timing = await workbench.typeAndTimeProblem(TYPED, `${expected.message} at line ${expected.line} and character`);
  console.log(
    `[e2e] typing-to-diagnostic, ${FILE} (${lines.length} lines): ${timing.fromLastKeystrokeMs.toFixed(0)} ms after the last keystroke, ` +
      `${timing.fromFirstKeystrokeMs.toFixed(0)} ms after the first (${TYPED.length} characters typed)`,
  );

  await workbench.waitForProblems(`no-pool-in-handler at the typed line ${typedLine}`, (problems) =>
    problems.some((problem) => isReportOf(problem, FILE, expected)),
  );
  // Nothing was saved: the diagnostic came from the unsaved editor text.
  expect(workspace.read(FILE)).toBe(original);
  expect(await workbench.isActiveEditorDirty()).toBe(true);
});
