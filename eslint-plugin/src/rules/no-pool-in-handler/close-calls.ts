import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../../utils/ast/cached-per';
import { getCloseStatement, isPlainData } from '../../utils/fix/remove-close-statements';
import { walkAst } from '../../utils/ast/walk-ast';
import type { SourceCode } from '../../utils/ast/source-code';

/** Methods that may end a pool handed to a wrapper: Kysely's `db.destroy()`, Drizzle's `client.end()`... */
const CLOSING_METHODS = new Set(['end', 'destroy', 'close', 'dispose', '$disconnect']);
/** Properties that expose the pool a client owns: Drizzle's `db.$client`, pg-promise's `db.$pool`. */
const OWNED_POOL_PROPERTIES = new Set(['$client', '$pool']);
/** Methods that register per-request state on a pool, which would pile up once it is shared. */
export const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener', '$on', '$use', '$extends']);

export type PoolUses =
  | { ok: true; closeStatements: TSESTree.ExpressionStatement[] }
  | { ok: false; reason: string };

/**
 * How the handler uses the pool it created, once that pool is shared: its
 * `end()` statements must go (ending a shared pool breaks the next request);
 * `end()` used as a value, a reassignment, or event listeners added on each
 * request make the hoist unsafe.
 */
export function getPoolUses(
  sourceCode: SourceCode,
  variable: TSESLint.Scope.Variable,
  closeMethod: string,
  handler: TSESTree.Node | undefined,
): PoolUses {
  const label = variable.name;
  let escapes = false;
  const closeStatements: TSESTree.ExpressionStatement[] = [];
  for (const reference of variable.references) {
    if (reference.init) continue;
    if (reference.isWrite()) return { ok: false, reason: `\`${label}\` is reassigned` };
    const member = reference.identifier.parent;
    if (member?.type !== 'MemberExpression' || member.object !== reference.identifier) {
      escapes = true;
      continue;
    }
    if (member.computed) return { ok: false, reason: `\`${label}\` is accessed with a computed key` };
    const method = member.property.type === 'Identifier' ? member.property.name : undefined;
    if (method !== undefined && LISTENER_METHODS.has(method)) {
      return { ok: false, reason: `the handler calls \`${label}.${method}()\` on each request` };
    }
    const ownedPoolCall = method !== undefined && OWNED_POOL_PROPERTIES.has(method) ? getClosingMethod(member.parent) : undefined;
    if (ownedPoolCall) return { ok: false, reason: `the handler calls \`${label}.${method}.${ownedPoolCall}()\`, which ends the pool` };
    if (method !== closeMethod) continue;
    const call = member.parent;
    if (call?.type === 'CallExpression' && call.callee === member && !call.arguments.every(isPlainData)) {
      return { ok: false, reason: `\`${label}.${closeMethod}()\` is given a callback` };
    }
    const statement = call?.type === 'CallExpression' && call.callee === member ? getCloseStatement(call) : undefined;
    if (!statement) return { ok: false, reason: `\`${label}.${closeMethod}()\` is used as a value` };
    closeStatements.push(statement);
  }
  const closing = escapes && handler ? findClosingCall(sourceCode, handler, variable) : undefined;
  if (closing) return { ok: false, reason: `\`${label}\` is handed to other code and the handler calls \`${closing}()\`, which may end it` };
  return { ok: true, closeStatements };
}

/** `end` for the `.end` of `db.$client.end()`. */
function getClosingMethod(node: TSESTree.Node | undefined): string | undefined {
  if (node?.type !== 'MemberExpression' || node.computed || node.property.type !== 'Identifier') return undefined;
  return CLOSING_METHODS.has(node.property.name) ? node.property.name : undefined;
}

interface ClosingCall {
  object: TSESTree.Expression;
  /** `db.destroy` */
  text: string;
}

/** Every call such as `db.destroy()` in the handler, found once per handler. */
const getClosingCalls = cachedPer((handler: TSESTree.Node, sourceCode: SourceCode): ClosingCall[] => {
  const calls: ClosingCall[] = [];
  walkAst(handler, (node) => {
    if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return true;
    const { object, property } = node.callee;
    if (property.type === 'Identifier' && CLOSING_METHODS.has(property.name)) {
      calls.push({ object, text: `${sourceCode.getText(object)}.${property.name}` });
    }
    return true;
  }, sourceCode.visitorKeys);
  return calls;
});

/** A call such as `db.destroy()` in the handler, on anything but the pool itself: `db.destroy`. */
export function findClosingCall(
  sourceCode: SourceCode,
  handler: TSESTree.Node,
  pool?: TSESLint.Scope.Variable,
): string | undefined {
  const poolIdentifiers = new Set<TSESTree.Node>(pool?.references.map((reference) => reference.identifier));
  return getClosingCalls(handler, sourceCode).find((call) => !poolIdentifiers.has(call.object))?.text;
}
