import type { TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunctions } from './functions';
import { getCommonJsExportName } from './module-syntax';
import { isTypeWrapper } from './type-wrappers';

/**
 * The top-level binding whose function holds `node`, as the project model
 * names it: `getMeals` for `export async function getMeals()`, `const
 * getMeals = async () => …` or `const getMeals = cache(async () => …)`;
 * `\0` + the export name for a function exported without a name of its own
 * (`\0default` for `export default async () => …`). Undefined for code that is not
 * inside a top-level function.
 */
export function getTopLevelFunctionName(node: TSESTree.Node): string | undefined {
  const outermost = getEnclosingFunctions(node).at(-1);
  if (!outermost) return undefined;
  if (outermost.type === 'FunctionDeclaration' && outermost.id) return outermost.id.name;
  let holder: TSESTree.Node = outermost;
  // Climb over `fn as Loader` and wrapper calls such as React's `cache(fn)`.
  while (holder.parent && (isTypeWrapper(holder.parent) || (holder.parent.type === 'CallExpression' && holder.parent.arguments[0] === holder))) {
    holder = holder.parent;
  }
  const parent = holder.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return parent.id.name;
  if (parent?.type === 'ExportDefaultDeclaration') return '\0default';
  // `module.exports = function () {}`, `exports.getMeals = async () => …`: exported without a name of its own.
  const exportName = parent?.type === 'AssignmentExpression' && parent.right === holder ? getCommonJsExportName(parent.left) : undefined;
  return exportName === undefined ? undefined : `\0${exportName}`;
}
