import type { TSESTree } from '@typescript-eslint/utils';
import { getHost } from '../project';
import { isCreatedOnce } from '../utils/drivers/created-once/is-created-once';
import { createRule } from '../create-rule';
import { isDeployedModule } from '../utils/next/deployed-module';
import { hasDirective } from '../utils/ast/directives';
import { getEnclosingFunction } from '../utils/ast/functions';
import { getNextFileInfo } from '../utils/next/next-file-kind';
import { getNextSettings } from '../utils/next/next-settings';
import { iteratePoolCreations } from '../utils/drivers/pool-creations';
import { BUILTIN_POOL_FACTORIES, type PoolFactory } from '../utils/drivers/pool-factories';
import { planMoveIntoFunction } from './no-shared-pool-on-workers/move-into-function';
import { containsAnyWord } from '../utils/ast/text-words';

export type MessageId = 'sharedPool' | 'sharedPoolNoFix' | 'moveIntoFunction';

/**
 * Pools that hold connections of their own. Prisma's client is left out: how
 * it connects on Workers depends on its driver adapter, which the pool under
 * it (`new Pool()` from pg, say) already shows.
 */
const WORKER_POOL_FACTORIES: readonly PoolFactory[] = BUILTIN_POOL_FACTORIES.filter(
  // Prisma keeps its own client, and its adapters open their pool only when the client connects.
  (factory) => factory.singleton !== 'global-this' && factory.adapter !== true,
);
const WORKER_POOL_MODULES = WORKER_POOL_FACTORIES.map((factory) => factory.module);

export default createRule<[], MessageId>({
  name: 'no-shared-pool-on-workers',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sharing a database pool across requests on Cloudflare Workers',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      sharedPool:
        'This pool serves every request, which Cloudflare Workers does not allow: create one per request. A connection opened for one request cannot be used by another, so later requests fail or hang (OpenNext: "create a new client for each request").',
      sharedPoolNoFix:
        'This pool serves every request, which Cloudflare Workers does not allow: create one per request. A connection opened for one request cannot be used by another, so later requests fail or hang (OpenNext: "create a new client for each request"). No automatic suggestion: {{reason}}.',
      moveIntoFunction: 'Create `{{name}}` in {{fn}} instead, once per call',
    },
    schema: [],
  },
  defaultOptions: [],
  // Only a file naming a pool module creates a pool.
  editor: { triggerWords: { anywhere: WORKER_POOL_MODULES } },
  create(context) {
    const sourceCode = context.sourceCode;
    if (!containsAnyWord(sourceCode.text, WORKER_POOL_MODULES)) return {};
    const settings = getNextSettings(context.settings);
    if (getHost(context, settings) !== 'cloudflare' || hasDirective(sourceCode.ast.body, 'use client')) return {};
    const { kind } = getNextFileInfo(context.filename, context.cwd, settings);

    return {
      'Program:exit'() {
        const shared = new Set<TSESTree.CallExpression | TSESTree.NewExpression>();
        for (const { pool: node } of iteratePoolCreations(sourceCode, WORKER_POOL_FACTORIES)) {
          // At module scope, or kept by a lazy singleton (`pool ??= new Pool()`): either way, one pool for all requests.
          if (!getEnclosingFunction(node) || isCreatedOnce(sourceCode, node)) shared.add(node);
        }
        if (shared.size === 0 || !isDeployedModule(context, kind, settings)) return;
        for (const node of shared) {
          const plan = getEnclosingFunction(node)
            ? { ok: false as const, reason: 'it is created once and kept on purpose; create it in the request instead' }
            : planMoveIntoFunction(sourceCode, node);
          if (!plan.ok) {
            context.report({ node, messageId: 'sharedPoolNoFix', data: { reason: plan.reason } });
            continue;
          }
          context.report({
            node,
            messageId: 'sharedPool',
            suggest: [{ messageId: 'moveIntoFunction', data: { name: plan.name, fn: plan.functionName }, fix: plan.fix }],
          });
        }
      },
    };
  },
});
