import type { TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, getFunctionBinding } from '../../utils/ast/functions';
import { LISTENER_METHODS, findClosingCall, getPoolUses } from './close-calls';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * A creation not held in a local variable (`return new Pool()`,
 * `getPool().query()`) is replaced where it stands by the shared pool: only
 * safe when each use would mean the same with a pool that outlives the request.
 */

/** `.query`, `.connect`...: a member that is safe to use on a shared pool (not `end()`, not `on()`). */
function isSafeMember(member: TSESTree.MemberExpression, closeMethod: string): boolean {
  if (member.computed || member.property.type !== 'Identifier') return false;
  return member.property.name !== closeMethod && !LISTENER_METHODS.has(member.property.name);
}

/** Whether the expression is used in place, so that replacing it with the shared pool means the same. */
function isUsedInPlace(outer: TSESTree.Node, closeMethod: string): boolean {
  const parent = outer.parent;
  if (parent?.type === 'MemberExpression') return parent.object === outer && isSafeMember(parent, closeMethod);
  if (parent?.type === 'TaggedTemplateExpression') return parent.tag === outer;
  return parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === outer);
}

/** Why the fix cannot replace the expression with the shared pool. */
function describeUnfollowedUse(sourceCode: SourceCode, outer: TSESTree.Node): string {
  const parent = outer.parent;
  if (parent?.type === 'AssignmentExpression') return `it is assigned to \`${sourceCode.getText(parent.left)}\` on every call`;
  if (parent?.type === 'LogicalExpression') return 'its result is used but not stored for the next request';
  return 'its result is used in a way the fix cannot follow';
}

/** A helper returning the pool must not have callers that close what it returns. */
function getReturnedPoolProblem(sourceCode: SourceCode, outer: TSESTree.Node, closeMethod: string): string | undefined {
  const fn = getEnclosingFunction(outer);
  const binding = fn && getFunctionBinding(fn);
  if (!binding) return undefined;
  for (const variable of sourceCode.getDeclaredVariables(binding)) {
    for (const reference of variable.references) {
      let result: TSESTree.Node | undefined = reference.identifier.parent;
      if (result?.type !== 'CallExpression' || result.callee !== reference.identifier) continue;
      if (result.parent?.type === 'AwaitExpression') result = result.parent;
      const caller = getEnclosingFunction(result);
      if (result.parent?.type === 'MemberExpression') {
        if (isSafeMember(result.parent, closeMethod)) continue;
        return `a caller calls \`${sourceCode.getText(result.parent)}()\``;
      }
      if (result.parent?.type !== 'VariableDeclarator') {
        const closing = caller && findClosingCall(sourceCode, caller);
        if (closing) return `a caller hands what \`${variable.name}()\` returns to other code and calls \`${closing}()\``;
        continue;
      }
      for (const held of sourceCode.getDeclaredVariables(result.parent)) {
        const uses = getPoolUses(sourceCode, held, closeMethod, caller);
        if (!uses.ok) return uses.reason;
        if (uses.closeStatements.length > 0) return `callers of \`${variable.name}()\` call \`${held.name}.${closeMethod}()\``;
      }
    }
  }
  return undefined;
}

/** Why the creation cannot be replaced in place by the shared pool, or undefined when it can. */
export function getInPlaceProblem(sourceCode: SourceCode, outer: TSESTree.Node, closeMethod: string): string | undefined {
  if (!isUsedInPlace(outer, closeMethod)) return describeUnfollowedUse(sourceCode, outer);
  return getReturnedPoolProblem(sourceCode, outer, closeMethod);
}
