import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from './rules';

const PLUGIN_NAME = 'next-db';
const { name, version } = require('../package.json') as { name: string; version: string };

type RuleLevels = Partial<Record<`${typeof PLUGIN_NAME}/${keyof typeof rules}`, TSESLint.SharedConfig.RuleLevel>>;

const plugin = {
  meta: { name, version, namespace: PLUGIN_NAME },
  rules,
  configs: {} as Record<'recommended' | 'all', { name: string; plugins: Record<string, unknown>; rules: RuleLevels }>,
};

function allRulesAt(level: TSESLint.SharedConfig.RuleLevel): RuleLevels {
  return Object.fromEntries(Object.keys(rules).map((rule) => [`${PLUGIN_NAME}/${rule}`, level]));
}

plugin.configs.recommended = {
  name: `${PLUGIN_NAME}/recommended`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: Object.fromEntries(
    Object.entries(rules)
      .filter(([, rule]) => rule.meta.docs?.recommended)
      .map(([rule, { meta }]) => [`${PLUGIN_NAME}/${rule}`, meta.docs?.recommended === 'warn' ? 'warn' : 'error']),
  ),
};

plugin.configs.all = {
  name: `${PLUGIN_NAME}/all`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: allRulesAt('error'),
};

export = plugin;
