import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', '$on', '$use', '$extends']);

export type PoolUses =
  | { ok: true; closeStatements: TSESTree.ExpressionStatement[] }
  | { ok: false; reason: string };

/** `pool.end()` as a statement, possibly awaited or voided: the statement, else undefined. */
function getCloseStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  if (call.arguments.length > 0) return undefined; // `end(callback)`: the callback would never run.
  let current: TSESTree.Node = call;
  if (current.parent?.type === 'AwaitExpression') current = current.parent;
  else if (current.parent?.type === 'UnaryExpression' && current.parent.operator === 'void') current = current.parent;
  return current.parent?.type === 'ExpressionStatement' ? current.parent : undefined;
}

/**
 * How the handler uses the pool it created, once that pool is shared: its
 * `end()` statements must go (ending a shared pool breaks the next request);
 * `end()` used as a value, a reassignment, or event listeners added on each
 * request make the hoist unsafe.
 */
export function getPoolUses(variable: TSESLint.Scope.Variable, closeMethod: string, label: string): PoolUses {
  const closeStatements: TSESTree.ExpressionStatement[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return { ok: false, reason: `\`${label}\` is reassigned` };
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) continue;
    const method = member.computed ? undefined : member.property.type === 'Identifier' ? member.property.name : undefined;
    if (member.computed) return { ok: false, reason: `\`${label}\` is accessed with a computed key` };
    if (method !== undefined && LISTENER_METHODS.has(method)) {
      return { ok: false, reason: `the handler calls \`${label}.${method}()\` on each request` };
    }
    if (method !== closeMethod) continue;
    const call = member.parent;
    const statement = call?.type === 'CallExpression' && call.callee === member ? getCloseStatement(call) : undefined;
    if (!statement) return { ok: false, reason: `\`${label}.${closeMethod}()\` is used as a value` };
    closeStatements.push(statement);
  }
  return { ok: true, closeStatements };
}
