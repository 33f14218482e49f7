import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, inject, test } from 'vitest';
import { getOnlyFinding, isReportOf, lintWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';
import { describeStartup, waitForLinterLoaded } from '../helpers/startup-timeline';
import { QUICK_FIX_SCREENSHOT_PATH } from '../setup/paths';
import { applyFix } from '../../support/lint-config.mjs';

const FILE = 'pages/api/users.ts';
const COLD_START_TIMEOUT_MS = 90_000;
// How long a fresh window of a Next.js app is given to start next-db before the first file is opened anyway.
const STARTUP_WAIT_MS = 30_000;

test('the pool hoist quick fix on a Pages API route writes exactly the rule’s suggestion', async (context) => {
  // create-next-app writes a next.config.ts: the window of such an app starts next-db before any file is opened.
  const { workspace, workbench } = await openScenario(context, 'pool-quick-fix', (created) => created.write('next.config.mjs', 'export default {};\n'));
  const windowLoaded = performance.now();
  const startedBeforeOpen = await waitForLinterLoaded(inject('codeServerLogsDir'), STARTUP_WAIT_MS);
  const readyAfterWindow = Math.round(performance.now() - windowLoaded);
  const original = workspace.read(FILE);
  const finding = getOnlyFinding(lintWithPlugin(workspace.dir, FILE, original), 'no-pool-in-handler');
  const hoist = finding.suggestions?.[0];
  if (!hoist) throw new Error(`ESLint offers no suggestion for ${JSON.stringify(finding)}`);

  // The first file of a fresh window, opened once next-db has started (as a user opens one a moment after the window).
  await workbench.showProblems();
  await workbench.recordLongTasks();
  const opening = performance.now();
  const openedAt = Date.now();
  await workbench.openFile(FILE);
  const editorShown = performance.now();
  const editorShownAt = Date.now();
  // A cold start on a loaded machine can take long: its time is printed, not judged.
  await workbench.waitForSquiggle(COLD_START_TIMEOUT_MS);
  const squiggled = performance.now();
  const squiggledAt = Date.now();
  await workbench.waitForProblemLabel(`${finding.message} at line ${finding.line} and character`, COLD_START_TIMEOUT_MS);
  const shown = performance.now();
  await workbench.waitForProblems(`no-pool-in-handler at line ${finding.line}`, (problems) => problems.some((problem) => isReportOf(problem, FILE, finding)));
  const timeline = await describeStartup(inject('codeServerLogsDir'), openedAt);
  const receivedAt = timeline.diagnosticsReceivedAt;
  console.log(
    [
      receivedAt === undefined
        ? '[e2e] cold start: next-db logged no time for its first diagnostics.'
        : `[e2e] cold start: next-db's first diagnostics reached VS Code ${receivedAt - editorShownAt} ms after the first file of a fresh window showed in its editor ` +
          `(${receivedAt - openedAt} ms after Quick Open was pressed). VS Code drew the squiggle ${squiggledAt - receivedAt} ms after that; ` +
          `its window's main thread spent ${await workbench.longTaskTimeBetween(receivedAt, squiggledAt)} ms of it in long tasks of its own.`,
      `[e2e] cold start: the first squiggle showed ${Math.round(squiggled - editorShown)} ms after the file showed, ` +
        `and the Problems view listed it ${Math.round(shown - editorShown)} ms after ` +
        `(${Math.round(squiggled - opening)} ms and ${Math.round(shown - opening)} ms after Quick Open was pressed; the run's first window: empty compile cache).`,
      startedBeforeOpen
        ? `[e2e] cold start: next-db had loaded its linter ${readyAfterWindow} ms after the window loaded, before the file was opened (activated by the app's next.config).`
        : `[e2e] cold start: next-db had not started ${readyAfterWindow} ms after the window loaded; it started on the open.`,
      'Breakdown, in ms after Quick Open was pressed (negative: before it):',
      ...timeline.lines,
    ].join('\n'),
  );

  await workbench.applyQuickFix(finding.line, finding.column, hoist.desc, async () => {
    // The README's picture of the quick fix, taken while the menu is open on the real finding.
    mkdirSync(path.dirname(QUICK_FIX_SCREENSHOT_PATH), { recursive: true });
    await workbench.screenshotEditor(QUICK_FIX_SCREENSHOT_PATH);
  });
  await workbench.save();

  expect(workspace.read(FILE)).toBe(applyFix(original, hoist.fix));
  await workbench.waitForProblems('no next-db problem left in the file', (problems) =>
    problems.every((problem) => !(problem.source === 'next-db' && problem.file === FILE)),
  );
});
