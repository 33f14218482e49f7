import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isGeneratedPrismaClient, type ModelSession } from '../../project';
import { getModuleSpecifiers } from '../../project/app-files';
import type { PoolFactory } from '../../utils/drivers/pool-factories';
import { isInside } from '../../utils/ast/ranges';
import { GENERATED_CLIENT_CLASS, generatedClientFactory } from '../../utils/drivers/prisma-factories';
import type { ClientParts } from './hoist';
import { type Creation, findFedClient, getCompanions, opensPool } from './prisma-adapters';
import { getPoolSizeEdit } from './pool-size';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface FoundCreation {
  node: Creation;
  factory: PoolFactory;
}

/**
 * `PrismaClient` factories for the project modules this file imports that
 * hold Prisma's generated client (`@/generated/prisma/client`), as the
 * project model resolves them: a module of that name elsewhere is no client.
 */
export function findGeneratedClientFactories(text: string, file: string, getSession: () => ModelSession): PoolFactory[] {
  if (!text.includes(GENERATED_CLIENT_CLASS)) return [];
  const specifiers = getModuleSpecifiers(text).filter((specifier) => !specifier.startsWith('@prisma/'));
  if (specifiers.length === 0) return [];
  const session = getSession();
  return specifiers.filter((specifier) => isGeneratedPrismaClient(session, file, specifier)).map(generatedClientFactory);
}

export interface PrismaRoles {
  /** The adapters and pools that feed each client, judged and moved with it. */
  feeding: Map<TSESTree.Node, FoundCreation[]>;
  /** Creations not judged on their own: adapters given an existing pool, and whatever feeds a client. */
  notOwnPools: Set<TSESTree.Node>;
}

/** Sorts out which creations belong to a Prisma client. */
export function getPrismaRoles(sourceCode: SourceCode, creations: readonly FoundCreation[]): PrismaRoles {
  const clients = new Set<TSESTree.Node>(creations.filter(({ factory }) => factory.singleton === 'global-this').map(({ node }) => node));
  const roles: PrismaRoles = { feeding: new Map(), notOwnPools: new Set() };
  for (const creation of creations) {
    const { node, factory } = creation;
    if (!opensPool(node, factory)) roles.notOwnPools.add(node);
    if (clients.has(node)) continue;
    const client = clients.size > 0 ? findFedClient(sourceCode, node, clients) : undefined;
    if (!client) continue;
    roles.notOwnPools.add(node);
    const list = roles.feeding.get(client) ?? [];
    list.push(creation);
    roles.feeding.set(client, list);
  }
  return roles;
}

/** What the hoist of a client moves along: its adapter's locals, and the size set on the pool it opens. */
export function getClientParts(sourceCode: SourceCode, client: Creation, feeding: readonly FoundCreation[], poolSize: number): ClientParts {
  const companions = getCompanions(sourceCode, client, feeding.map(({ node }) => node));
  // Only a pool that moves with the client gets a size: one at module scope keeps its own.
  const moving = [client, ...companions.map((companion) => companion.declarator.init)];
  const carried = feeding.filter(({ node }) => moving.some((part) => isInside(node, part)));
  for (const { node, factory } of carried) {
    const edit = opensPool(node, factory) ? getPoolSizeEdit(sourceCode, node, factory, poolSize) : undefined;
    if (edit) return { companions, sizeEdit: { edit, key: factory.sizeOption ?? 'max' }, carriesAdapter: true };
  }
  return { companions, sizeEdit: undefined, carriesAdapter: carried.length > 0 };
}
