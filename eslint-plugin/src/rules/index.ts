import noPoolInHandler from './no-pool-in-handler';
import preferConnection from './prefer-connection';
import requireConnection from './require-connection';

export const rules = {
  'no-pool-in-handler': noPoolInHandler,
  'prefer-connection': preferConnection,
  'require-connection': requireConnection,
};

export type RuleName = keyof typeof rules;
