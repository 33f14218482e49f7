import type { TSESTree } from '@typescript-eslint/utils';
import { createModelSession, findEntryReaching, getAbsoluteFilename, getHost, type ModelSession } from '../project';
import { createRule } from '../utils/create-rule';
import { hasDirective } from '../utils/directives';
import { iterateModuleReferences } from '../utils/module-references';
import { getNextFileInfo } from '../utils/next-file-kind';
import { getNextSettings } from '../utils/next-settings';
import { BUILTIN_POOL_FACTORIES, type PoolFactory, buildFactoryTraceMap } from '../utils/pool-factories';
import { findRequestScopedAncestor, getRequestScopedFunctions } from '../utils/request-scope';
import { getTopLevelFunctionName } from '../utils/top-level-function';
import { planHoist } from './no-pool-in-handler/hoist';
import { isEdgeRuntime } from '../utils/is-edge-runtime';
import { isCreatedOnce } from '../utils/created-once/is-created-once';
import { planVercelAttach } from './no-pool-in-handler/vercel-attach';

export type Options = [
  {
    poolSize?: number;
    factories?: Array<{ module: string; import?: string; sizeOption?: string }>;
  },
];
export type MessageId = 'poolInHandler' | 'poolInHandlerNoFix' | 'hoistPool' | 'hoistPrismaClient' | 'hoistAttachedPool';

/** `new pg.Pool()`, `createPool()`: how the creation reads in a message. */
function describeCreation(node: TSESTree.CallExpression | TSESTree.NewExpression, factory: PoolFactory): string {
  let callee: TSESTree.Node = node.callee;
  const path: string[] = [];
  while (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    path.unshift(callee.property.name);
    callee = callee.object;
  }
  const name = callee.type === 'Identifier' ? [callee.name, ...path].join('.') : (path.at(-1) ?? factory.import ?? factory.module);
  return `\`${node.type === 'NewExpression' ? 'new ' : ''}${name}()\``;
}

export default createRule<Options, MessageId>({
  name: 'no-pool-in-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow creating a database connection pool inside code that runs on every request',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      poolInHandler:
        '{{factory}} opens a pool on every request: create it once at module scope and reuse it. It runs in {{where}}, so under load the database runs out of connections (SQLSTATE 53300).',
      poolInHandlerNoFix:
        '{{factory}} opens a pool on every request: create it once at module scope and reuse it. It runs in {{where}}, so under load the database runs out of connections (SQLSTATE 53300). No automatic suggestion: {{reason}}.',
      hoistPool: 'Create `{{name}}` once at module scope{{size}}',
      hoistPrismaClient: 'Keep one PrismaClient `{{name}}` on `globalThis`',
      hoistAttachedPool: 'Create `{{name}}` once at module scope{{size}}, passed to `attachDatabasePool`',
    },
    schema: [
      {
        type: 'object',
        description: 'Options for no-pool-in-handler.',
        additionalProperties: false,
        properties: {
          poolSize: {
            type: 'integer',
            minimum: 1,
            description: 'Pool size the suggestion sets on the hoisted pool when it has none (default 5).',
          },
          factories: {
            type: 'array',
            description: 'More functions or classes that create a pool, on top of the built-in ones.',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['module'],
              properties: {
                module: { type: 'string', minLength: 1, description: 'The module it is imported or required from.' },
                import: {
                  type: 'string',
                  minLength: 1,
                  description: "The named export; omit it for the module's default export (called or constructed).",
                },
                sizeOption: {
                  type: 'string',
                  minLength: 1,
                  description: "The option key for the pool size (default 'max').",
                },
              },
            },
          },
        },
      },
    ],
  },
  defaultOptions: [{ poolSize: 5, factories: [] }],
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const factories: PoolFactory[] = [...BUILTIN_POOL_FACTORIES, ...(options.factories ?? [])];
    // Most files name no pool module at all: skip them before any analysis.
    if (!factories.some((factory) => sourceCode.text.includes(factory.module))) return {};
    const settings = getNextSettings(context.settings);
    // On Cloudflare Workers a pool per request is the rule (see no-shared-pool-on-workers).
    const host = getHost(context, settings);
    if (host === 'cloudflare') return {};
    const { kind } = getNextFileInfo(context.filename, context.cwd, settings);
    const requestScoped = getRequestScopedFunctions(sourceCode, kind);
    // A helper module (`lib/db.ts`) is judged by the handlers that reach it, through the project model.
    const isHelperModule = (kind === 'other' || kind === 'app-other') && !hasDirective(sourceCode.ast.body, 'use client');
    if (requestScoped.size === 0 && !isHelperModule) return {};
    const poolSize = options.poolSize ?? 5;

    let session: ModelSession | undefined;
    /** Where a creation outside this file's handlers runs per request: "`getPool`, called from … in app/api/a/route.ts". */
    function findReachingHandler(node: TSESTree.Node): string | undefined {
      if (!isHelperModule) return undefined;
      const name = getTopLevelFunctionName(node);
      if (name === undefined) return undefined;
      session ??= createModelSession(context, settings);
      const { entry } = findEntryReaching(session, getAbsoluteFilename(context), name, 'request');
      return entry && `${name.startsWith('\0') ? 'this module' : `\`${name}\``}, called from ${entry.description} (${entry.file})`;
    }

    return {
      'Program:exit'(program) {
        const onEdge = isEdgeRuntime(program, kind, context.filename);
        const seen = new Set<TSESTree.Node>();
        for (const { node, info: factory } of iterateModuleReferences<PoolFactory>(sourceCode, buildFactoryTraceMap(factories))) {
          if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
          if (seen.has(node) || (onEdge && factory.perRequestOnEdge)) continue;
          seen.add(node);
          const handler = findRequestScopedAncestor(node, requestScoped);
          if ((!handler && !isHelperModule) || isCreatedOnce(sourceCode, node)) continue;
          const where = handler ? (requestScoped.get(handler) ?? 'a request handler') : findReachingHandler(node);
          if (where === undefined) continue;

          const data = { factory: describeCreation(node, factory), where };
          const attach = host === 'vercel' ? planVercelAttach(sourceCode, factory) : undefined;
          const plan = planHoist(context, node, factory, poolSize, attach);
          if (!plan.ok) {
            context.report({ node, messageId: 'poolInHandlerNoFix', data: { ...data, reason: plan.reason } });
            continue;
          }
          context.report({
            node,
            messageId: 'poolInHandler',
            data,
            suggest: [
              {
                messageId: factory.singleton === 'global-this' ? 'hoistPrismaClient' : attach ? 'hoistAttachedPool' : 'hoistPool',
                data: { name: plan.name, size: plan.sizeText },
                fix: plan.fix,
              },
            ],
          });
        }
      },
    };
  },
});
