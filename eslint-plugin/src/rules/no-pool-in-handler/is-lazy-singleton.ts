import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../../utils/exported-functions';
import { walk } from './walk';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/** Steps over wrappers that do not change the value: `(x as Pool)`, `x!`, `x satisfies T`. */
function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.parent &&
    (current.parent.type === 'TSAsExpression' ||
      current.parent.type === 'TSNonNullExpression' ||
      current.parent.type === 'TSSatisfiesExpression' ||
      current.parent.type === 'TSTypeAssertion')
  ) {
    current = current.parent;
  }
  return current;
}

function isModuleLevel(scope: TSESLint.Scope.Scope): boolean {
  return scope.block.type === 'Program';
}

/** The binding `name` resolves to from `node`'s scope, if declared in the file. */
function resolve(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Whether the assignment target lives as long as the module: a module-scope
 * binding, a property of `globalThis`/`global`, or a property of a module-scope
 * object (`globalForPrisma.prisma`).
 */
function isLongLivedTarget(sourceCode: Readonly<TSESLint.SourceCode>, target: TSESTree.Node): boolean {
  let root = target;
  while (root.type === 'MemberExpression') root = root.object;
  while (root.type === 'TSAsExpression' || root.type === 'TSNonNullExpression') root = root.expression;
  if (root.type !== 'Identifier') return false;
  const variable = resolve(sourceCode, root);
  if (!variable || variable.defs.length === 0) return target !== root && GLOBAL_OBJECTS.has(root.name);
  return isModuleLevel(variable.scope);
}

function getTestedExpression(node: TSESTree.Node): TSESTree.Node | undefined {
  if (node.type === 'IfStatement' || node.type === 'ConditionalExpression') return node.test;
  if (node.type === 'LogicalExpression') return node.left;
  return undefined;
}

/**
 * Whether the function tests the target before assigning it, as in
 * `if (!pool) pool = new Pool()`, `if (pool) return pool; pool = new Pool()`
 * or `pool || (pool = new Pool())`.
 */
function isGuardedByTest(
  sourceCode: Readonly<TSESLint.SourceCode>,
  assignment: TSESTree.AssignmentExpression,
): boolean {
  const targetText = sourceCode.getText(assignment.left);
  const container = getEnclosingFunction(assignment) ?? sourceCode.ast;
  const body = container.type === 'Program' ? container : container.body;
  return walk(sourceCode, body, (node) => {
    if (node.range[0] >= assignment.range[0]) return false;
    const tested = getTestedExpression(node);
    const isGuard = tested && tested.range[1] <= assignment.range[0] && sourceCode.getText(tested).includes(targetText);
    return isGuard ? 'stop' : true;
  });
}

/**
 * Whether the created pool is kept in a lazy singleton, so it is only created
 * once: `pool ??= new Pool()`, `pool ||= ...`, `if (!pool) pool = new Pool()`,
 * `pool = pool ?? new Pool()`, `globalThis.prisma ??= new PrismaClient()`,
 * `g.prisma = g.prisma || new PrismaClient()`.
 */
export function isLazySingleton(sourceCode: Readonly<TSESLint.SourceCode>, creation: TSESTree.Node): boolean {
  let value = skipTypeWrappers(creation);
  let cachedRead: TSESTree.Node | undefined;
  while (value.parent?.type === 'LogicalExpression' && value.parent.right === value && value.parent.operator !== '&&') {
    cachedRead = value.parent.left;
    value = skipTypeWrappers(value.parent);
  }
  const assignment = value.parent;
  if (assignment?.type !== 'AssignmentExpression' || assignment.right !== value) return false;
  if (!isLongLivedTarget(sourceCode, assignment.left)) return false;
  if (assignment.operator === '??=' || assignment.operator === '||=') return true;
  if (assignment.operator !== '=') return false;
  // `pool = pool ?? new Pool()`, `prisma = global.prisma || new PrismaClient()`.
  if (cachedRead && isLongLivedTarget(sourceCode, cachedRead)) return true;
  return isGuardedByTest(sourceCode, assignment);
}
