import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { skipTransparent } from '../../utils/sync-values';

/** The name an import or require binding takes from its module: 'default', 'db', ... */
export function getImportedName(definition: TSESLint.Scope.Definition): { source: string; name: string } | undefined {
  const node = definition.node as TSESTree.Node;
  if (node.type === 'ImportSpecifier' && node.parent.type === 'ImportDeclaration' && node.parent.importKind !== 'type') {
    if (node.importKind === 'type') return undefined;
    const name = node.imported.type === 'Identifier' ? node.imported.name : String(node.imported.value);
    return { source: String(node.parent.source.value), name };
  }
  if (node.type === 'ImportDefaultSpecifier' && node.parent.type === 'ImportDeclaration' && node.parent.importKind !== 'type') {
    return { source: String(node.parent.source.value), name: 'default' };
  }
  if (node.type !== 'VariableDeclarator') return undefined;
  const init = node.init && skipTransparent(node.init);
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const [argument] = init.arguments;
  if (argument?.type !== 'Literal' || typeof argument.value !== 'string') return undefined;
  if (node.id.type === 'Identifier') return { source: argument.value, name: 'default' };
  const localName = definition.name.type === 'Identifier' ? definition.name.name : undefined;
  const property =
    node.id.type === 'ObjectPattern'
      ? node.id.properties.find(
          (candidate) => candidate.type === 'Property' && candidate.value.type === 'Identifier' && candidate.value.name === localName,
        )
      : undefined;
  return property?.type === 'Property' && property.key.type === 'Identifier' && !property.computed
    ? { source: argument.value, name: property.key.name }
    : undefined;
}
