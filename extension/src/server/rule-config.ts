import type { Linter } from 'eslint';
import plugin from '../../../eslint-plugin/src/index';
import type { NextDbSettings, RuleSeverity } from '../shared/settings';

/** The plugin's rule names without prefix, e.g. `no-pool-in-handler`. */
export const RULE_NAMES = Object.keys(plugin.rules);

const PREFIX = 'next-db/';

export function getDocsUrl(ruleId: string): string | undefined {
  const rule = (plugin.rules as Record<string, { meta?: { docs?: { url?: string } } }>)[ruleId.replace(PREFIX, '')];
  return rule?.meta?.docs?.url;
}

function getRecommendedSeverity(ruleName: string): RuleSeverity {
  const level = (plugin.configs.recommended.rules as Record<string, unknown>)[`${PREFIX}${ruleName}`];
  if (level === 'warn' || level === 1) return 'warn';
  if (level === 'error' || level === 2) return 'error';
  return 'off';
}

/** Each rule's options, mapped from the settings. */
function getRuleOptions(ruleName: string, settings: NextDbSettings): unknown[] {
  if (ruleName === 'no-pool-in-handler') {
    const options: Record<string, unknown> = { poolSize: settings.poolSize };
    if (settings.poolFactories.length > 0) options.factories = settings.poolFactories;
    return [options];
  }
  return [];
}

/**
 * The `rules` the server lints with: the recommended config, overridden per
 * rule by `next-db.rules`, minus the rules left to the ESLint extension.
 */
export function buildRulesConfig(settings: NextDbSettings, excludedRules: ReadonlySet<string>): Linter.RulesRecord {
  const rules: Linter.RulesRecord = {};
  for (const ruleName of RULE_NAMES) {
    const severity = excludedRules.has(ruleName) ? 'off' : (settings.rules[ruleName] ?? getRecommendedSeverity(ruleName));
    rules[`${PREFIX}${ruleName}`] = severity === 'off' ? 'off' : [severity, ...getRuleOptions(ruleName, settings)];
  }
  return rules;
}

export function hasEnabledRule(rules: Linter.RulesRecord): boolean {
  return Object.values(rules).some((entry) => entry !== 'off');
}

export interface PresetRules {
  recommended: string[];
  all: string[];
}

/** Rule names in the plugin's `recommended` and `all` configs (for reading a workspace's ESLint config). */
export function getPresetRules(): PresetRules {
  const namesOf = (rules: Record<string, unknown>) =>
    Object.entries(rules)
      .filter(([, level]) => level !== 'off' && level !== 0)
      .map(([ruleId]) => ruleId.replace(PREFIX, ''));
  return { recommended: namesOf(plugin.configs.recommended.rules), all: namesOf(plugin.configs.all.rules) };
}
