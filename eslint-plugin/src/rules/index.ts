import noPoolInHandler from './no-pool-in-handler';
import noRequestApiInCache from './no-request-api-in-cache';
import preferConnection from './prefer-connection';
import requireConnection from './require-connection';

export const rules = {
  'no-pool-in-handler': noPoolInHandler,
  'no-request-api-in-cache': noRequestApiInCache,
  'prefer-connection': preferConnection,
  'require-connection': requireConnection,
};

export type RuleName = keyof typeof rules;
