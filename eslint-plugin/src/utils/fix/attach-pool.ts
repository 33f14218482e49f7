import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { AttachablePool } from '../drivers/attachable-pools';
import { getRequiredModule } from '../ast/module-syntax';
import { planNamedImport } from './insert-import';

type Statement = TSESTree.ProgramStatement;

export const ATTACH_FUNCTIONS = ['attachDatabasePool', 'experimental_attachDatabasePool'];

export interface AttachPlan {
  /** `attachDatabasePool(pool);` for the pool's module-level name. */
  statement(poolName: string): string;
  /** The last top-level `require`, which the statement must follow: a new CommonJS import lands after it. */
  after: Statement | undefined;
  /** The import of `attachDatabasePool`, when the file has none: apply before edits at the same place. */
  importFixes(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

/** The last top-level statement that is or holds a `require(...)` call in its declarations. */
function getLastRequireStatement(program: TSESTree.Program): Statement | undefined {
  return program.body.findLast(
    (statement) => statement.type === 'VariableDeclaration' && statement.declarations.some((declarator) => getRequiredModule(declarator.init) !== undefined),
  );
}

/**
 * How to pass a module-level pool to `attachDatabasePool` from
 * `@vercel/functions`: the existing import, or a new one. Undefined when no
 * name is free for it.
 */
export function planAttachCall(
  sourceCode: Readonly<TSESLint.SourceCode>,
  pool: AttachablePool,
  semicolon: ';' | '',
): AttachPlan | undefined {
  const request = { source: '@vercel/functions', imported: 'attachDatabasePool', localNames: ['attachDatabasePool', 'attachVercelDatabasePool'] };
  const globalScope = sourceCode.scopeManager?.globalScope;
  const moduleScope = globalScope?.childScopes.find((scope) => scope.block.type === 'Program') ?? globalScope;
  const imported = moduleScope && planNamedImport(sourceCode, request, moduleScope);
  if (!imported) return undefined;
  return {
    statement: (poolName) => `${imported.local}(${poolName}${pool.corePool ? `.${pool.corePool}` : ''})${semicolon}`,
    after: getLastRequireStatement(sourceCode.ast),
    importFixes: (fixer) => imported.fix(fixer),
  };
}

/** Whether the file passes the variable's pool to `attachDatabasePool` (by that name, whatever its import). */
export function isAttached(variable: TSESLint.Scope.Variable): boolean {
  return variable.references.some(({ identifier }) => {
    let argument: TSESTree.Node = identifier;
    while (argument.parent?.type === 'MemberExpression' && argument.parent.object === argument) argument = argument.parent;
    const call = argument.parent;
    if (call?.type !== 'CallExpression' || call.arguments[0] !== argument) return false;
    const callee = call.callee.type === 'MemberExpression' ? call.callee.property : call.callee;
    return callee.type === 'Identifier' && ATTACH_FUNCTIONS.includes(callee.name);
  });
}
