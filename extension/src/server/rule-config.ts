import type { Linter } from 'eslint';
import { RULE_NAMES, getAutofixTitle, getPresetRules, getDefaultSeverity, getRuleDocsUrl, getRuleOptions, toRuleId } from '../../../eslint-plugin/src/editor';
import type { RuleFacts } from './diagnostics';
import type { NextDbSettings } from '../shared/settings';

export { RULE_NAMES, getPresetRules };

export function getDocsUrl(ruleId: string): string | undefined {
  return getRuleDocsUrl(ruleId);
}

/** The docs page and autofix title of a message's rule, for a diagnostic and its quick fixes. */
export function getRuleFacts(message: Pick<Linter.LintMessage, 'ruleId' | 'messageId'>): RuleFacts | undefined {
  if (message.ruleId === null) return undefined;
  return { docsUrl: getRuleDocsUrl(message.ruleId), autofixTitle: getAutofixTitle(message.ruleId, message.messageId) };
}

/**
 * The `rules` the server lints with: the recommended and vercel configs, overridden per
 * rule by `next-db.rules`, minus the rules left to the ESLint extension.
 */
export function buildRulesConfig(settings: NextDbSettings, excludedRules: ReadonlySet<string>): Linter.RulesRecord {
  const rules: Linter.RulesRecord = {};
  for (const ruleName of RULE_NAMES) {
    const severity = excludedRules.has(ruleName) ? 'off' : (settings.rules[ruleName] ?? getDefaultSeverity(ruleName));
    rules[toRuleId(ruleName)] = severity === 'off' ? 'off' : [severity, ...getRuleOptions(ruleName, settings)];
  }
  return rules;
}

export function hasEnabledRule(rules: Linter.RulesRecord): boolean {
  return Object.values(rules).some((entry) => entry !== 'off');
}

/** Rule names in the plugin's presets, for reading a workspace's ESLint config. */
export type PresetRules = ReturnType<typeof getPresetRules>;
