import { type EditorSettings, getTriggerWords, importsFileMatching } from '../../../eslint-plugin/src/editor';
import { DEFAULT_SETTINGS, type PoolFactorySetting } from '../shared/settings';

/**
 * Parsing is most of a lint's cost, and most files cannot concern next-db. A
 * file is skipped when its text contains none of the rules' trigger words,
 * which each rule declares itself (`editor.triggerWords` in its `createRule`
 * call): module names, the Next.js functions and contexts it looks for, pool
 * checkout and close calls, the sync drivers' method names.
 * The rules also look one level into the project files a file imports (an
 * imported transaction is called without any of these words), so a file is
 * only skipped when none of its project imports contains a word either.
 * `test/extension/skip.test.ts` proves on every fixture and rule test input
 * that the skip never hides a finding.
 */

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The settings the rules' options, and so their trigger words, come from. */
function toEditorSettings(customFactories: readonly PoolFactorySetting[]): EditorSettings {
  return { poolSize: DEFAULT_SETTINGS.poolSize, poolFactories: customFactories };
}

/** Words that match anywhere (module names sit inside string literals); identifiers match as whole words. */
export function buildTriggerPattern(customFactories: readonly PoolFactorySetting[]): RegExp {
  const { anywhere, identifiers, patterns } = getTriggerWords(toEditorSettings(customFactories));
  const identifierAlternatives = identifiers.map((name) => `(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`);
  return new RegExp([...anywhere.map(escapeRegExp), ...identifierAlternatives, ...patterns.map((pattern) => pattern.source)].join('|'));
}

const patternCache = new Map<string, RegExp>();

function getTriggerPattern(customFactories: readonly PoolFactorySetting[]): RegExp {
  const key = JSON.stringify(customFactories);
  let pattern = patternCache.get(key);
  if (pattern === undefined) {
    pattern = buildTriggerPattern(customFactories);
    patternCache.set(key, pattern);
  }
  return pattern;
}

/**
 * Whether the rules could report anything in this file; false means linting
 * can be skipped without hiding a finding.
 */
export function mayConcernRules(
  text: string,
  filename: string,
  root: string,
  customFactories: readonly PoolFactorySetting[] = [],
): boolean {
  const pattern = getTriggerPattern(customFactories);
  // Imported files are read through the project model, cached per file version, so typing does not reread them.
  return pattern.test(text) || importsFileMatching(filename, text, root, pattern);
}
