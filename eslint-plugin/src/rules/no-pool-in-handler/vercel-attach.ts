import type { TSESLint } from '@typescript-eslint/utils';
import { findAttachablePool } from '../../utils/drivers/attachable-pools';
import { type AttachPlan, planAttachCall } from '../../utils/fix/attach-pool';
import { usesSemicolonsMostly } from '../../utils/fix/module-insertion';
import type { PoolFactory } from '../../utils/drivers/pool-factories';

/** On Vercel, the `attachDatabasePool` call the hoisted pool gets, when that function accepts the pool. */
export function planVercelAttach(sourceCode: Readonly<TSESLint.SourceCode>, factory: PoolFactory): AttachPlan | undefined {
  const pool = findAttachablePool(factory);
  return pool && planAttachCall(sourceCode, pool, usesSemicolonsMostly(sourceCode) ? ';' : '');
}
