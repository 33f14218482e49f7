import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Visits `node` and its descendants depth-first, in source order. `visit`
 * returns `false` to skip a node's children, or `'stop'` to end the walk.
 * Returns whether the walk was stopped.
 */
export function walk(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  visit: (node: TSESTree.Node) => boolean | 'stop' | void,
): boolean {
  const result = visit(node);
  if (result === 'stop') return true;
  if (result === false) return false;
  for (const key of sourceCode.visitorKeys[node.type] ?? []) {
    const child = (node as unknown as Record<string, unknown>)[key];
    for (const item of Array.isArray(child) ? child : [child]) {
      if (item && typeof item === 'object' && 'type' in item && walk(sourceCode, item as TSESTree.Node, visit)) return true;
    }
  }
  return false;
}
