// A monorepo linted from its root with no settings: apps/admin has `next` in
// its package.json but no next.config.* (it is optional), and must still get
// its findings, in the route handler and in the data module its static page
// reaches.
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { lintProject, type Finding } from '../support/example-app-findings';
import { recommendedFlatConfig } from '../support/lint-config.mjs';

const MONOREPO_DIR = path.join(__dirname, '..', 'fixtures', 'monorepo');

const EXPECTED_FINDINGS: Finding[] = [
  {
    file: 'apps/admin/app/api/users/route.ts',
    line: 5,
    column: 16,
    ruleId: 'next-db/no-pool-in-handler',
    messageId: 'poolInHandler',
    fix: 'suggestion',
  },
  { file: 'apps/admin/lib/stats.ts', line: 5, column: 66, ruleId: 'next-db/require-connection', messageId: 'requireConnectionReached', fix: 'autofix' },
];

describe('a monorepo app with next in its package.json and no next.config', () => {
  it('gets its findings when ESLint runs from the monorepo root with no settings', async () => {
    const eslint = new ESLint({ cwd: MONOREPO_DIR, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin) });
    expect(await lintProject(eslint, MONOREPO_DIR)).toEqual(EXPECTED_FINDINGS);
  });
});
