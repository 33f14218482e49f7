import type { TSESTree } from '@typescript-eslint/utils';
import { createModelSession, findEntryReaching, getAbsoluteFilename, getHost, isLoadedByApp, type ModelSession } from '../project';
import { createRule } from '../create-rule';
import { hasDirective } from '../utils/ast/directives';
import { getNextFileInfo } from '../utils/next/next-file-kind';
import { getNextSettings } from '../utils/next/next-settings';
import { type PoolCreation, iteratePoolCreations } from '../utils/drivers/pool-creations';
import { DEFAULT_POOL_SIZE, DEFAULT_SIZE_OPTION, type PoolFactoryOption } from '../utils/drivers/pool-defaults';
import { BUILTIN_POOL_FACTORIES, type PoolFactory } from '../utils/drivers/pool-factories';
import { findRequestScopedAncestor, getRequestScopedFunctions } from '../utils/next/request-scope';
import { getTopLevelFunctionName } from '../utils/ast/top-level-function';
import { planHoist } from './no-pool-in-handler/hoist';
import { type PrismaRoles, findGeneratedClientFactories, getClientParts, getPrismaRoles } from './no-pool-in-handler/prisma-clients';
import { findUnguardedPools } from './no-pool-in-handler/unguarded-pool';
import { GENERATED_CLIENT_CLASS } from '../utils/drivers/prisma-factories';
import { isEdgeRuntime } from '../utils/next/is-edge-runtime';
import { isCreatedOnce } from '../utils/drivers/created-once/is-created-once';
import { planVercelAttach } from './no-pool-in-handler/vercel-attach';
import { containsAnyWord } from '../utils/ast/text-words';

export type Options = [
  {
    poolSize?: number;
    factories?: PoolFactoryOption[];
  },
];
export type MessageId = 'poolInHandler' | 'poolInHandlerNoFix' | 'hoistPool' | 'hoistPrismaClient' | 'poolOutsideGuard' | 'poolOutsideGuardNoFix' | 'movePoolIntoGuard' | 'hoistAttachedPool';

const POOL_IN_HANDLER =
  '{{factory}} opens a pool on every request: create it once at module scope and reuse it. It runs in {{where}}, so under load the database runs out of connections (SQLSTATE 53300).';

/** `pg.Pool`, `createPool`, `pgPromise()`: how a callee reads in a message. */
function describeCallee(node: TSESTree.Node, factory: PoolFactory): string {
  let callee = node;
  const path: string[] = [];
  while (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier') {
    path.unshift(callee.property.name);
    callee = callee.object;
  }
  if (callee.type === 'Identifier') return [callee.name, ...path].join('.');
  // pg-promise's `pgPromise()(url)`
  if (callee.type === 'CallExpression' && path.length === 0) return `${describeCallee(callee.callee, factory)}()`;
  return path.at(-1) ?? factory.import ?? factory.module;
}

/** `new pg.Pool()`, `createPool()`: how the creation reads in a message. */
function describeCreation(node: TSESTree.CallExpression | TSESTree.NewExpression, factory: PoolFactory): string {
  return `\`${node.type === 'NewExpression' ? 'new ' : ''}${describeCallee(node.callee, factory)}()\``;
}

/** ` with \`max: 5\``, or for a Prisma client that brings its adapter: ` with its adapter (\`max: 5\`)`. */
function describeSize(carriesAdapter: boolean, sizeSetting: string | undefined): string {
  if (!carriesAdapter) return sizeSetting ? ` with ${sizeSetting}` : '';
  return ` with its adapter${sizeSetting ? ` (${sizeSetting})` : ''}`;
}

const NO_FACTORIES: readonly PoolFactoryOption[] = [];
const gateWords = new WeakMap<readonly PoolFactoryOption[], string[]>();

/**
 * The words a file must hold to create a pool: the factories' modules, and the
 * `PrismaClient` class, wherever it is imported from. A Prisma client factory
 * counts by that class alone: files that only import `Prisma` types or errors
 * from `@prisma/client` create nothing. One list per options value.
 */
function getGateWords(custom: readonly PoolFactoryOption[]): string[] {
  let words = gateWords.get(custom);
  if (words === undefined) {
    const modules = [...BUILTIN_POOL_FACTORIES, ...custom].filter((factory) => factory.import !== GENERATED_CLIENT_CLASS).map((factory) => factory.module);
    words = [GENERATED_CLIENT_CLASS, ...new Set(modules)];
    gateWords.set(custom, words);
  }
  return words;
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
      poolInHandler: POOL_IN_HANDLER,
      poolInHandlerNoFix: `${POOL_IN_HANDLER} No automatic suggestion: {{reason}}.`,
      hoistPool: 'Create `{{name}}` once at module scope{{size}}',
      hoistPrismaClient: 'Keep one PrismaClient `{{name}}` on `globalThis`{{size}}',
      poolOutsideGuard:
        '{{factory}} runs on every `next dev` reload, but only its PrismaClient is kept on `globalThis`. Each reload leaves one more pool behind: build it inside the guard, with the client.',
      poolOutsideGuardNoFix:
        '{{factory}} runs on every `next dev` reload, but only its PrismaClient is kept on `globalThis`. Each reload leaves one more pool behind: build it inside the guard, with the client. No automatic suggestion: {{reason}}.',
      movePoolIntoGuard: 'Create the pool inside the `globalThis` guard, with the client',
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
            description: `Pool size the suggestion sets on the hoisted pool when it has none (default ${DEFAULT_POOL_SIZE}).`,
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
                  description: `The option key for the pool size (default '${DEFAULT_SIZE_OPTION}').`,
                },
              },
            },
          },
        },
      },
    ],
  },
  defaultOptions: [{ poolSize: DEFAULT_POOL_SIZE, factories: [] }],
  editor: {
    // Only a file naming a pool module can create a pool (the model follows helpers from there).
    triggerWords: ([options]) => ({ anywhere: [...BUILTIN_POOL_FACTORIES, ...(options?.factories ?? [])].map((factory) => factory.module) }),
    optionsFromSettings: (settings) => [
      settings.poolFactories.length > 0 ? { poolSize: settings.poolSize, factories: [...settings.poolFactories] } : { poolSize: settings.poolSize },
    ],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const customFactories = options.factories ?? NO_FACTORIES;
    // Most files name no pool module at all: skip them before any analysis.
    if (!containsAnyWord(sourceCode.text, getGateWords(customFactories))) return {};
    const factories: PoolFactory[] = [...BUILTIN_POOL_FACTORIES, ...customFactories];
    const mayHoldClient = sourceCode.text.includes(GENERATED_CLIENT_CLASS);
    const settings = getNextSettings(context.settings);
    // On Cloudflare Workers a pool per request is the rule (see no-shared-pool-on-workers).
    const host = getHost(context, settings);
    if (host === 'cloudflare') return {};
    const { kind } = getNextFileInfo(context.filename, context.cwd, settings);
    const requestScoped = getRequestScopedFunctions(sourceCode, kind);
    // A helper module (`lib/db.ts`) is judged by the handlers that reach it, through the project model.
    const isHelperModule = (kind === 'other' || kind === 'app-other') && !hasDirective(sourceCode.ast.body, 'use client');
    // A Prisma client kept on `globalThis` is checked in any module `next dev` reloads.
    if (requestScoped.size === 0 && !isHelperModule && !mayHoldClient) return {};
    // defaultOptions sets it, but a JS config may still write `poolSize: undefined`.
    const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;

    let session: ModelSession | undefined;
    const getSession = () => (session ??= createModelSession(context, settings));
    factories.push(...findGeneratedClientFactories(sourceCode.text, getAbsoluteFilename(context), getSession));
    /** Where a creation outside this file's handlers runs per request: "`getPool`, called from … in app/api/a/route.ts". */
    function findReachingHandler(node: TSESTree.Node): string | undefined {
      if (!isHelperModule) return undefined;
      const name = getTopLevelFunctionName(node);
      if (name === undefined) return undefined;
      const { entry } = findEntryReaching(getSession(), getAbsoluteFilename(context), name, 'request');
      return entry && `${name.startsWith('\0') ? 'this module' : `\`${name}\``}, called from ${entry.description} (${entry.file})`;
    }

    /** A pool at module scope that a client kept on `globalThis` uses, in a module `next dev` reloads. */
    function reportUnguardedPools(feeding: PrismaRoles['feeding']): void {
      const unguarded = findUnguardedPools(sourceCode, feeding);
      if (unguarded.length === 0 || !isLoadedByApp(getSession(), getAbsoluteFilename(context))) return;
      for (const { creation, reason, fix } of unguarded) {
        const factory = describeCreation(creation.node, creation.factory);
        if (reason !== undefined) {
          context.report({ node: creation.node, messageId: 'poolOutsideGuardNoFix', data: { factory, reason } });
        } else {
          context.report({ node: creation.node, messageId: 'poolOutsideGuard', data: { factory }, suggest: [{ messageId: 'movePoolIntoGuard', fix }] });
        }
      }
    }

    return {
      'Program:exit'(program) {
        const onEdge = isEdgeRuntime(program, kind, context.filename);
        const creations = [...iteratePoolCreations(sourceCode, factories)];
        const prisma = getPrismaRoles(sourceCode, creations);
        reportUnguardedPools(prisma.feeding);
        // On the edge, Neon wants a pool per request: so does a Prisma client with a Neon adapter.
        const isPerRequest = ({ node, factory }: PoolCreation) =>
          onEdge && [{ factory }, ...(prisma.feeding.get(node) ?? [])].some((part) => part.factory.perRequestOnEdge);
        for (const creation of creations) {
          const { node, factory } = creation;
          if (prisma.notOwnPools.has(node) || isPerRequest(creation)) continue;
          const handler = findRequestScopedAncestor(node, requestScoped);
          if ((!handler && !isHelperModule) || isCreatedOnce(sourceCode, creation.pool)) continue;
          const where = handler ? (requestScoped.get(handler) ?? 'a request handler') : findReachingHandler(node);
          if (where === undefined) continue;

          const data = { factory: describeCreation(node, factory), where };
          const attach = host === 'vercel' ? planVercelAttach(sourceCode, factory) : undefined;
          const clientParts = getClientParts(sourceCode, node, prisma.feeding.get(node) ?? [], poolSize);
          const plan = planHoist(context, creation, poolSize, clientParts, attach);
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
                data: { name: plan.name, size: describeSize(clientParts.carriesAdapter, plan.sizeSetting) },
                fix: plan.fix,
              },
            ],
          });
        }
      },
    };
  },
});
