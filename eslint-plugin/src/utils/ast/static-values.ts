import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Values read the way Next.js reads route segment config and options:
 * statically, from what is written in the file.
 */

/** `'edge' as const` or `{ ... } satisfies Config` → the value as written. */
export function skipAsAndSatisfies(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression') current = current.expression;
  return current;
}

/** The initializers of the file's `export const <name> = ...` declarations, in source order. */
export function getExportedConstInits(program: TSESTree.Program, name: string): TSESTree.Expression[] {
  const inits: TSESTree.Expression[] = [];
  for (const statement of program.body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const declarator of statement.declaration.declarations) {
      if (declarator.id.type === 'Identifier' && declarator.id.name === name && declarator.init) inits.push(declarator.init);
    }
  }
  return inits;
}

/** The value of an object literal's first property named `name` (`name:` or `'name':`; computed keys are not read). */
export function getPropertyValue(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type !== 'Property' || property.computed) continue;
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.type === 'Literal' ? property.key.value : undefined;
    if (key === name) return property.value;
  }
  return undefined;
}

/** A value written as a string: a literal, a template, or `process.env.DATABASE_URL` (with `!` or `as string`). */
export function isStringLike(node: TSESTree.Node): boolean {
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return isStringLike(node.expression);
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  // process.env.DATABASE_URL
  return node.type === 'MemberExpression' && /^process\.env\b/.test(memberPath(node));
}

function memberPath(node: TSESTree.Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.property.type === 'Identifier') {
    return `${memberPath(node.object)}.${node.property.name}`;
  }
  return '';
}
