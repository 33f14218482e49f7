import type { TSESTree } from '@typescript-eslint/utils';
import { isTopLevelScope, resolveIdentifier } from '../../ast/scope';
import { isTypeWrapper } from '../../ast/type-wrappers';
import type { SourceCode } from '../../ast/source-code';

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);

/**
 * Whether a place lives as long as the module: a module-scope binding, a
 * property of `globalThis`/`global`, or a property of a module-scope object
 * (`globalForPrisma.prisma`, `pools[tenant]`).
 */
export function isLongLived(sourceCode: SourceCode, target: TSESTree.Node): boolean {
  let root = target;
  while (root.type === 'MemberExpression' || isTypeWrapper(root)) {
    root = root.type === 'MemberExpression' ? root.object : root.expression;
  }
  if (root.type !== 'Identifier') return false;
  const variable = resolveIdentifier(sourceCode, root);
  if (!variable || variable.defs.length === 0) return target !== root && GLOBAL_OBJECTS.has(root.name);
  return isTopLevelScope(variable.scope);
}
