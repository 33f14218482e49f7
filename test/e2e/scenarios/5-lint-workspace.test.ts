import { expect, test } from 'vitest';
import { lintWorkspaceWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';
import type { Problem } from '../helpers/workbench';

const describeProblem = (file: string, line: number, message: string) => `${file}:${line} ${message}`;

test('"next-db: Lint Workspace" fills the Problems view with the findings in unopened files', async (context) => {
  const { workspace, workbench } = await openScenario(context, 'lint-workspace');
  const expected = lintWorkspaceWithPlugin(workspace.dir)
    .map(({ file, finding }) => describeProblem(file, finding.line, finding.message))
    .sort();
  expect(expected.length).toBeGreaterThan(0);

  expect(await workbench.openEditorCount()).toBe(0);

  await workbench.runCommand('next-db: Lint Workspace');
  // The command reveals the Problems view itself once the results are in.
  await expect.poll(() => workbench.isProblemsViewVisible(), { timeout: 30_000 }).toBe(true);
  await workbench.showProblems();
  const reported = (problems: Problem[]) =>
    problems
      .filter((problem) => problem.source === 'next-db')
      .map((problem) => describeProblem(problem.file, problem.line, problem.message))
      .sort();
  const problems = await workbench.waitForProblems(`all ${expected.length} findings`, (shown) => reported(shown).length >= expected.length);

  // Exactly the CLI's findings: none missing, and no false alarm on the correct files.
  expect(reported(problems)).toEqual(expected);
});
