import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isLazySingleton } from '../../utils/drivers/created-once/is-lazy-singleton';
import { isLongLived } from '../../utils/drivers/created-once/long-lived';
import { getEnclosingFunction } from '../../utils/ast/functions';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { removeDeclarator } from '../../utils/fix/remove-statement';
import { separateFixes } from '../../utils/fix/separate-fixes';
import { isInside } from '../../utils/ast/ranges';
import { getOutermostTypeWrapper } from '../../utils/ast/type-wrappers';
import { type Companion, type Creation, getCompanions, getInlinedText } from './prisma-adapters';
import type { FoundCreation } from './prisma-clients';

/**
 * `const pool = new pg.Pool(); const adapter = new PrismaPg(pool);
 * export const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter })`:
 * `next dev` re-runs the module on every reload, and the guard keeps the first
 * client, so each reload builds one more pool that nothing ends. An adapter
 * given options builds its pool only when its client connects, so it is no
 * such pool.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;

/** A property of `globalThis` (or of `globalForPrisma`), not a module binding that each reload resets. */
function isGlobalPlace(sourceCode: SourceCode, place: TSESTree.Node): boolean {
  return place.type === 'MemberExpression' && isLongLived(sourceCode, place);
}

/** Whether a client at module scope is kept across reloads: `globalForPrisma.prisma ?? new PrismaClient()` and the like. */
export function isKeptOnGlobalThis(sourceCode: SourceCode, client: Creation): boolean {
  if (getEnclosingFunction(client)) return false;
  const value = getOutermostTypeWrapper(client);
  const parent = value.parent;
  if (parent?.type === 'LogicalExpression' && parent.right === value && parent.operator !== '&&') return isGlobalPlace(sourceCode, parent.left);
  if (parent?.type !== 'AssignmentExpression' || parent.right !== value || !isGlobalPlace(sourceCode, parent.left)) return false;
  // `globalThis.prisma ??= new PrismaClient()`, or `if (!globalThis.prisma) globalThis.prisma = new PrismaClient()`.
  return parent.operator === '??=' || parent.operator === '||=' || isLazySingleton(sourceCode, client);
}

export interface UnguardedPool {
  creation: FoundCreation;
  client: Creation;
  /** Why the pool cannot move into the guard, or undefined when it can. */
  reason: string | undefined;
  /** Moves the module-scope locals that build the pool into the client's creation. */
  fix: TSESLint.ReportFixFunction;
}

function getExportedCompanion(companions: readonly Companion[]): Companion | undefined {
  return companions.find(({ declarator }) => declarator.parent.parent?.type === 'ExportNamedDeclaration');
}

/** The pools at module scope that feed a client kept on `globalThis` without being kept themselves. */
export function findUnguardedPools(sourceCode: SourceCode, feeding: ReadonlyMap<TSESTree.Node, readonly FoundCreation[]>): UnguardedPool[] {
  const found: UnguardedPool[] = [];
  for (const [client, creations] of feeding) {
    // Built outside the client's own creation (inside it, the guard covers it too).
    const eager = creations.filter(({ node, factory }) => !factory.adapter && !getEnclosingFunction(node) && !isInside(node, client));
    if (eager.length === 0 || !isKeptOnGlobalThis(sourceCode, client as Creation)) continue;
    const companions = getCompanions(sourceCode, client as Creation, creations.map(({ node }) => node));
    const exported = getExportedCompanion(companions);
    const fix: TSESLint.ReportFixFunction = (fixer) =>
      matchLineEndings(
        sourceCode,
        separateFixes(sourceCode.text, [
          ...companions.map((companion) => removeDeclarator(fixer, sourceCode, companion.declarator)),
          fixer.replaceText(client, getInlinedText(sourceCode, client, companions, [])),
        ]),
      );
    for (const creation of eager) {
      found.push({ creation, client: client as Creation, reason: exported && `\`${exported.variable.name}\` is exported`, fix });
    }
  }
  return found;
}
