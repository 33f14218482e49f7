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

/** What a value passes through unchanged on its way up or down: type wrappers and `await` (of a value already resolved or not). */
function isAwaitOrTypeWrapper(node: TSESTree.Node): node is TypeWrapper | TSESTree.AwaitExpression {
  return node.type === 'AwaitExpression' || isTypeWrapper(node);
}

/** The value inside `await`s and type wrappers: `pool` for `(await pool) as Pool`. */
export function skipAwaitAndTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isAwaitOrTypeWrapper(current)) current = current.type === 'AwaitExpression' ? current.argument : current.expression;
  return current;
}

/** `node` with the `await`s and type wrappers around it: `await createPool() as Pool` for `createPool()`. */
export function getOutermostAwaitOrTypeWrapper(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && isAwaitOrTypeWrapper(current.parent)) current = current.parent;
  return current;
}
