import * as path from 'node:path';
import { type EditorSettings, escapeRegExp, getTriggerWords, importsFileMatching } from '../../../eslint-plugin/src/editor';
import { DEFAULT_SETTINGS, type PoolFactorySetting } from '../shared/settings';

/**
 * Parsing is most of a lint's cost, and most files cannot concern next-db. A
 * file is skipped when its text contains none of the rules' trigger words,
 * which each rule declares itself (`editor.triggerWords` in its `createRule`
 * call): module names, the Next.js functions and contexts it looks for, pool
 * checkout and close calls, the sync drivers' method names. A rule may also
 * name files that count by their name alone (`middleware.ts` runs on the edge
 * without saying so).
 * The rules also look one level into the project files a file imports (an
 * imported transaction is called without any of these words), so a file is
 * only skipped when none of its project imports contains a word either.
 * `test/extension/skip.test.ts` proves on every fixture and rule test input
 * that the skip never hides a finding.
 */

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

/** The trigger pattern and the file names that count, per set of custom factories. */
interface Triggers {
  pattern: RegExp;
  fileNames: readonly RegExp[];
}

const triggersCache = new Map<string, Triggers>();

function getTriggers(customFactories: readonly PoolFactorySetting[]): Triggers {
  const key = JSON.stringify(customFactories);
  let triggers = triggersCache.get(key);
  if (triggers === undefined) {
    triggers = { pattern: buildTriggerPattern(customFactories), fileNames: getTriggerWords(toEditorSettings(customFactories)).fileNames };
    triggersCache.set(key, triggers);
  }
  return triggers;
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
  const { pattern, fileNames } = getTriggers(customFactories);
  const basename = path.basename(filename);
  // Imported files are read through the project model, cached per file version, so typing does not reread them.
  return pattern.test(text) || fileNames.some((name) => name.test(basename)) || importsFileMatching(filename, text, root, pattern);
}
