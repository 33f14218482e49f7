import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../../eslint-plugin/src/index';
import { applyFix } from '../../support/lint-config.mjs';

export type RuleId = 'next-db/no-pool-end-in-handler' | 'next-db/no-pool-in-handler' | 'next-db/release-pool-client' | 'next-db/require-connection';

/** ESLint with only `ruleId` on, as a project at `cwd` would run it; `fix` applies that rule's autofixes. */
function createESLint(cwd: string, ruleId: RuleId, fix = false): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,jsx,mjs,cjs,ts,tsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { 'next-db': plugin as unknown as ESLint.Plugin },
        rules: { [ruleId]: 'error' },
      },
    ],
    fix: fix ? (message) => message.ruleId === ruleId : false,
  });
}

async function lintText(eslint: ESLint, code: string, filePath: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  const fatal = result?.messages.find((message) => message.fatal);
  if (fatal) throw new Error(`${filePath} does not parse: ${fatal.message}`);
  return result?.messages ?? [];
}

export interface SuggestionResult {
  /** The rule's findings in the original code. */
  findings: Linter.LintMessage[];
  /** The code with the first finding's first suggestion applied. */
  fixed: string;
  /** The rule's findings in the fixed code. */
  findingsAfter: Linter.LintMessage[];
}

/**
 * Lints `code` as the file `filePath` of the project at `cwd` and applies the
 * rule's own suggestion, exactly as an editor would: its `fix.range` replaced
 * by its `fix.text`.
 */
export async function applyFirstSuggestion(ruleId: RuleId, cwd: string, filePath: string, code: string): Promise<SuggestionResult> {
  const eslint = createESLint(cwd, ruleId);
  const findings = (await lintText(eslint, code, filePath)).filter((message) => message.ruleId === ruleId);
  const suggestion = findings[0]?.suggestions?.[0];
  if (suggestion === undefined) {
    throw new Error(`${ruleId} offers no suggestion for ${filePath}; findings: ${JSON.stringify(findings, null, 2)}`);
  }
  const fixed = applyFix(code, suggestion.fix);
  const findingsAfter = (await lintText(eslint, fixed, filePath)).filter((message) => message.ruleId === ruleId);
  return { findings, fixed, findingsAfter };
}

export interface AutofixResult {
  /** Files (absolute) where the rule reported something before the fix. */
  reportedFiles: string[];
  /** Files the autofix rewrote on disk. */
  fixedFiles: string[];
  /** The rule's findings left after fixing. */
  findingsAfter: Linter.LintMessage[];
}

/** Runs `eslint --fix` for one rule over `patterns` in the project at `cwd` and writes the fixes. */
export async function applyAutofixes(ruleId: RuleId, cwd: string, patterns: string[]): Promise<AutofixResult> {
  const reported = await createESLint(cwd, ruleId).lintFiles(patterns);
  const fatal = reported.flatMap((result) => result.messages.filter((message) => message.fatal).map((message) => `${result.filePath}: ${message.message}`));
  if (fatal.length > 0) throw new Error(`Files do not parse:\n${fatal.join('\n')}`);
  const fixing = await createESLint(cwd, ruleId, true).lintFiles(patterns);
  await ESLint.outputFixes(fixing);
  const after = await createESLint(cwd, ruleId).lintFiles(patterns);
  const ruleMessages = (result: ESLint.LintResult) => result.messages.filter((message) => message.ruleId === ruleId);
  return {
    reportedFiles: reported.filter((result) => ruleMessages(result).length > 0).map((result) => result.filePath),
    fixedFiles: fixing.filter((result) => result.output !== undefined).map((result) => result.filePath),
    findingsAfter: after.flatMap(ruleMessages),
  };
}
