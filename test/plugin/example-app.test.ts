// Lints the example app the way a user's CI does: the real ESLint class, the
// published flat config object, and files found on disk.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { recommendedFlatConfig } from '../support/lint-config.mjs';
import { EXAMPLE_APP_DIR, EXPECTED_FINDINGS, lintProject } from '../support/example-app-findings';

describe('the example app under the recommended config', () => {
  it('reports exactly the planted problems and nothing in the correct files', async () => {
    const eslint = new ESLint({ cwd: EXAMPLE_APP_DIR, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin) });
    expect(await lintProject(eslint)).toEqual(EXPECTED_FINDINGS);
  });
});
