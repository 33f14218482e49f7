import { applyDefault, RuleCreator } from '@typescript-eslint/utils/eslint-utils';
import type { RuleEditor } from './rule-editor';
import type { SourceCode } from './utils/ast/source-code';

/** Extra fields every next-db rule declares in `meta.docs`. */
export interface NextDbRuleDocs {
  /** Whether the rule is in the `recommended` config: `true` as an error, `'warn'` as a warning. */
  recommended?: boolean | 'warn';
}

/** The options of a rule that takes an empty object, or nothing. */
export type NoOptions = [Record<string, never>];

/** An option listing names (of pools, of helpers): non-empty strings, each once. */
export function nameListSchema(description: string) {
  return { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true, description } as const;
}

export const DOCS_BASE_URL = 'https://github.com/next-db/next-db/blob/main/docs/rules';

const createDocumentedRule = RuleCreator<NextDbRuleDocs>((name) => `${DOCS_BASE_URL}/${name}.md`);

/**
 * Whether node ranges point into `sourceCode.text` as the parser counted
 * them. ESLint drops one byte order mark before parsing and its SourceCode
 * drops another, so in a file starting with two every range is one off and a
 * fix built from `getText(node)` would cut `new` to `ew`.
 */
function rangesMatchText(sourceCode: SourceCode): boolean {
  const first = sourceCode.ast.tokens[0];
  return first === undefined || sourceCode.text.startsWith(first.value, first.range[0]);
}

/** The context with `report` keeping the problem but dropping its fix and suggestions (as ESLint extends contexts). */
function withoutFixes<Context extends { report(descriptor: never): void }>(context: Context): Context {
  const report = (descriptor: Record<string, unknown>) => {
    context.report({ ...descriptor, fix: null, suggest: null } as never);
  };
  return Object.freeze(Object.create(context, { report: { value: report } })) as Context;
}

/** Freezes an options value through and through, so the copy shared by every file cannot be changed by one. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}

/** Distinct option sets kept per rule; a config has a handful, so more means something generates them. */
const MAX_CACHED_OPTIONS = 64;

/**
 * The rule's options merged over its defaults, as RuleCreator does, but once
 * per distinct options value instead of once per file: the merge starts with
 * a `structuredClone` of the defaults, which cost more than most rules do on
 * a file they have nothing to say about.
 */
function createOptionsCache<Options extends readonly unknown[]>(defaults: Readonly<Options>): (options: readonly unknown[]) => Readonly<Options> {
  // A clone of its own: the merge may hand back the config's arrays, which are not ours to freeze.
  const merge = (options: readonly unknown[]) => deepFreeze(structuredClone(applyDefault(defaults, options as Options | null)));
  const merged = new Map<string, Readonly<Options>>();
  let withoutOptions: Readonly<Options> | undefined;
  return (options) => {
    // Most configs give a rule no options (`'error'` alone): no key to build.
    if (options.length === 0) return (withoutOptions ??= merge(options));
    const key = JSON.stringify(options);
    let value = merged.get(key);
    if (value === undefined) {
      if (merged.size >= MAX_CACHED_OPTIONS) merged.clear();
      value = merge(options);
      merged.set(key, value);
    }
    return value;
  };
}

type DocumentedRule<Options extends readonly unknown[], MessageIds extends string> = ReturnType<typeof createDocumentedRule<Options, MessageIds>>;

/** A rule as `createRule` takes it: typescript-eslint's shape, plus what the editor needs to know. */
export type NextDbRuleInput<Options extends readonly unknown[], MessageIds extends string> = Parameters<
  typeof createDocumentedRule<Options, MessageIds>
>[0] & { editor: RuleEditor<Options> };

export type NextDbRule<Options extends readonly unknown[], MessageIds extends string> = DocumentedRule<Options, MessageIds> & {
  editor: RuleEditor<Options>;
};

/**
 * A documented rule that offers no fix where the ranges do not match the
 * text (see `rangesMatchText`), and carries its `editor` declaration.
 */
export function createRule<Options extends readonly unknown[], MessageIds extends string>({
  editor,
  ...rule
}: NextDbRuleInput<Options, MessageIds>): NextDbRule<Options, MessageIds> {
  const created = createDocumentedRule(rule);
  // RuleCreator's own fallback chain (`defaultOptions` is its deprecated spelling).
  const withDefaults = createOptionsCache((rule.meta.defaultOptions ?? rule.defaultOptions ?? []) as unknown as Options);
  return {
    ...created,
    create: (context) => rule.create(rangesMatchText(context.sourceCode) ? context : withoutFixes(context), withDefaults(context.options) as Options),
    editor,
  };
}
