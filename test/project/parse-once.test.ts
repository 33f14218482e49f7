// The project model parses another file at most once per content: linting
// every file of the fixture apps with all rules, twice over and with the
// model told to forget what it knew in between, parses no file twice.
import * as fs from 'node:fs';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { forgetProjectCaches } from '../../eslint-plugin/src/project';
import { onModelParse } from '../../eslint-plugin/src/project/parse';
import { listFixtureFiles } from '../support/fixture-apps';
import { recommendedFlatConfig } from '../support/lint-config.mjs';

const parses = new Map<string, number>();
const stopListening = onModelParse((filePath) => parses.set(filePath, (parses.get(filePath) ?? 0) + 1));
afterAll(stopListening);

function lintFixtureApps(): void {
  for (const { appRoot, filePath } of listFixtureFiles()) {
    new Linter({ cwd: appRoot }).verify(fs.readFileSync(filePath, 'utf8'), recommendedFlatConfig(plugin), filePath);
  }
}

describe('parses by the project model', () => {
  it('parse each file at most once, however many files and rules ask about it', () => {
    lintFixtureApps();
    forgetProjectCaches();
    lintFixtureApps();
    // The model did read other files (else this proves nothing), and none of them twice.
    expect(parses.size).toBeGreaterThan(5);
    expect([...parses].filter(([, count]) => count > 1)).toEqual([]);
  });
});
