import type { TSESTree } from '@typescript-eslint/utils';

/** What a visitor returns: `false` skips the node's children, `'stop'` ends the whole walk. */
export type WalkStep = boolean | 'stop' | void;

/** The child keys of each node type, as in `sourceCode.visitorKeys`. */
export type VisitorKeys = Readonly<Record<string, readonly string[] | undefined>>;

/** Keys that point back up the tree or hold positions, never children. */
const NON_CHILD_KEYS = new Set(['parent', 'loc', 'range']);

function isNode(value: unknown): value is TSESTree.Node {
  return value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string';
}

/**
 * Visits `node` and its descendants depth-first, parents first, and returns
 * whether the walk was stopped. Pass the linted file's `sourceCode.visitorKeys`
 * to visit children in source order; files parsed on the side (imported
 * modules, next.config) have none, so their nodes' own keys are used.
 */
export function walkAst(
  node: TSESTree.Node,
  visit: (node: TSESTree.Node) => WalkStep,
  visitorKeys?: VisitorKeys,
): boolean {
  const step = visit(node);
  if (step === 'stop') return true;
  if (step === false) return false;
  const keys = visitorKeys ? (visitorKeys[node.type] ?? []) : Object.keys(node).filter((key) => !NON_CHILD_KEYS.has(key));
  for (const key of keys) {
    const value = (node as unknown as Record<string, unknown>)[key];
    for (const child of Array.isArray(value) ? value : [value]) {
      if (isNode(child) && walkAst(child, visit, visitorKeys)) return true;
    }
  }
  return false;
}
