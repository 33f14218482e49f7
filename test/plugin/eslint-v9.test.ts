// The plugin promises `eslint ^9.39.0 || ^10.0.0`: ESLint 9.39 must report
// exactly what ESLint 10 reports on the example app.
import { ESLint as ESLint9 } from 'eslint-v9';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { recommendedFlatConfig } from '../support/lint-config.mjs';
import { EXAMPLE_APP_DIR, EXPECTED_FINDINGS, lintProject } from '../support/example-app-findings';

describe('ESLint 9.39', () => {
  it('is the version under test', () => {
    expect(ESLint9.version).toMatch(/^9\.39\./);
  });

  it('reports the same findings on the example app as ESLint 10', async () => {
    const eslint = new ESLint9({
      cwd: EXAMPLE_APP_DIR,
      overrideConfigFile: true,
      overrideConfig: recommendedFlatConfig(plugin) as ESLint9.Options['overrideConfig'],
    });
    expect(await lintProject(eslint)).toEqual(EXPECTED_FINDINGS);
  });
});
