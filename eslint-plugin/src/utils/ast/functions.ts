import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getCommonJsExportName, getModuleExportName } from './module-syntax';
import { getOutermostTypeWrapper, isTypeWrapper } from './type-wrappers';
import type { SourceCode } from './source-code';

export type FunctionNode =
  | TSESTree.ArrowFunctionExpression
  | TSESTree.FunctionDeclaration
  | TSESTree.FunctionExpression;

export function isFunctionNode(node: TSESTree.Node | undefined): node is FunctionNode {
  return (
    node?.type === 'ArrowFunctionExpression' ||
    node?.type === 'FunctionDeclaration' ||
    node?.type === 'FunctionExpression'
  );
}

/** The innermost function that contains `node`, if any. */
export function getEnclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunctionNode(current)) return current;
  }
  return undefined;
}

/** Enclosing functions of a node, nearest first. */
export function getEnclosingFunctions(node: TSESTree.Node): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (let fn = getEnclosingFunction(node); fn; fn = getEnclosingFunction(fn)) functions.push(fn);
  return functions;
}

/** The node that names a function in its scope: `function load() {}`, or the declarator of `const load = () => {}`. */
export function getFunctionBinding(fn: FunctionNode): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  if (fn.type === 'FunctionDeclaration') return fn;
  return fn.parent?.type === 'VariableDeclarator' ? fn.parent : undefined;
}

/** The variable a function is bound to (see `getFunctionBinding`), whose references are its calls and other uses. */
export function getFunctionVariable(
  fn: FunctionNode,
  sourceCode: SourceCode,
): TSESLint.Scope.Variable | undefined {
  const binding = getFunctionBinding(fn);
  return binding ? sourceCode.getDeclaredVariables(binding)[0] : undefined;
}

/** Export names given to an expression by where it stands: `export default x`, `module.exports = x`. */
function getExportNamesOfPosition(node: TSESTree.Node): string[] {
  const parent = node.parent;
  if (!parent) return [];
  // `export default handler as NextApiHandler`, `export const GET = (async () => {}) satisfies Handler`.
  if (isTypeWrapper(parent) && parent.expression === node) {
    return getExportNamesOfPosition(parent);
  }
  if (parent.type === 'ExportDefaultDeclaration') return ['default'];
  if (parent.type === 'AssignmentExpression' && parent.right === node) {
    const name = getCommonJsExportName(parent.left);
    return name === undefined ? [] : [name];
  }
  if (parent.type === 'ExportSpecifier' && parent.local === node) return [getModuleExportName(parent.exported)];
  // `export const GET = handler` (also `= withAuth(handler)`).
  if (parent.type === 'CallExpression' && parent.arguments.includes(node as TSESTree.CallExpressionArgument)) {
    return getExportNamesOfPosition(parent);
  }
  if (
    parent.type === 'VariableDeclarator' &&
    parent.init === node &&
    parent.id.type === 'Identifier' &&
    parent.parent.parent?.type === 'ExportNamedDeclaration'
  ) {
    return [parent.id.name];
  }
  return [];
}

/**
 * The binding a function is declared as, if any: `function GET() {}` or
 * `const GET = async () => {}` (also through a wrapper such as `withAuth(() => {})`).
 */
function getDeclaringNode(fn: TSESTree.Node): TSESTree.FunctionDeclaration | TSESTree.VariableDeclarator | undefined {
  if (fn.type === 'FunctionDeclaration') return fn.id ? fn : undefined;
  const value = getOutermostTypeWrapper(fn); // `(async () => {}) satisfies Handler`
  const parent = value.parent;
  if (parent?.type === 'VariableDeclarator' && parent.init === value && parent.id.type === 'Identifier') return parent;
  return undefined;
}

/**
 * Names under which the module exports this function: 'default' for
 * `export default`, `module.exports =` and `exports.default`; the export name
 * for `export function GET`, `export const GET = () => {}`, `export { handler as GET }`
 * and `exports.GET =`. A function passed straight to a wrapper call counts as
 * what the wrapper's result is exported as (`export default withAuth(async () => {})`).
 */
export function getExportNames(fn: FunctionNode, sourceCode: SourceCode): string[] {
  const exportedNode = fn.parent?.type === 'CallExpression' && (fn.parent.arguments as readonly TSESTree.Node[]).includes(fn)
      ? fn.parent
      : fn;
  const names = new Set(getExportNamesOfPosition(exportedNode));

  const declaring = getDeclaringNode(exportedNode);
  if (declaring) {
    const declaration = declaring.type === 'VariableDeclarator' ? declaring.parent : declaring;
    if (declaration.parent?.type === 'ExportNamedDeclaration') {
      const id = declaring.id;
      if (id?.type === 'Identifier') names.add(id.name);
    }
    if (declaration.parent?.type === 'ExportDefaultDeclaration') names.add('default');
    for (const variable of sourceCode.getDeclaredVariables(declaring)) {
      for (const reference of variable.references) {
        if (reference.init) continue;
        for (const name of getExportNamesOfPosition(reference.identifier)) names.add(name);
      }
    }
  }
  return [...names];
}
