import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { CodePathRecord } from '../ast/code-path-recorder';
import { findUnreleasedPath, type Owner } from './every-path';
import { getEnclosingFunction } from '../ast/functions';
import { getFunctionOfVariable } from '../next/request-scope';
import { resolveIdentifier } from '../ast/scope';
import { getOutermostTypeWrapper } from '../ast/type-wrappers';
import type { SourceCode } from '../ast/source-code';

type Variable = TSESLint.Scope.Variable;

/** pg's and mysql2's `release()`; mysql2's `destroy()` also gives the slot back (closing the connection). */
const RELEASE_METHODS: ReadonlySet<string> = new Set(['release', 'destroy']);

export interface ClientUses {
  /** The calls that release it: `client.release()`, `release()`, or a same-file helper that releases it on every path. */
  releases: Set<TSESTree.Node>;
  /**
   * Whether the client leaves the function's hands: returned or stored
   * (the caller or the holder then releases it), or released in a callback,
   * which is not followed. Such a client is not reported.
   */
  escapes: boolean;
  /** Helper calls it is passed to that do not release it. */
  handedTo: TSESTree.CallExpression[];
}

/** Whether the helper `call` calls releases, on every path, the client passed as its argument `index`. */
export type ReleasesArgument = (call: TSESTree.CallExpression, index: number) => boolean;

function getMethodCall(member: TSESTree.MemberExpression): TSESTree.CallExpression | undefined {
  const call = member.parent;
  return call.type === 'CallExpression' && call.callee === member ? call : undefined;
}

/**
 * How the function `owner` uses the client in `variable` (or its destructured
 * `release`, when `releasedBy` is `'call'`). `methods` are the ones that let it
 * go: `release()` for a pool client, `end()` for a pool.
 */
export function getClientUses(
  variable: Variable,
  releasedBy: 'method' | 'call',
  owner: Owner,
  releasesArgument: ReleasesArgument,
  methods = RELEASE_METHODS,
): ClientUses {
  const releases = new Set<TSESTree.Node>();
  const handedTo: TSESTree.CallExpression[] = [];
  let escapes = false;
  for (const reference of variable.references) {
    if (reference.init || !reference.isRead()) continue;
    const use = getOutermostTypeWrapper(reference.identifier);
    const parent = use.parent;
    const nested = getEnclosingFunction(use) !== (owner.type === 'Program' ? undefined : owner);
    if (releasedBy === 'call') {
      if (parent?.type === 'CallExpression' && parent.callee === use && !nested) releases.add(parent);
      else escapes = true;
      continue;
    }
    if (parent?.type === 'MemberExpression' && parent.object === use) {
      const method = !parent.computed && parent.property.type === 'Identifier' ? parent.property.name : '';
      if (!methods.has(method)) continue;
      const call = getMethodCall(parent);
      if (call && !nested) releases.add(call);
      else escapes = true;
    } else if (parent?.type === 'CallExpression' && parent.callee !== use) {
      const index = parent.arguments.indexOf(use as TSESTree.CallExpressionArgument);
      if (!nested && releasesArgument(parent, index)) releases.add(parent);
      else handedTo.push(parent);
    } else {
      escapes = true;
    }
  }
  return { releases, escapes, handedTo };
}

/**
 * Whether a same-file helper releases the client it is given, on every path:
 * `async function run(client) { try { ... } finally { client.release(); } }`.
 * Helpers from other modules are taken not to release it.
 */
export function createReleasesArgument(sourceCode: SourceCode, record: CodePathRecord): ReleasesArgument {
  const known = new Map<TSESTree.Node, boolean>();
  const releasesArgument: ReleasesArgument = (call, index) => {
    if (call.callee.type !== 'Identifier') return false;
    const variable = resolveIdentifier(sourceCode, call.callee);
    const helper = variable && getFunctionOfVariable(variable);
    const parameter = helper?.params[index];
    if (!helper || parameter?.type !== 'Identifier') return false;
    const cached = known.get(parameter);
    if (cached !== undefined) return cached;
    known.set(parameter, false); // a recursive helper is not followed into itself
    const held = sourceCode.scopeManager?.acquire(helper)?.set.get(parameter.name);
    const uses = held && getClientUses(held, 'method', helper, releasesArgument);
    const result =
      uses !== undefined &&
      !uses.escapes &&
      uses.releases.size > 0 &&
      findUnreleasedPath(record, { owner: helper, releases: uses.releases }) === undefined;
    known.set(parameter, result);
    return result;
  };
  return releasesArgument;
}
