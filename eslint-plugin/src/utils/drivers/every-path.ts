import type { TSESTree } from '@typescript-eslint/utils';
import type { CodePathRecord, CodePathSegment } from '../ast/code-path-recorder';
import { type FunctionNode, isFunctionNode } from '../ast/functions';
import { isInside } from '../ast/ranges';

/**
 * Whether something held (a pool client, a pool to end) is let go on every
 * path out of a function, normal and thrown, following ESLint's code paths.
 *
 * ESLint's code paths only model explicit `throw`s, and within a `try` block
 * only the first node that may throw; so every call, `new`, `await` and
 * tagged template is taken to possibly throw here, and its error is followed
 * to the `catch` or `finally` around it, or out of the function.
 */

export type Owner = FunctionNode | TSESTree.Program;

/** How a path leaves while the thing is still held. */
export type PathProblem =
  | { kind: 'return'; node: TSESTree.ReturnStatement }
  | { kind: 'throw'; node: TSESTree.Node }
  | { kind: 'end'; node: Owner }
  /** A loop comes back to where it was taken, still holding the previous one. */
  | { kind: 'again'; node: TSESTree.Node };

const THROWING_TYPES = new Set(['CallExpression', 'NewExpression', 'AwaitExpression', 'TaggedTemplateExpression', 'ThrowStatement']);

/** Where an error thrown at `node` goes next: the `catch` clause or `finally` block around it, or nowhere in `owner`. */
function getCatchTarget(node: TSESTree.Node, owner: Owner): TSESTree.Node | undefined {
  for (let child = node, parent = node.parent; parent && parent !== owner; child = parent, parent = parent.parent) {
    if (isFunctionNode(parent)) return undefined;
    if (parent.type !== 'TryStatement') continue;
    if (child === parent.block) return parent.handler ?? parent.finalizer ?? undefined;
    if (child === parent.handler && parent.finalizer) return parent.finalizer;
  }
  return undefined;
}

function getPosition(problem: PathProblem): number {
  return problem.kind === 'end' ? problem.node.range[1] : problem.node.range[0];
}

interface Step {
  segment: CodePathSegment;
  from: number;
  /** The last `return` on the path, which a `finally` block may stand between with the exit. */
  lastReturn: TSESTree.ReturnStatement | undefined;
  /** The last node that may throw on the path, for the error that reaches a thrown exit. */
  lastThrow: TSESTree.Node | undefined;
}

export interface HeldFrom {
  /** The function (or Program) whose code path is followed. */
  owner: Owner;
  /** A recorded node after which the thing is held; omitted: held from the start of `owner`. */
  after?: TSESTree.Node;
  /** The calls that let the thing go (`client.release()`); a node around one (`await`, `ctx.waitUntil(pool.end())`) lets it go too. */
  releases: ReadonlySet<TSESTree.Node>;
}

/**
 * The first problem, in source order, on a path from where the thing is held
 * to the end of its function that never lets it go; undefined when every path
 * does. Each segment is visited at most once: linear in the function's size.
 */
export function findUnreleasedPath(record: CodePathRecord, { owner, after, releases }: HeldFrom): PathProblem | undefined {
  const isRelease = (node: TSESTree.Node) => releases.has(node) || [...releases].some((release) => isInside(release, node));
  const codePath = record.codePathOf.get(owner);
  if (!codePath) return undefined;
  const thrown = new Set(codePath.thrownSegments);
  const visited = new Set<CodePathSegment>();
  const queue: Step[] = [];
  const enqueue = (segment: CodePathSegment, from: Omit<Step, 'segment' | 'from'>) => {
    if (visited.has(segment) || !segment.reachable) return;
    visited.add(segment);
    queue.push({ segment, from: 0, ...from });
  };
  const none = { lastReturn: undefined, lastThrow: undefined };
  if (after) {
    for (const segment of record.segmentsOf.get(after) ?? []) {
      queue.push({ segment, from: (record.nodesOf.get(segment) ?? []).indexOf(after) + 1, ...none });
    }
  } else {
    enqueue(codePath.initialSegment, none);
  }

  const problems: PathProblem[] = [];
  for (let step = queue.pop(); step; step = queue.pop()) {
    let { lastReturn, lastThrow } = step;
    let released = false;
    const nodes = record.nodesOf.get(step.segment) ?? [];
    for (const node of nodes.slice(step.from)) {
      if (after && isInside(node, after)) continue;
      if (after && isInside(after, node)) {
        problems.push({ kind: 'again', node: after });
        released = true; // this path is told; do not follow it round the loop
        break;
      }
      if (isRelease(node)) {
        released = true;
        break;
      }
      if (node.type === 'ReturnStatement') lastReturn = node;
      // `throw new Error()` is one way out, reported at the `throw`.
      if (!THROWING_TYPES.has(node.type) || (lastThrow?.type === 'ThrowStatement' && isInside(node, lastThrow))) continue;
      lastThrow = node;
      const target = getCatchTarget(node, owner);
      if (!target) problems.push({ kind: 'throw', node });
      for (const segment of target ? (record.segmentsOf.get(target) ?? []) : []) enqueue(segment, { lastReturn, lastThrow: node });
    }
    if (released) continue;
    for (const next of step.segment.nextSegments) enqueue(next, { lastReturn, lastThrow });
    if (step.segment.nextSegments.length > 0) continue;
    if (thrown.has(step.segment) && lastThrow) problems.push({ kind: 'throw', node: lastThrow });
    else if (lastReturn) problems.push({ kind: 'return', node: lastReturn });
    else problems.push({ kind: 'end', node: owner });
  }
  return problems.sort((a, b) => getPosition(a) - getPosition(b))[0];
}
