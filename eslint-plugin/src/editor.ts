/**
 * The plugin as an editor sees it: the one module of the plugin the VS Code
 * extension imports. Each rule declares what the editor needs (`editor` in its
 * `createRule` call: trigger words, options from settings, autofix titles), so
 * adding a rule needs no change in the extension.
 */
import plugin from './index';
import { rules } from './rules';
import type { EditorSettings, RuleEditor, TriggerWords } from './rule-editor';

export { plugin };
export type { EditorSettings, PoolFactoryOption, TriggerWords } from './rule-editor';
export { closeOpenDocument, forgetProjectCaches, importsFileMatching, onSkippedFile, setOpenDocument } from './project';
export { isInsideRoot, readRegularFile } from './project/read-file';
export { getNextFileInfo } from './utils/next/next-file-kind';
export { getNextSettings } from './utils/next/next-settings';
export { escapeRegExp } from './utils/ast/text-words';

export type RuleSeverity = 'off' | 'warn' | 'error';

/** `next-db/`: what ESLint puts before the plugin's rule names. */
export const RULE_ID_PREFIX = `${plugin.meta.namespace}/`;

/** The plugin's rule names without prefix, e.g. `no-pool-in-handler`. */
export const RULE_NAMES: readonly string[] = Object.keys(rules);

const editors = rules as Record<string, { editor: RuleEditor<unknown[]>; meta: { docs?: { url?: string } } }>;

/** `no-pool-in-handler` from `next-db/no-pool-in-handler` (or from itself). */
export function toRuleName(ruleId: string): string {
  return ruleId.startsWith(RULE_ID_PREFIX) ? ruleId.slice(RULE_ID_PREFIX.length) : ruleId;
}

/** `next-db/no-pool-in-handler` from `no-pool-in-handler`. */
export function toRuleId(ruleName: string): string {
  return `${RULE_ID_PREFIX}${ruleName}`;
}

/** The docs page of a rule, by its id or name; undefined for another plugin's rule. */
export function getRuleDocsUrl(ruleIdOrName: string): string | undefined {
  return Object.hasOwn(editors, toRuleName(ruleIdOrName)) ? editors[toRuleName(ruleIdOrName)]?.meta.docs?.url : undefined;
}

/**
 * A rule's level when the editor's settings do not set it: the recommended one, or
 * the `vercel` config's, whose rule stays silent unless the app is on Vercel.
 */
export function getDefaultSeverity(ruleName: string): RuleSeverity {
  const ruleId = toRuleId(ruleName);
  const level = (plugin.configs.recommended.rules as Record<string, unknown>)[ruleId] ?? (plugin.configs.vercel.rules as Record<string, unknown>)[ruleId];
  if (level === 'warn' || level === 1) return 'warn';
  if (level === 'error' || level === 2) return 'error';
  return 'off';
}

/** Rule names in the plugin's `recommended`, `vercel` and `all` configs (for reading a workspace's ESLint config). */
export function getPresetRules(): { recommended: string[]; vercel: string[]; all: string[] } {
  const namesOf = (levels: Record<string, unknown>) =>
    Object.entries(levels)
      .filter(([, level]) => level !== 'off' && level !== 0)
      .map(([ruleId]) => toRuleName(ruleId));
  return {
    recommended: namesOf(plugin.configs.recommended.rules),
    vercel: namesOf(plugin.configs.vercel.rules),
    all: namesOf(plugin.configs.all.rules),
  };
}

/** A rule's options from the editor's settings; none (the rule's defaults) for a rule that takes none from there. */
export function getRuleOptions(ruleName: string, settings: EditorSettings): unknown[] {
  return editors[ruleName]?.editor.optionsFromSettings?.(settings) ?? [];
}

/** Every rule's trigger words together, for the options the editor passes with these settings. */
export function getTriggerWords(settings: EditorSettings): Required<TriggerWords> {
  const words = { anywhere: new Set<string>(), identifiers: new Set<string>(), patterns: new Set<RegExp>(), fileNames: new Set<RegExp>() };
  for (const name of RULE_NAMES) {
    const { triggerWords } = editors[name]!.editor;
    const ruleWords = typeof triggerWords === 'function' ? triggerWords(getRuleOptions(name, settings)) : triggerWords;
    for (const word of ruleWords.anywhere ?? []) words.anywhere.add(word);
    for (const word of ruleWords.identifiers ?? []) words.identifiers.add(word);
    for (const pattern of ruleWords.patterns ?? []) words.patterns.add(pattern);
    for (const fileName of ruleWords.fileNames ?? []) words.fileNames.add(fileName);
  }
  return { anywhere: [...words.anywhere], identifiers: [...words.identifiers], patterns: [...words.patterns], fileNames: [...words.fileNames] };
}

/** The quick-fix title of a rule's autofix for one message, when the rule names one. */
export function getAutofixTitle(ruleId: string, messageId: string | undefined): string | undefined {
  const titles = editors[toRuleName(ruleId)]?.editor.autofixTitles;
  return messageId === undefined || titles === undefined || !Object.hasOwn(titles, messageId) ? undefined : titles[messageId];
}
