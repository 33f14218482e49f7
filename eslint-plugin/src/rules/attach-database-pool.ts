import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getHost } from '../project';
import { type AttachablePool, ATTACHABLE_POOLS, buildAttachableTraceMap } from '../utils/drivers/attachable-pools';
import { createRule } from '../create-rule';
import { isDeployedModule } from '../utils/next/deployed-module';
import { hasDirective } from '../utils/ast/directives';
import { isAttached, planAttachCall } from '../utils/fix/attach-pool';
import { matchLineEndings } from '../utils/fix/line-endings';
import { usesSemicolonsMostly } from '../utils/fix/module-insertion';
import { isEdgeRuntime } from '../utils/next/is-edge-runtime';
import { iterateModuleReferences } from '../utils/ast/module-references';
import { getNextFileInfo } from '../utils/next/next-file-kind';
import { getNextSettings } from '../utils/next/next-settings';
import { getOutermostTypeWrapper } from '../utils/ast/type-wrappers';
import { insertAfterStatement } from './attach-database-pool/insert-after';
import { containsAnyWord } from '../utils/ast/text-words';

/** The modules the attachable pools come from, for the text check before any analysis. */
const ATTACHABLE_POOL_MODULES = [...new Set(ATTACHABLE_POOLS.map((pool) => pool.module))];

export type MessageId = 'attachPool' | 'addAttachCall';

/** `const pool = new Pool()` (or `export const`) as a statement of the module: its declarator and statement. */
function getModuleDeclaration(creation: TSESTree.Node) {
  const declarator = getOutermostTypeWrapper(creation).parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
  if (getOutermostTypeWrapper(creation) !== declarator.init) return undefined;
  const declaration = declarator.parent;
  const statement = declaration.parent?.type === 'ExportNamedDeclaration' ? declaration.parent : declaration;
  return statement.parent?.type === 'Program' ? { declarator, statement: statement as TSESTree.ProgramStatement } : undefined;
}

export default createRule<[], MessageId>({
  name: 'attach-database-pool',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require module-scope pools to be passed to `attachDatabasePool` on Vercel',
    },
    hasSuggestions: true,
    messages: {
      attachPool:
        'Pass `{{name}}` to `attachDatabasePool()` from @vercel/functions right after creating it. On Vercel Fluid compute an instance can be suspended with idle clients still open, and their connections leak; `attachDatabasePool` keeps it alive until they are released (a no-op outside Vercel).',
      addAttachCall: 'Add `{{call}}` after the pool is created',
    },
    schema: [],
  },
  defaultOptions: [],
  // Only a file naming a pool module creates a pool.
  editor: { triggerWords: { anywhere: ATTACHABLE_POOL_MODULES } },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!containsAnyWord(sourceCode.text, ATTACHABLE_POOL_MODULES)) return {};
    const settings = getNextSettings(context.settings);
    if (getHost(context, settings) !== 'vercel') return {};
    const { kind } = getNextFileInfo(context.filename, context.cwd, settings);
    if (hasDirective(sourceCode.ast.body, 'use client')) return {};

    return {
      'Program:exit'(program) {
        if (isEdgeRuntime(program, kind, context.filename)) return;
        const found = [...iterateModuleReferences<AttachablePool>(sourceCode, buildAttachableTraceMap())].flatMap(({ node, info }) => {
          const declaration = node.type === 'NewExpression' || node.type === 'CallExpression' ? getModuleDeclaration(node) : undefined;
          const variable = declaration && sourceCode.getDeclaredVariables(declaration.declarator)[0];
          return declaration && variable && !isAttached(variable) ? [{ ...declaration, variable, pool: info }] : [];
        });
        if (found.length === 0 || !isDeployedModule(context, kind, settings)) return;
        const semicolon = usesSemicolonsMostly(sourceCode) ? ';' : '';
        for (const { declarator, statement, variable, pool } of found) {
          const plan = planAttachCall(sourceCode, pool, semicolon);
          const call = plan?.statement(variable.name);
          context.report({
            node: declarator,
            messageId: 'attachPool',
            data: { name: variable.name },
            suggest:
              plan && call
                ? [
                    {
                      messageId: 'addAttachCall',
                      data: { call: call.replace(/;$/, '') },
                      fix: (fixer: TSESLint.RuleFixer) =>
                        matchLineEndings(sourceCode, [
                          ...plan.importFixes(fixer),
                          insertAfterStatement(fixer, sourceCode, [statement, plan.after], call),
                        ]),
                    },
                  ]
                : [],
          });
        }
      },
    };
  },
});
