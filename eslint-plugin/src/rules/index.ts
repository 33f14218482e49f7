import attachDatabasePool from './attach-database-pool';
import noNodeDriverOnEdge from './no-node-driver-on-edge';
import noPoolEndInHandler from './no-pool-end-in-handler';
import noPoolInHandler from './no-pool-in-handler';
import noSharedPoolOnWorkers from './no-shared-pool-on-workers';
import noRequestApiInCache from './no-request-api-in-cache';
import preferConnection from './prefer-connection';
import releasePoolClient from './release-pool-client';
import requireConnection from './require-connection';

export const rules = {
  'attach-database-pool': attachDatabasePool,
  'no-node-driver-on-edge': noNodeDriverOnEdge,
  'no-pool-end-in-handler': noPoolEndInHandler,
  'no-pool-in-handler': noPoolInHandler,
  'no-request-api-in-cache': noRequestApiInCache,
  'no-shared-pool-on-workers': noSharedPoolOnWorkers,
  'prefer-connection': preferConnection,
  'release-pool-client': releasePoolClient,
  'require-connection': requireConnection,
};

export type RuleName = keyof typeof rules;
