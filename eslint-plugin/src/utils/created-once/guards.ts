import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, isFunctionNode } from '../exported-functions';
import { isLongLived } from './long-lived';
import { walkAst } from '../walk-ast';

type SourceCode = Readonly<TSESLint.SourceCode>;

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
export function isGuardedByTest(sourceCode: SourceCode, node: TSESTree.Node, texts: readonly string[]): boolean {
  const container = getEnclosingFunction(node) ?? sourceCode.ast;
  const body = container.type === 'Program' ? container : container.body;
  return walkAst(body, (current) => {
    if (current.range[0] >= node.range[0]) return false;
    const tested = getTestedExpression(current);
    if (!tested || tested.range[1] > node.range[0]) return true;
    const testText = sourceCode.getText(tested);
    return texts.some((text) => mentions(testText, text)) ? 'stop' : true;
  }, sourceCode.visitorKeys);
}

/**
 * The long-lived places the function around `node` assigns (its own code, not
 * nested functions'): `db` in `if (!db) { db = drizzle(postgres(url)) }`,
 * `initialized` in `if (initialized) return; initialized = true; ...`. A test
 * of one of them before the creation makes it run once, like a test of the pool.
 */
export function getCachedPlaces(sourceCode: SourceCode, node: TSESTree.Node): string[] {
  const fn = getEnclosingFunction(node);
  if (!fn) return [];
  const places: string[] = [];
  walkAst(fn.body, (current) => {
    if (isFunctionNode(current)) return false;
    if (current.type === 'AssignmentExpression' && isLongLived(sourceCode, current.left)) {
      places.push(sourceCode.getText(current.left));
    }
    return true;
  }, sourceCode.visitorKeys);
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
export function isInsideGuard(sourceCode: SourceCode, node: TSESTree.Node, places: readonly string[]): boolean {
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
