import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  RULE_ID_PREFIX,
  RULE_NAMES,
  getAutofixTitle,
  getRuleDocsUrl,
  getRuleOptions,
  getTriggerWords,
  plugin,
  toRuleId,
  toRuleName,
} from '../../eslint-plugin/src/editor';
import { rules } from '../../eslint-plugin/src/rules';
import { RULE_ID_PREFIX as SETTINGS_RULE_ID_PREFIX } from '../../extension/src/shared/settings';

const repoRoot = path.join(__dirname, '../..');
const settings = { poolSize: 7, poolFactories: [] };

describe('the editor-facing module', () => {
  it.each(Object.entries(rules))('%s declares trigger words', (_name, rule) => {
    const { triggerWords } = rule.editor as { triggerWords: unknown };
    const words = typeof triggerWords === 'function' ? triggerWords([]) : triggerWords;
    const all = [...(words.anywhere ?? []), ...(words.identifiers ?? []), ...(words.patterns ?? [])];
    expect(all.length).toBeGreaterThan(0);
  });

  it('maps the settings to the options of the rules that take them, and gives the others none', () => {
    expect(getRuleOptions('no-pool-in-handler', settings)).toEqual([{ poolSize: 7 }]);
    const factories = [{ module: '@acme/db', import: 'connect' }];
    expect(getRuleOptions('no-pool-in-handler', { ...settings, poolFactories: factories })).toEqual([{ poolSize: 7, factories }]);
    expect(getRuleOptions('require-connection', settings)).toEqual([]);
    expect(getRuleOptions('no-such-rule', settings)).toEqual([]);
  });

  it('adds the modules of custom pool factories to the trigger words', () => {
    expect(getTriggerWords(settings).anywhere).not.toContain('@acme/db');
    expect(getTriggerWords({ ...settings, poolFactories: [{ module: '@acme/db' }] }).anywhere).toContain('@acme/db');
  });

  it('names rules with and without the plugin prefix', () => {
    expect(RULE_ID_PREFIX).toBe(`${plugin.meta.namespace}/`);
    expect(SETTINGS_RULE_ID_PREFIX, 'the settings and the client spell it alike').toBe(RULE_ID_PREFIX);
    expect(RULE_NAMES.map(toRuleId).map(toRuleName)).toEqual(RULE_NAMES);
    expect(toRuleName('other/no-pool-in-handler')).toBe('other/no-pool-in-handler');
    expect(getRuleDocsUrl('next-db/no-pool-in-handler')).toMatch(/no-pool-in-handler\.md$/);
    expect(getRuleDocsUrl('other/no-pool-in-handler')).toBeUndefined();
    expect(getRuleDocsUrl('next-db/constructor')).toBeUndefined();
  });

  it('gives the autofix titles the rules declare, and nothing for others', () => {
    expect(getAutofixTitle('next-db/require-connection', 'requireConnection')).toBe('Insert `await connection()` before the query');
    expect(getAutofixTitle('next-db/require-connection', 'toString')).toBeUndefined();
    expect(getAutofixTitle('next-db/no-pool-in-handler', 'poolInHandler')).toBeUndefined();
  });

  it('is the only module of the plugin the extension imports', () => {
    const files = fs.readdirSync(path.join(repoRoot, 'extension/src'), { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const imports = files.flatMap((file) => {
      const text = fs.readFileSync(path.join(repoRoot, 'extension/src', file), 'utf8');
      return [...text.matchAll(/from '([^']*eslint-plugin[^']*)'/g)].map((match) => `${file}: ${match[1]}`);
    });
    expect(imports.length).toBeGreaterThan(0);
    // `editor` loads every rule, the parser and TypeScript, so only the lazily loaded lint bundle imports it.
    // What the client and the server's first second need comes from two modules that import no parser:
    // the pool defaults (shared with the client's settings) and the safe file reader (ESLint config files).
    const allowed = ['eslint-plugin/src/editor', 'eslint-plugin/src/utils/drivers/pool-defaults', 'eslint-plugin/src/project/read-file'];
    expect(imports.filter((entry) => !allowed.some((module) => entry.endsWith(module)))).toEqual([]);
  });
});
