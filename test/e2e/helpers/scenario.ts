import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestContext } from 'vitest';
import { TEST_RESULTS_DIR } from '../setup/paths';
import { Workbench } from './workbench';
import { createWorkspace, type Workspace } from './workspace';

export interface Scenario {
  workspace: Workspace;
  workbench: Workbench;
}

/**
 * Gives a test a fresh copy of the example app, lets it add files, then opens a workbench
 * window on it. When the test ends the window closes; if it failed, a screenshot of the
 * workbench is saved under test-results/ first.
 */
export async function openScenario(
  context: TestContext,
  name: string,
  prepare?: (workspace: Workspace) => void,
): Promise<Scenario> {
  const workspace = createWorkspace(name);
  prepare?.(workspace);
  const workbench = await Workbench.connect();
  context.onTestFinished(async () => {
    if (context.task.result?.state === 'fail') {
      mkdirSync(TEST_RESULTS_DIR, { recursive: true });
      const file = path.join(TEST_RESULTS_DIR, `e2e-${name}.png`);
      await workbench.screenshot(file).then(
        () => console.log(`[e2e] screenshot of the failed scenario: ${file}`),
        (error: unknown) => console.error(`[e2e] could not take a screenshot: ${String(error)}`),
      );
    }
    await workbench.close();
  });
  await workbench.load(workspace.dir);
  return { workspace, workbench };
}
