import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions';
import {
  PREPARE_METHOD,
  STATEMENT_CHAIN_METHODS,
  TRANSACTION_METHOD,
} from './sync-drivers';
import { isTypeWrapper } from '../ast/type-wrappers';
import { walkAst } from '../ast/walk-ast';

/**
 * What a value is to a synchronous SQLite driver: a database, a prepared
 * statement, a transaction function (`db.transaction(fn)`), or a function that
 * returns a database (`getDb()`).
 */
export type SyncValueKind = 'database' | 'statement' | 'transaction' | 'databaseFactory' | 'builder' | 'builderFactory';

export interface SyncValueResolver {
  /** The kind of the value an identifier refers to. */
  identifier(node: TSESTree.Identifier): SyncValueKind | undefined;
  /** Whether `new callee()` / `callee()` creates a database (a driver's constructor). */
  isDatabaseConstructor(callee: TSESTree.Expression): boolean;
  /**
   * Whether the call creates a query builder over a synchronous driver (see
   * sync-drivers.ts): `drizzle(…)` from drizzle-orm/better-sqlite3, or
   * `new Kysely({ dialect: new SqliteDialect(…) })`.
   */
  isQueryBuilder?(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
}

/** Removes the wrappers that do not change a value: `x as T`, `x!`, `x satisfies T`, `x?.y` chains. */
export function skipTransparent(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (isTypeWrapper(current) || current.type === 'ChainExpression') current = current.expression;
  return current;
}

/** `object.name(...)`'s object and method name, when the callee is a plain member access. */
export function getMethodCall(
  node: TSESTree.CallExpression,
): { object: TSESTree.Expression; method: string } | undefined {
  const callee = skipTransparent(node.callee);
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return { object: callee.object, method: callee.property.name };
}

/**
 * The driver kind of an expression, following only what is visible in it:
 * constructors, `db.prepare()`, `db.transaction()`, chained statement modes,
 * `a ?? b`, `c ? a : b`, assignments, and identifiers through `resolver`.
 */
export function getSyncValueKind(node: TSESTree.Node, resolver: SyncValueResolver): SyncValueKind | undefined {
  const expression = skipTransparent(node);
  switch (expression.type) {
    case 'Identifier':
      return resolver.identifier(expression);
    case 'NewExpression':
      if (resolver.isDatabaseConstructor(expression.callee)) return 'database';
      return resolver.isQueryBuilder?.(expression) ? 'builder' : undefined;
    case 'CallExpression':
      return getCallKind(expression, resolver);
    case 'LogicalExpression':
      return getSyncValueKind(expression.left, resolver) ?? getSyncValueKind(expression.right, resolver);
    case 'ConditionalExpression':
      return getSyncValueKind(expression.consequent, resolver) ?? getSyncValueKind(expression.alternate, resolver);
    case 'AssignmentExpression':
      return getSyncValueKind(expression.right, resolver);
    case 'AwaitExpression':
      return getSyncValueKind(expression.argument, resolver) === 'database' ? 'database' : undefined;
    default:
      return undefined;
  }
}

function getCallKind(node: TSESTree.CallExpression, resolver: SyncValueResolver): SyncValueKind | undefined {
  if (resolver.isDatabaseConstructor(node.callee)) return 'database';
  if (resolver.isQueryBuilder?.(node)) return 'builder';
  const calleeKind = getSyncValueKind(node.callee, resolver);
  if (calleeKind === 'databaseFactory') return 'database';
  if (calleeKind === 'builderFactory') return 'builder';
  const call = getMethodCall(node);
  if (!call) return undefined;
  const objectKind = getSyncValueKind(call.object, resolver);
  if (objectKind === 'database' && call.method === PREPARE_METHOD) return 'statement';
  if (objectKind === 'database' && call.method === TRANSACTION_METHOD) return 'transaction';
  if (objectKind === 'statement' && STATEMENT_CHAIN_METHODS.includes(call.method)) return 'statement';
  return undefined;
}

/** The expressions a function returns, not counting nested functions. */
function getReturnedExpressions(fn: FunctionNode): TSESTree.Expression[] {
  if (fn.body.type !== 'BlockStatement') return [fn.body];
  const returned: TSESTree.Expression[] = [];
  for (const statement of fn.body.body) {
    walkAst(statement, (node) => {
      if (node.type === 'ReturnStatement') {
        if (node.argument) returned.push(node.argument);
        return false;
      }
      // A nested function's or class's `return` is not this function's.
      return !(node.type.includes('Function') || node.type.startsWith('Class'));
    });
  }
  return returned;
}

/**
 * 'databaseFactory' when a function returns a database (`function getDb() { return db; }`),
 * 'builderFactory' when it returns a query builder over one.
 */
export function getFunctionKind(fn: FunctionNode, resolver: SyncValueResolver): SyncValueKind | undefined {
  if (fn.async || fn.generator) return undefined;
  const kinds = getReturnedExpressions(fn).map((returned) => getSyncValueKind(returned, resolver));
  if (kinds.includes('database')) return 'databaseFactory';
  return kinds.includes('builder') ? 'builderFactory' : undefined;
}
