import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getModuleExportName, getRequiredModule } from '../../utils/ast/module-syntax';
import { skipTransparent } from '../../utils/drivers/sync-values';

/** Whether an import binds a value by its name in the module: a default or named import, neither `type`-only nor a namespace. */
function importsValueByName(specifier: TSESTree.ImportClause): boolean {
  if (specifier.parent.type !== 'ImportDeclaration' || specifier.parent.importKind === 'type') return false;
  return specifier.type === 'ImportDefaultSpecifier' || (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type');
}

/** The name an import or require binding takes from its module: 'default', 'db', ... */
export function getImportedName(definition: TSESLint.Scope.Definition): { source: string; name: string } | undefined {
  const node = definition.node as TSESTree.Node;
  if ((node.type === 'ImportSpecifier' || node.type === 'ImportDefaultSpecifier') && node.parent.type === 'ImportDeclaration') {
    if (!importsValueByName(node)) return undefined;
    return { source: String(node.parent.source.value), name: node.type === 'ImportSpecifier' ? getModuleExportName(node.imported) : 'default' };
  }
  if (node.type !== 'VariableDeclarator') return undefined;
  const source = getRequiredModule(node.init && skipTransparent(node.init));
  if (source === undefined) return undefined;
  if (node.id.type === 'Identifier') return { source, name: 'default' };
  const localName = definition.name.type === 'Identifier' ? definition.name.name : undefined;
  const property =
    node.id.type === 'ObjectPattern'
      ? node.id.properties.find(
          (candidate) => candidate.type === 'Property' && candidate.value.type === 'Identifier' && candidate.value.name === localName,
        )
      : undefined;
  return property?.type === 'Property' && property.key.type === 'Identifier' && !property.computed
    ? { source, name: property.key.name }
    : undefined;
}
