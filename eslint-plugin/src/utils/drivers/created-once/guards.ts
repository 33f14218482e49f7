import type { TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../../ast/cached-per';
import { type FunctionNode, getEnclosingFunction, isFunctionNode } from '../../ast/functions';
import { isLongLived } from './long-lived';
import { walkAst } from '../../ast/walk-ast';
import type { SourceCode } from '../../ast/source-code';
import { escapeRegExp } from '../../ast/text-words';

function getTestedExpression(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') return node.test;
  if (node.type === 'LogicalExpression') return node.left;
  return undefined;
}

/** Whether code mentions `text` as a whole: `!pool` mentions `pool`, `!poolReady` does not. */
function mentions(code: string, text: string): boolean {
  return new RegExp(`(^|[^\\w$])${escapeRegExp(text)}($|[^\\w$])`).test(code);
}

interface TestedExpression {
  end: number;
  text: string;
}

/** The tests of a function body (or the module), in order of where they end, by each word they mention. */
interface TestIndex {
  byWord: Map<string, TestedExpression[]>;
  all: TestedExpression[];
}

const WORD = /[\w$]+/g;

const getTestIndex = cachedPer((body: TSESTree.Node, sourceCode: SourceCode): TestIndex => {
  const all: TestedExpression[] = [];
  walkAst(body, (current) => {
    const tested = getTestedExpression(current);
    if (tested) all.push({ end: tested.range[1], text: sourceCode.getText(tested) });
  }, sourceCode.visitorKeys);
  all.sort((a, b) => a.end - b.end);
  const byWord = new Map<string, TestedExpression[]>();
  for (const test of all) {
    for (const word of new Set(test.text.match(WORD))) {
      const list = byWord.get(word);
      if (list) list.push(test);
      else byWord.set(word, [test]);
    }
  }
  return { byWord, all };
});

/**
 * Whether the function tests one of `texts` before `node`, as in
 * `if (!pool) pool = new Pool()`, `if (pool) return pool; pool = new Pool()`
 * or `pool || (pool = new Pool())`: the creation only runs when nothing is cached.
 * The function's tests are indexed once by the words they mention, so a file
 * with many creations is not walked again for each.
 */
export function isGuardedByTest(sourceCode: SourceCode, node: TSESTree.Node, texts: readonly string[]): boolean {
  const container = getEnclosingFunction(node) ?? sourceCode.ast;
  const index = getTestIndex(container.type === 'Program' ? container : container.body, sourceCode);
  return texts.some((text) => {
    const firstWord = /^[\w$]+/.exec(text)?.[0];
    const candidates = firstWord === undefined ? index.all : (index.byWord.get(firstWord) ?? []);
    for (const test of candidates) {
      if (test.end > node.range[0]) return false;
      if (mentions(test.text, text)) return true;
    }
    return false;
  });
}

/**
 * The long-lived places the function around `node` assigns (its own code, not
 * nested functions'): `db` in `if (!db) { db = drizzle(postgres(url)) }`,
 * `initialized` in `if (initialized) return; initialized = true; ...`. A test
 * of one of them before the creation makes it run once, like a test of the pool.
 */
export function getCachedPlaces(sourceCode: SourceCode, node: TSESTree.Node): readonly string[] {
  const fn = getEnclosingFunction(node);
  return fn ? getAssignedPlaces(fn, sourceCode) : [];
}

const getAssignedPlaces = cachedPer((fn: FunctionNode, sourceCode: SourceCode): readonly string[] => {
  const places: string[] = [];
  walkAst(fn.body, (current) => {
    if (isFunctionNode(current)) return false;
    if (current.type === 'AssignmentExpression' && isLongLived(sourceCode, current.left)) {
      places.push(sourceCode.getText(current.left));
    }
    return true;
  }, sourceCode.visitorKeys);
  return places;
});

/** Whether a statement always leaves the function: `return db;`, `{ ...; return db; }`, `throw ...`. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement' || statement.type === 'ThrowStatement') return true;
  const last = statement.type === 'BlockStatement' ? statement.body.at(-1) : undefined;
  return last !== undefined && exits(last);
}

/** Per block and set of places: the first `if (db) return db;` of the block, found once for all creations in it. */
const exitingGuards = new WeakMap<TSESTree.BlockStatement, Map<string, TSESTree.Statement | undefined>>();

function getFirstExitingGuard(
  block: TSESTree.BlockStatement,
  places: readonly string[],
  testsPlace: (test: TSESTree.Node) => boolean,
): TSESTree.Statement | undefined {
  const byPlaces = exitingGuards.get(block) ?? new Map<string, TSESTree.Statement | undefined>();
  exitingGuards.set(block, byPlaces);
  const key = places.join('\0');
  if (!byPlaces.has(key)) {
    byPlaces.set(key, block.body.find((item) => item.type === 'IfStatement' && exits(item.consequent) && testsPlace(item.test)));
  }
  return byPlaces.get(key);
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
      const guard = getFirstExitingGuard(parent, places, testsPlace);
      if (guard !== undefined && guard.range[1] <= child.range[0]) return true;
    }
  }
  return false;
}
