import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Reading `import`/`export`/`require` syntax as written, for files where no
 * scope analysis is at hand (modules parsed on the side) as well as linted ones.
 */

/** `require('pg')` → 'pg'; undefined for anything else, including `require(name)`. */
export function getRequiredModule(node: TSESTree.Node | null | undefined): string | undefined {
  if (node?.type !== 'CallExpression' || node.callee.type !== 'Identifier' || node.callee.name !== 'require') return undefined;
  const [argument] = node.arguments;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

/** The name in `import { name }` / `export { x as name }`, also when written as a string (`export { x as 'a-b' }`). */
export function getModuleExportName(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : String(node.value);
}

/** `module.exports` → 'default', `exports.GET` / `module.exports.GET` → 'GET'. */
export function getCommonJsExportName(target: TSESTree.Node): string | undefined {
  if (target.type !== 'MemberExpression' || target.computed || target.property.type !== 'Identifier') return undefined;
  const { object, property } = target;
  if (object.type === 'Identifier' && object.name === 'module' && property.name === 'exports') return 'default';
  if (object.type === 'Identifier' && object.name === 'exports') return property.name;
  return getCommonJsExportName(object) === 'default' ? property.name : undefined;
}
