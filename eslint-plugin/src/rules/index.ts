import noPoolInHandler from './no-pool-in-handler';
import requireConnection from './require-connection';

export const rules = {
  'no-pool-in-handler': noPoolInHandler,
  'require-connection': requireConnection,
};

export type RuleName = keyof typeof rules;
