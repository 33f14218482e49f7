// Property test: every fix and suggestion the rules produce on the fixture
// set parses again, removes the finding it was offered for, and converges
// (fixing the fixed text again changes nothing).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { applyFix, recommendedFlatConfig } from '../support/lint-config.mjs';
import { listFixtureFiles } from '../support/fixture-apps';

const config = recommendedFlatConfig(plugin);
const fixtureFiles = listFixtureFiles();

function lint(linter: Linter, text: string, filePath: string): Linter.LintMessage[] {
  return linter.verify(text, config, { filename: filePath });
}

function countByRule(messages: Linter.LintMessage[], ruleId: string | null): number {
  return messages.filter((message) => message.ruleId === ruleId).length;
}

function expectParses(messages: Linter.LintMessage[], what: string): void {
  expect(messages.filter((message) => message.fatal).map((message) => message.message), what).toEqual([]);
}

describe('fixes and suggestions on the fixture set', () => {
  it('finds findings with fixes to check', () => {
    const withEdits = fixtureFiles.flatMap(({ appRoot, filePath }) =>
      new Linter({ cwd: appRoot })
        .verify(fs.readFileSync(filePath, 'utf8'), config, { filename: filePath })
        .filter((message) => message.fix ?? message.suggestions?.length),
    );
    expect(withEdits.length).toBeGreaterThan(3);
  });

  it.each(fixtureFiles.map((file) => [path.relative(path.join(__dirname, '..'), file.filePath), file] as const))(
    '%s',
    (_name, { appRoot, filePath }) => {
      const linter = new Linter({ cwd: appRoot });
      const text = fs.readFileSync(filePath, 'utf8');
      const messages = lint(linter, text, filePath);
      expectParses(messages, 'the fixture itself');

      for (const message of messages) {
        const edits = [
          ...(message.fix ? [{ name: 'autofix', fix: message.fix }] : []),
          ...(message.suggestions ?? []).map((suggestion) => ({ name: `suggestion "${suggestion.desc}"`, fix: suggestion.fix })),
        ];
        for (const { name, fix } of edits) {
          const what = `${name} for ${message.ruleId} at ${message.line}:${message.column}`;
          const edited = applyFix(text, fix);
          const after = lint(linter, edited, filePath);
          expectParses(after, what);
          expect(countByRule(after, message.ruleId), what).toBeLessThan(countByRule(messages, message.ruleId));
        }
      }

      const fixed = linter.verifyAndFix(text, config, { filename: filePath });
      expectParses(fixed.messages, 'the autofixed text');
      const again = linter.verifyAndFix(fixed.output, config, { filename: filePath });
      expect(again.fixed, 'autofixing the autofixed text again').toBe(false);
      expect(again.output).toBe(fixed.output);
    },
  );
});
