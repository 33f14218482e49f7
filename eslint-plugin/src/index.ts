import type { TSESLint } from '@typescript-eslint/utils';
import type { ESLint, Linter, Rule } from 'eslint';
import { type RuleName, rules } from './rules';

const PLUGIN_NAME = 'next-db';
const { name, version } = require('../package.json') as { name: string; version: string };

type RuleLevels = Partial<Record<`${typeof PLUGIN_NAME}/${RuleName}`, TSESLint.SharedConfig.RuleLevel>>;

/** A flat config of this plugin, typed as ESLint's own so it fits `defineConfig([...])` next to other configs. */
type NextDbConfig = Linter.Config & { name: string; plugins: Record<string, ESLint.Plugin>; rules: RuleLevels };

/** ESLint's own plugin type, as typescript-eslint and eslint-plugin-unicorn declare theirs. */
type NextDbPlugin = ESLint.Plugin & {
  meta: { name: string; version: string; namespace: string };
  rules: Record<RuleName, Rule.RuleModule>;
  configs: Record<'recommended' | 'all' | 'vercel', NextDbConfig>;
};

const plugin: NextDbPlugin = {
  meta: { name, version, namespace: PLUGIN_NAME },
  // The same objects: typescript-eslint types a rule's context more strictly than ESLint does.
  rules: rules as unknown as NextDbPlugin['rules'],
  configs: {} as NextDbPlugin['configs'],
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

/** For apps on Vercel, on top of `recommended`: module-scope pools passed to `attachDatabasePool`. */
plugin.configs.vercel = {
  name: `${PLUGIN_NAME}/vercel`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: { [`${PLUGIN_NAME}/attach-database-pool`]: 'error' },
};

plugin.configs.all = {
  name: `${PLUGIN_NAME}/all`,
  plugins: { [PLUGIN_NAME]: plugin },
  rules: allRulesAt('error'),
};

export = plugin;
