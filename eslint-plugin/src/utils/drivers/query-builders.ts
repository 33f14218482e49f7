import type { TSESTree } from '@typescript-eslint/utils';
import { skipTransparent } from './sync-values';

/** `new Kysely({ dialect: new SqliteDialect(…) })`: the dialect written in the options object. */
export function usesSqliteDialect(
  node: TSESTree.CallExpression | TSESTree.NewExpression,
  isSqliteDialect: (dialect: TSESTree.Node) => boolean,
): boolean {
  const [options] = node.arguments;
  if (options?.type !== 'ObjectExpression') return false;
  return options.properties.some(
    (property) =>
      property.type === 'Property' &&
      !property.computed &&
      property.key.type === 'Identifier' &&
      property.key.name === 'dialect' &&
      isSqliteDialect(skipTransparent(property.value)),
  );
}
