/**
 * What a rule tells an editor (the VS Code extension) about itself, so that
 * adding a rule needs no change in the editor. ESLint ignores keys of a rule
 * object it does not know (as it ignores typescript-eslint's `defaultOptions`),
 * and `meta` is left to what ESLint defines.
 */
import type { PoolFactoryOption } from './utils/drivers/pool-defaults';

export type { PoolFactoryOption };

/** Words without which a file cannot hold a finding of the rule: a file with none of them is not linted. */
export interface TriggerWords {
  /** Text that counts wherever it stands, such as module names inside `import`/`require` strings. */
  anywhere?: readonly string[];
  /** Identifiers, counted as whole words only. */
  identifiers?: readonly string[];
  /** Calls a word list cannot describe, such as `pool.end()` on any name that says pool. */
  patterns?: readonly RegExp[];
  /** File base names that count whatever the text says: `middleware.ts` runs on the edge without saying so. */
  fileNames?: readonly RegExp[];
}


/** The editor settings a rule's options may come from. */
export interface EditorSettings {
  poolSize: number;
  poolFactories: readonly PoolFactoryOption[];
}

export interface RuleEditor<Options extends readonly unknown[]> {
  /**
   * The rule's trigger words; a function when they depend on the options the
   * editor passes (from `optionsFromSettings`, else none).
   * `test/extension/skip.test.ts` proves they cover every report of the rule tests.
   */
  triggerWords: TriggerWords | ((options: Partial<Options>) => TriggerWords);
  /** The rule's options, from the editor's settings; without it the rule runs with its defaults. */
  optionsFromSettings?: (settings: EditorSettings) => Options;
  /** The quick-fix title of the autofix for a message id (ESLint autofixes carry no title). */
  autofixTitles?: Readonly<Record<string, string>>;
}
