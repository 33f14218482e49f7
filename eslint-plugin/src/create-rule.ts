import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';
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
  return {
    ...created,
    create: (context) => created.create(rangesMatchText(context.sourceCode) ? context : withoutFixes(context)),
    editor,
  };
}
