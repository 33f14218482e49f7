import type { PoolFactory } from './pool-factories';

/**
 * Prisma 7: the client comes from the project's generated folder (or, up to
 * Prisma 6, from `@prisma/client`), and a driver adapter owns the pool.
 */

/** How a `PrismaClient` is shared, wherever it is imported from. */
export const PRISMA_CLIENT_TRAITS = {
  import: 'PrismaClient',
  sizeOption: null,
  closeMethod: '$disconnect',
  suggestedName: 'prisma',
  singleton: 'global-this',
} as const satisfies Omit<PoolFactory, 'module'>;

/** The class a generated client exports; files naming it may import one (the module name is the project's own). */
export const GENERATED_CLIENT_CLASS = 'PrismaClient';

/** A `PrismaClient` imported from a project module that the project model found to be a generated client. */
export function generatedClientFactory(specifier: string): PoolFactory {
  return { module: specifier, ...PRISMA_CLIENT_TRAITS };
}

/**
 * Prisma 7's driver adapters. Given options or a URL, one opens its own pool
 * (with the driver's defaults: pg `max` 10); given an existing pool, it opens
 * none. The pool is the client's: an adapter feeding a `PrismaClient` is
 * judged, and hoisted, with that client.
 */
export const PRISMA_ADAPTER_FACTORIES: readonly PoolFactory[] = [
  { module: '@prisma/adapter-pg', import: 'PrismaPg', suggestedName: 'adapter', adapter: true },
  { module: '@prisma/adapter-neon', import: 'PrismaNeon', suggestedName: 'adapter', adapter: true, perRequestOnEdge: true },
  { module: '@prisma/adapter-mariadb', import: 'PrismaMariaDb', sizeOption: 'connectionLimit', suggestedName: 'adapter', adapter: true },
];
