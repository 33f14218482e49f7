import { expect, test } from 'vitest';
import { getOnlyFinding, isReportOf, lintWithPlugin } from '../helpers/eslint-oracle';
import { openScenario } from '../helpers/scenario';
import { applyFix } from '../../support/lint-config.mjs';

// The data function of the server component app/visitors/page.tsx: a better-sqlite3 query
// that `next build` would freeze into the prerendered page.
const FILE = 'app/lib/data.ts';

test('the require-connection fix inserts await connection() and its next/server import', async (context) => {
  const { workspace, workbench } = await openScenario(context, 'require-connection-fix');
  const original = workspace.read(FILE);
  const finding = getOnlyFinding(lintWithPlugin(workspace.dir, FILE, original), 'require-connection');
  // An async data function gets an autofix, which the extension offers as the preferred quick fix.
  if (!finding.fix) throw new Error(`ESLint offers no fix for ${JSON.stringify(finding)}`);

  await workbench.openFile(FILE);
  await workbench.showProblems();
  await workbench.waitForProblems(`require-connection at line ${finding.line}`, (problems) =>
    problems.some((problem) => isReportOf(problem, FILE, finding)),
  );

  await workbench.applyQuickFix(finding.line, finding.column, 'Insert `await connection()` before the query');
  await workbench.save();

  const fixed = workspace.read(FILE);
  expect(fixed).toBe(applyFix(original, finding.fix));
  expect(fixed).toMatch(/^\s*await connection\(\);$/m);
  expect(fixed).toMatch(/^import \{ connection \} from 'next\/server';$/m);
  await workbench.waitForProblems('no next-db problem left in the file', (problems) =>
    problems.every((problem) => !(problem.source === 'next-db' && problem.file === FILE)),
  );
});
