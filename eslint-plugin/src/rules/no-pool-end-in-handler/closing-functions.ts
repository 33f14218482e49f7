import type { TSESTree } from '@typescript-eslint/utils';
import { resolveIdentifier } from '../../utils/ast/scope';
import { PROJECT_SPECIFIER, getImportSpecifier } from './shared-pools';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * A call of a project helper that ends the shared pool, such as
 * `await disconnect()` imported from `@/lib/db` where `disconnect()` calls
 * `prisma.$disconnect()`. The other module is not read yet: the
 * `closingFunctions` option names such helpers. (Same-file helpers need no
 * option: a helper called from a handler is request-time code itself, so the
 * `end()` inside it is reported there.) When the project model can summarise
 * other modules, it can answer "does this imported function end a shared
 * pool?" here instead of the option.
 */
export function getClosingFunction(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
  closingFunctions: ReadonlySet<string>,
): { name: string; module: string } | undefined {
  if (closingFunctions.size === 0 || call.callee.type !== 'Identifier' || !closingFunctions.has(call.callee.name)) return undefined;
  const variable = resolveIdentifier(sourceCode, call.callee);
  const module = variable && getImportSpecifier(variable);
  return module !== undefined && PROJECT_SPECIFIER.test(module) ? { name: call.callee.name, module } : undefined;
}
