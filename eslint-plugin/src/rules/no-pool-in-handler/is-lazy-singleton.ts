import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, isFunctionNode } from '../../utils/exported-functions';
import { walk } from './walk';

type SourceCode = Readonly<TSESLint.SourceCode>;

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const TYPE_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

/** Steps up over wrappers that do not change the value: `(x as Pool)`, `x!`, `x satisfies T`. */
function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent && TYPE_WRAPPERS.has(current.parent.type)) current = current.parent;
  return current;
}

/** The binding an identifier resolves to, if the file declares it. */
function resolve(sourceCode: SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Whether a place lives as long as the module: a module-scope binding, a
 * property of `globalThis`/`global`, or a property of a module-scope object
 * (`globalForPrisma.prisma`, `pools[tenant]`).
 */
function isLongLived(sourceCode: SourceCode, target: TSESTree.Node): boolean {
  let root = target;
  while (root.type === 'MemberExpression' || TYPE_WRAPPERS.has(root.type)) {
    root = root.type === 'MemberExpression' ? root.object : (root as TSESTree.TSAsExpression).expression;
  }
  if (root.type !== 'Identifier') return false;
  const variable = resolve(sourceCode, root);
  if (!variable || variable.defs.length === 0) return target !== root && GLOBAL_OBJECTS.has(root.name);
  return variable.scope.block.type === 'Program';
}

function getTestedExpression(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') return node.test;
  if (node.type === 'LogicalExpression') return node.left;
  return undefined;
}

/** Whether code mentions `text` as a whole: `!pool` mentions `pool`, `!poolReady` does not. */
function mentions(code: string, text: string): boolean {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w$])${escaped}($|[^\\w$])`).test(code);
}

/**
 * Whether the function tests one of `texts` before `node`, as in
 * `if (!pool) pool = new Pool()`, `if (pool) return pool; pool = new Pool()`
 * or `pool || (pool = new Pool())`: the creation only runs when nothing is cached.
 */
function isGuardedByTest(sourceCode: SourceCode, node: TSESTree.Node, texts: readonly string[]): boolean {
  const container = getEnclosingFunction(node) ?? sourceCode.ast;
  const body = container.type === 'Program' ? container : container.body;
  return walk(sourceCode, body, (current) => {
    if (current.range[0] >= node.range[0]) return false;
    const tested = getTestedExpression(current);
    if (!tested || tested.range[1] > node.range[0]) return true;
    const testText = sourceCode.getText(tested);
    return texts.some((text) => mentions(testText, text)) ? 'stop' : true;
  });
}

/**
 * The long-lived places the function around `node` assigns (its own code, not
 * nested functions'): `db` in `if (!db) { db = drizzle(postgres(url)) }`,
 * `initialized` in `if (initialized) return; initialized = true; ...`. A test
 * of one of them before the creation makes it run once, like a test of the pool.
 */
function getCachedPlaces(sourceCode: SourceCode, node: TSESTree.Node): string[] {
  const fn = getEnclosingFunction(node);
  if (!fn) return [];
  const places: string[] = [];
  walk(sourceCode, fn.body, (current) => {
    if (isFunctionNode(current)) return false;
    if (current.type === 'AssignmentExpression' && isLongLived(sourceCode, current.left)) {
      places.push(sourceCode.getText(current.left));
    }
    return true;
  });
  return places;
}

/** Whether a statement always leaves the function: `return db;`, `{ ...; return db; }`, `throw ...`. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  const last = statement.type === 'BlockStatement' ? statement.body.at(-1) : undefined;
  return last !== undefined && exits(last);
}

/**
 * Whether `node` only runs when a test of one of `places` allows it: inside
 * `if (!db) { ... }` (or `db ? ... : ...`, `db || ...`, `db ??= ...`), or after
 * `if (db) return db;` in the same block. Unlike `isGuardedByTest`, a test
 * elsewhere in the function (`if (!cache) cache = load();`) does not count.
 */
function isInsideGuard(sourceCode: SourceCode, node: TSESTree.Node, places: readonly string[]): boolean {
  if (places.length === 0) return false;
  const testsPlace = (test: TSESTree.Node) => places.some((place) => mentions(sourceCode.getText(test), place));
  const fn = getEnclosingFunction(node);
  for (let child = node, parent = node.parent; parent && parent !== fn; child = parent, parent = parent.parent) {
    if ((parent.type === 'IfStatement' || parent.type === 'ConditionalExpression') && parent.test !== child && testsPlace(parent.test)) {
      return true;
    }
    if (parent.type === 'LogicalExpression' && parent.right === child && testsPlace(parent.left)) return true;
    // `db ??= drizzle(new Pool())`
    if (parent.type === 'AssignmentExpression' && (parent.operator === '??=' || parent.operator === '||=')) {
      if (parent.right === child && testsPlace(parent.left)) return true;
    }
    if (parent.type === 'BlockStatement') {
      const earlier = parent.body.slice(0, parent.body.indexOf(child as TSESTree.Statement));
      if (earlier.some((item) => item.type === 'IfStatement' && exits(item.consequent) && testsPlace(item.test))) return true;
    }
  }
  return false;
}

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
    return resolve(sourceCode, parent.left);
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
  let value = skipTypeWrappers(creation);
  let cachedRead: TSESTree.Node | undefined;
  while (value.parent?.type === 'LogicalExpression' && value.parent.right === value && value.parent.operator !== '&&') {
    cachedRead = value.parent.left;
    value = skipTypeWrappers(value.parent);
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
  for (const reference of holder && holder.scope.block.type !== 'Program' ? holder.references : []) {
    const stored = reference.isRead() ? getLongLivedStore(sourceCode, skipTypeWrappers(reference.identifier)) : undefined;
    if (!stored) continue;
    if (readsCache || isGuardedByTest(sourceCode, value, [holder?.name ?? '', sourceCode.getText(stored)])) return true;
  }
  // The pool feeds something the function caches: `if (!db) { db = new Kysely({ dialect: ... new Pool() }) }`.
  return isInsideGuard(sourceCode, value, getCachedPlaces(sourceCode, value));
}
