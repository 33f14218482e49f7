import type { TSESTree } from '@typescript-eslint/utils';

type TypeWrapper = TSESTree.TSAsExpression | TSESTree.TSNonNullExpression | TSESTree.TSSatisfiesExpression | TSESTree.TSTypeAssertion;

/** TypeScript-only wrappers, erased at compile time: `x as T`, `x!`, `x satisfies T`, `<T>x`. */
const TYPE_WRAPPERS: ReadonlySet<string> = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

export function isTypeWrapper(node: TSESTree.Node): node is TypeWrapper {
  return TYPE_WRAPPERS.has(node.type);
}

/** `node` together with the type wrappers around it: `new Pool() as Pool` for `new Pool()`; `node` itself when there are none. */
export function getOutermostTypeWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isTypeWrapper(current.parent)) current = current.parent;
  return current;
}
