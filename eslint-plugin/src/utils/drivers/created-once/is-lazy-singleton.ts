import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isTopLevelScope, resolveIdentifier } from '../../ast/scope';
import { getOutermostTypeWrapper } from '../../ast/type-wrappers';
import { getCachedPlaces, isGuardedByTest, isInsideGuard } from './guards';
import { isLongLived } from './long-lived';
import type { SourceCode } from '../../ast/source-code';

/** A read of a long-lived place: `pool`, `globalThis.prisma`, or a long-lived map's `pools.get(key)`. */
function isCacheRead(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  if (isLongLived(sourceCode, node)) return true;
  if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || node.callee.computed) return false;
  const { object, property } = node.callee;
  return property.type === 'Identifier' && property.name === 'get' && isLongLived(sourceCode, object);
}

/** `pools.set(key, value)` on a long-lived map: the call. */
function getCacheSetCall(sourceCode: SourceCode, value: TSESTree.Node): TSESTree.CallExpression | undefined {
  const call = value.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(value as TSESTree.CallExpressionArgument)) return undefined;
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return callee.property.name === 'set' && isLongLived(sourceCode, callee.object) ? call : undefined;
}

/** Where a value is stored for later requests: a long-lived target, or a long-lived map's `set()`. */
function getLongLivedStore(sourceCode: SourceCode, value: TSESTree.Node): TSESTree.Node | undefined {
  const parent = value.parent;
  if (parent?.type === 'AssignmentExpression' && parent.right === value && isLongLived(sourceCode, parent.left)) {
    return parent.left;
  }
  const call = getCacheSetCall(sourceCode, value);
  return call?.callee.type === 'MemberExpression' ? call.callee.object : undefined;
}

/** The local variable the created value is put in: `const pool = ...` or `pool = ...`. */
function getHoldingVariable(sourceCode: SourceCode, value: TSESTree.Node): TSESLint.Scope.Variable | undefined {
  const parent = value.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === value) return sourceCode.getDeclaredVariables(parent)[0];
  if (parent?.type === 'AssignmentExpression' && parent.right === value && parent.left.type === 'Identifier') {
    return resolveIdentifier(sourceCode, parent.left);
  }
  return undefined;
}

/**
 * Whether the created pool is cached for later requests, so it is only
 * created once (per key): `pool ??= new Pool()`, `pool ||= ...`,
 * `if (!pool) pool = new Pool()`, `pool = pool ?? new Pool()`,
 * `globalThis.prisma ??= new PrismaClient()`, `prisma = global.prisma || new PrismaClient()`,
 * and the same through a local variable or a map:
 * `if (!pool) { pool = new Pool(); pools.set(tenant, pool); }`.
 */
export function isLazySingleton(sourceCode: SourceCode, creation: TSESTree.Node): boolean {
  let value = getOutermostTypeWrapper(creation);
  let cachedRead: TSESTree.Node | undefined;
  while (value.parent?.type === 'LogicalExpression' && value.parent.right === value && value.parent.operator !== '&&') {
    cachedRead = value.parent.left;
    value = getOutermostTypeWrapper(value.parent);
  }
  const readsCache = cachedRead !== undefined && isCacheRead(sourceCode, cachedRead);

  const store = getLongLivedStore(sourceCode, value);
  if (store) {
    const operator = value.parent?.type === 'AssignmentExpression' ? value.parent.operator : '=';
    if (operator === '??=' || operator === '||=' || readsCache) return true;
    if (operator !== '=') return false;
    return isGuardedByTest(sourceCode, value, [sourceCode.getText(store)]) || isInsideGuard(sourceCode, value, getCachedPlaces(sourceCode, value));
  }

  const holder = getHoldingVariable(sourceCode, value);
  for (const reference of holder && !isTopLevelScope(holder.scope) ? holder.references : []) {
    const stored = reference.isRead() ? getLongLivedStore(sourceCode, getOutermostTypeWrapper(reference.identifier)) : undefined;
    if (!stored) continue;
    if (readsCache || isGuardedByTest(sourceCode, value, [holder?.name ?? '', sourceCode.getText(stored)])) return true;
  }
  // The pool feeds something the function caches: `if (!db) { db = new Kysely({ dialect: ... new Pool() }) }`.
  return isInsideGuard(sourceCode, value, getCachedPlaces(sourceCode, value));
}
