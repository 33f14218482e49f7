import { expect, test } from 'vitest';
import { getOnlyFinding, isReportOf, lintWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';
import type { Problem } from '../helpers/workbench';

const FILE = 'pages/api/users.ts';
const SETTINGS = '.vscode/settings.json';

test('turning a rule off in next-db.rules removes its diagnostics without a reload', async (context) => {
  const { workspace, workbench } = await openScenario(context, 'rule-off-in-settings');
  const finding = getOnlyFinding(lintWithPlugin(workspace.dir, FILE, workspace.read(FILE)), 'no-pool-in-handler');
  const isShown = (problems: Problem[]) => problems.some((problem) => isReportOf(problem, FILE, finding));

  await workbench.openFile(FILE);
  await workbench.showProblems();
  await workbench.waitForProblems('no-pool-in-handler before the change', isShown);
  // Set on the page now: a reload would wipe it, so it proves the window was never reloaded.
  await workbench.page.evaluate(() => Object.assign(globalThis, { nextDbE2eNoReload: true }));

  // Editing the workspace's settings.json is what the Settings editor does too.
  workspace.write(SETTINGS, JSON.stringify({ 'next-db.rules': { 'no-pool-in-handler': 'off' } }, null, 2));
  await workbench.waitForProblems('no-pool-in-handler gone once it is off', (problems) => !isShown(problems));

  // And back on: the rule was switched off by the setting, not by a server that stopped.
  workspace.write(SETTINGS, JSON.stringify({ 'next-db.rules': { 'no-pool-in-handler': 'error' } }, null, 2));
  await workbench.waitForProblems('no-pool-in-handler back once it is on again', isShown);

  expect(await workbench.page.evaluate(() => 'nextDbE2eNoReload' in globalThis)).toBe(true);
});
