import { RuleCreator } from '@typescript-eslint/utils/eslint-utils';

/** Extra fields every next-db rule declares in `meta.docs`. */
export interface NextDbRuleDocs {
  /** Whether the rule is in the `recommended` config: `true` as an error, `'warn'` as a warning. */
  recommended?: boolean | 'warn';
}

export const DOCS_BASE_URL = 'https://github.com/next-db/next-db/blob/main/docs/rules';

export const createRule = RuleCreator<NextDbRuleDocs>(
  (name) => `${DOCS_BASE_URL}/${name}.md`,
);
