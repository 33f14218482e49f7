import type { TSESTree } from '@typescript-eslint/utils';
import type { CodePathRecord } from '../../utils/ast/code-path-recorder';
import { isCreatedOnce } from '../../utils/drivers/created-once/is-created-once';
import { type PathProblem, findUnreleasedPath } from '../../utils/drivers/every-path';
import { getEnclosingFunction } from '../../utils/ast/functions';
import { iterateModuleReferences } from '../../utils/ast/module-references';
import { buildFactoryTraceMap } from '../../utils/drivers/pool-factories';
import { type RequestScopedFunctions, findRequestScopedAncestor } from '../../utils/next/request-scope';
import { getOutermostTypeWrapper } from '../../utils/ast/type-wrappers';
import { getClientUses } from '../../utils/drivers/client-uses';
import type { SourceCode } from '../../utils/ast/source-code';

/** Neon's serverless driver, whose `Pool` the edge runtime needs ended per request. */
export const NEON_MODULE = '@neondatabase/serverless';
const NEON_POOL = buildFactoryTraceMap([{ module: NEON_MODULE, import: 'Pool' }]);
const END_METHODS: ReadonlySet<string> = new Set(['end']);

export interface UnendedPool {
  creation: TSESTree.Node;
  /** `const pool = new Pool(...)`. */
  statement: TSESTree.VariableDeclaration;
  name: string;
  /** The `pool.end()` calls there are. */
  ends: ReadonlySet<TSESTree.Node>;
  /** The first path that does not end it; undefined when none does. */
  problem: PathProblem | undefined;
}

/**
 * Neon `Pool`s created per request on the edge runtime that some path leaves
 * open: Neon requires a Pool there to be created, used and ended within one
 * request (`await pool.end()`, or `ctx.waitUntil(pool.end())`). A pool handed
 * back to the caller or stored elsewhere is left alone.
 */
export function* findUnendedNeonPools(
  sourceCode: SourceCode,
  record: CodePathRecord,
  requestScoped: RequestScopedFunctions,
): Generator<UnendedPool> {
  for (const { node: creation } of iterateModuleReferences(sourceCode, NEON_POOL)) {
    if (creation.type !== 'NewExpression' && creation.type !== 'CallExpression') continue;
    const owner = getEnclosingFunction(creation);
    if (!owner || !findRequestScopedAncestor(creation, requestScoped) || isCreatedOnce(sourceCode, creation)) continue;
    const declarator = getOutermostTypeWrapper(creation).parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') continue;
    const [variable] = sourceCode.getDeclaredVariables(declarator);
    const uses = variable && getClientUses(variable, 'method', owner, () => false, END_METHODS);
    if (!uses || uses.escapes) continue;
    const problem = uses.releases.size === 0 ? undefined : findUnreleasedPath(record, { owner, after: creation, releases: uses.releases });
    if (uses.releases.size > 0 && !problem) continue;
    const statement = declarator.parent;
    yield { creation, statement, name: declarator.id.name, ends: uses.releases, problem };
  }
}
