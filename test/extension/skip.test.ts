/**
 * Proves that skipping files without trigger words never hides a finding:
 * 1. every fixture file is linted with and without the skip, with equal results;
 * 2. every report any rule test makes is in a text the skip check says may
 *    concern the rules. The rule tests' cases are run here once more, with the
 *    rules wrapped to record their reports; their own pass or fail is the rule
 *    tests' business, so their assertions are not repeated as tests here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import { rules } from '../../eslint-plugin/src/rules';
import { lintText } from '../../extension/src/server/lint';
import { buildTriggerPattern, mayConcernRules } from '../../extension/src/server/trigger-words';
import { type PoolFactorySetting, normalizeSettings } from '../../extension/src/shared/settings';
import { listFixtureFiles } from '../support/fixture-apps';
import { ROOT } from './helpers';

interface RecordedReport {
  rule: string;
  filename: string;
  text: string;
  factories: PoolFactorySetting[];
}

const recorded: RecordedReport[] = [];

function getFactoryOption(options: readonly unknown[]): PoolFactorySetting[] {
  const first = options[0] as { factories?: PoolFactorySetting[] } | undefined;
  return Array.isArray(first?.factories) ? first.factories : [];
}

type AnyRule = { create: (context: never) => unknown };

/** Wraps each rule's `create` so every report is recorded along with the file it was made in. */
for (const [name, rule] of Object.entries(rules) as Array<[string, AnyRule]>) {
  const create = rule.create.bind(rule);
  rule.create = ((context: { filename: string; sourceCode: { text: string }; options: unknown[]; report: (d: unknown) => void }) => {
    const recordingContext = Object.create(context, {
      report: {
        value(descriptor: unknown) {
          // The extension never passes no-pool-end-in-handler's `closingFunctions`, so it cannot make these reports.
          if ((context.options[0] as { closingFunctions?: unknown[] } | undefined)?.closingFunctions?.length) return context.report(descriptor);
          recorded.push({ rule: name, filename: context.filename, text: context.sourceCode.text, factories: getFactoryOption(context.options) });
          context.report(descriptor);
        },
      },
    }) as typeof context;
    return create(recordingContext as never);
  }) as AnyRule['create'];
}

const ruleTestDir = path.join(ROOT, 'test/rules');
const ruleTestFiles = fs.existsSync(ruleTestDir)
  ? fs.readdirSync(ruleTestDir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.test.ts'))
  : [];

// Run every case right away while importing; an assertion failing in a case only ends that case.
RuleTester.describe = (_name, callback) => callback();
RuleTester.it = (_name, callback) => {
  try {
    callback();
  } catch {
    // Reported by the rule tests themselves.
  }
};
RuleTester.itOnly = RuleTester.it;
for (const file of ruleTestFiles) await import(path.join(ruleTestDir, file));

describe('the trigger-word skip', () => {
  it('never hides a finding the rule tests expect', () => {
    if (ruleTestFiles.length > 0) expect(recorded.length).toBeGreaterThan(0);
    const hidden = recorded.filter((report) => !mayConcernRules(report.text, report.filename, ROOT, report.factories));
    expect(hidden).toEqual([]);
  });

  // test/extension/fixtures holds apps made for this proof, e.g. a page whose only query is an imported transaction.
  it.each([...listFixtureFiles(), ...listFixtureFiles(path.join(import.meta.dirname, 'fixtures'))].map((file) => [path.relative(ROOT, file.filePath), file] as const))(
    'gives the same findings with and without the skip for %s',
    (_, { appRoot, filePath }) => {
      const text = fs.readFileSync(filePath, 'utf8');
      const request = { text, filename: filePath, cwd: appRoot, settings: normalizeSettings({}) };
      const withSkip = lintText(request);
      const withoutSkip = lintText({ ...request, noSkip: true });
      expect(withoutSkip.error).toBeUndefined();
      expect(withSkip.messages).toEqual(withoutSkip.messages);
    },
  );

  it('does skip a file that cannot concern the rules', () => {
    const text = "import { useState } from 'react';\nexport function Counter() { const [n] = useState(0); return n; }\n";
    expect(mayConcernRules(text, path.join(ROOT, 'test/fixtures/example-app/app/counter.tsx'), ROOT)).toBe(false);
    expect(lintText({ text, filename: 'x.tsx', cwd: ROOT, settings: normalizeSettings({}) }).skipped).toBe(true);
  });

  it('does not skip a page whose only finding is a transaction imported from another file', () => {
    const appRoot = path.join(import.meta.dirname, 'fixtures/imported-database');
    const filename = path.join(appRoot, 'app/page.ts');
    const text = fs.readFileSync(filename, 'utf8');
    const findings = lintText({ text, filename, cwd: appRoot, settings: normalizeSettings({}), noSkip: true }).messages;
    expect(findings.map((message) => message.ruleId)).toEqual(['next-db/require-connection']);
    expect(buildTriggerPattern([]).test(text), 'the page itself must hold no trigger word').toBe(false);
    expect(mayConcernRules(text, filename, appRoot)).toBe(true);
  });
});
