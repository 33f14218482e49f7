import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

type SourceCode = Readonly<TSESLint.SourceCode>;

const GLOBAL_OBJECTS = new Set(['globalThis', 'global', 'window', 'self']);
const TYPE_WRAPPERS = new Set(['TSAsExpression', 'TSNonNullExpression', 'TSSatisfiesExpression', 'TSTypeAssertion']);

/** The binding an identifier resolves to, if the file declares it. */
export function resolve(sourceCode: SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  for (let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(node); scope; scope = scope.upper) {
    const variable = scope.set.get(node.name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Whether a place lives as long as the module: a module-scope binding, a
 * property of `globalThis`/`global`, or a property of a module-scope object
 * (`globalForPrisma.prisma`, `pools[tenant]`).
 */
export function isLongLived(sourceCode: SourceCode, target: TSESTree.Node): boolean {
  let root = target;
  while (root.type === 'MemberExpression' || TYPE_WRAPPERS.has(root.type)) {
    root = root.type === 'MemberExpression' ? root.object : (root as TSESTree.TSAsExpression).expression;
  }
  if (root.type !== 'Identifier') return false;
  const variable = resolve(sourceCode, root);
  if (!variable || variable.defs.length === 0) return target !== root && GLOBAL_OBJECTS.has(root.name);
  return variable.scope.block.type === 'Program';
}
