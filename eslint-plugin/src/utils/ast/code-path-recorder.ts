import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * Records, while ESLint traverses a file, which code path segments each node
 * of interest runs in, in traversal order, so that a rule can follow the
 * actual control flow afterwards (see `every-path.ts`). ESLint's own
 * `onCodePath*` events are the source; `CodePath.currentSegments` is gone
 * from ESLint 9 on, so the current segments are kept here.
 */

export type CodePath = TSESLint.CodePath;
export type CodePathSegment = TSESLint.CodePathSegment;

export interface CodePathRecord {
  /** The nodes recorded in each segment, in traversal order. */
  readonly nodesOf: ReadonlyMap<CodePathSegment, readonly TSESTree.Node[]>;
  /** The segments a recorded node runs in (several in a `finally` block, one per way into it). */
  readonly segmentsOf: ReadonlyMap<TSESTree.Node, readonly CodePathSegment[]>;
  /** The code path of each function (and of the Program). */
  readonly codePathOf: ReadonlyMap<TSESTree.Node, CodePath>;
}

/**
 * The nodes recorded: what may throw, what leaves a function, and where a
 * thrown error lands (a `catch` clause, a `finally` block).
 */
const RECORDED_TYPES = [
  'CallExpression',
  'NewExpression',
  'AwaitExpression',
  'TaggedTemplateExpression',
  'ThrowStatement',
  'ReturnStatement',
  'CatchClause',
] as const;

/**
 * The listeners of a rule that follows control flow: they record the file's
 * code paths and hand the record to `onDone` once the whole file is traversed.
 * The record then covers every function, so a rule can look into a helper
 * declared after its caller.
 */
export function recordCodePaths(onDone: (record: CodePathRecord) => void): TSESLint.RuleListener {
  const nodesOf = new Map<CodePathSegment, TSESTree.Node[]>();
  const segmentsOf = new Map<TSESTree.Node, CodePathSegment[]>();
  const codePathOf = new Map<TSESTree.Node, CodePath>();
  /** The current segments of each code path being traversed, innermost last. */
  const stack: Set<CodePathSegment>[] = [];

  const start = (segment: CodePathSegment) => stack.at(-1)?.add(segment);
  const end = (segment: CodePathSegment) => stack.at(-1)?.delete(segment);
  const add = (node: TSESTree.Node) => {
    const current = [...(stack.at(-1) ?? [])].filter((segment) => segment.reachable);
    segmentsOf.set(node, current);
    for (const segment of current) {
      const nodes = nodesOf.get(segment);
      if (nodes) nodes.push(node);
      else nodesOf.set(segment, [node]);
    }
  };
  const listeners: Record<string, (...args: never[]) => void> = {
    onCodePathStart(codePath: CodePath, node: TSESTree.Node) {
      codePathOf.set(node, codePath);
      stack.push(new Set());
    },
    onCodePathEnd(_codePath: CodePath, node: TSESTree.Node) {
      stack.pop();
      if (node.type === 'Program') onDone({ nodesOf, segmentsOf, codePathOf });
    },
    onCodePathSegmentStart: start,
    onCodePathSegmentEnd: end,
    onUnreachableCodePathSegmentStart: start,
    onUnreachableCodePathSegmentEnd: end,
    BlockStatement(node: TSESTree.BlockStatement) {
      if (node.parent.type === 'TryStatement' && node.parent.finalizer === node) add(node);
    },
  };
  for (const type of RECORDED_TYPES) listeners[type] = add;
  // typescript-eslint's RuleListener does not declare the onCodePath* events (typescript-eslint#6993).
  return listeners as TSESLint.RuleListener;
}
