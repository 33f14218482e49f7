import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, isFunctionNode } from '../../utils/ast/functions';
import { applyEditsToSlice, type TextEdit } from '../../utils/fix/object-option';
import type { PoolFactory } from '../../utils/drivers/pool-factories';
import { isInside } from '../../utils/ast/ranges';
import { getOutermostTypeWrapper } from '../../utils/ast/type-wrappers';
import { isStringLike } from '../../utils/ast/static-values';
import { skipTypeWrappers } from './pool-size';

/**
 * Prisma 7 hands the client a driver adapter, which owns the pool:
 * `new PrismaClient({ adapter: new PrismaPg({ connectionString }) })`, or the
 * same through locals (`const pool = new Pool(); const adapter = new PrismaPg(pool)`).
 * Such a pool lives and dies with its client, so it is judged with the client,
 * and moves with it.
 */

type SourceCode = Readonly<TSESLint.SourceCode>;
export type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

/** How many locals deep a pool is followed into its client: pool → adapter → client. */
const MAX_HOPS = 4;

/** Whether the creation opens a pool: an adapter given an existing pool (`new PrismaPg(pool)`) does not. */
export function opensPool(creation: Creation, factory: PoolFactory): boolean {
  if (!factory.adapter) return true;
  const first = creation.arguments[0];
  if (!first) return false;
  const value = skipTypeWrappers(first);
  return value.type === 'ObjectExpression' || isStringLike(value);
}

/**
 * The client creation that `node`'s value ends up in: inside its arguments,
 * or through a `const` whose every use does (`const adapter = new PrismaPg(...)`,
 * then `new PrismaClient({ adapter })`).
 */
export function findFedClient(sourceCode: SourceCode, node: TSESTree.Node, clients: ReadonlySet<TSESTree.Node>, hops = 0): Creation | undefined {
  let child = getOutermostTypeWrapper(node);
  for (let parent = child.parent; parent && !isFunctionNode(parent); child = parent, parent = parent.parent) {
    if (clients.has(parent)) return (parent as Creation).callee === child ? undefined : (parent as Creation);
    if (parent.type === 'VariableDeclarator') {
      if (parent.init !== child || parent.id.type !== 'Identifier' || parent.parent.kind !== 'const' || hops >= MAX_HOPS) return undefined;
      let fed: Creation | undefined;
      for (const use of sourceCode.getDeclaredVariables(parent)[0]?.references ?? []) {
        if (use.init) continue;
        const client = findFedClient(sourceCode, use.identifier, clients, hops + 1);
        if (!client || (fed && client !== fed)) return undefined; // used otherwise: not the client's alone
        fed = client;
      }
      return fed;
    }
    if (parent.type.endsWith('Statement')) return undefined;
  }
  return undefined;
}

/** A `const` in the client's function that holds its adapter or pool, and is read only by the client (through other companions). */
export interface Companion {
  declarator: TSESTree.VariableDeclarator & { init: TSESTree.Expression };
  variable: TSESLint.Scope.Variable;
}

/** The companions among the creations that feed `client`: those held in a `const` of the client's own function. */
export function getCompanions(sourceCode: SourceCode, client: Creation, feeding: readonly TSESTree.Node[]): Companion[] {
  const fn = getEnclosingFunction(client);
  const companions: Companion[] = [];
  for (const creation of feeding) {
    const declarator = getOutermostTypeWrapper(creation).parent;
    if (declarator?.type !== 'VariableDeclarator' || !declarator.init || getEnclosingFunction(declarator) !== fn) continue;
    const variable = sourceCode.getDeclaredVariables(declarator)[0];
    if (variable) companions.push({ declarator: declarator as Companion['declarator'], variable });
  }
  return companions;
}

/**
 * The text of `node` with `edits` applied and each read of a companion
 * replaced by the companion's own initializer (itself inlined):
 * `new PrismaClient({ adapter })` → `new PrismaClient({ adapter: new PrismaPg(pool) })` → ….
 */
export function getInlinedText(sourceCode: SourceCode, node: TSESTree.Node, companions: readonly Companion[], edits: readonly TextEdit[]): string {
  const inner: TextEdit[] = edits.filter((edit) => isInside(edit.range, node));
  for (const { variable, declarator } of companions) {
    for (const { identifier, init } of variable.references) {
      if (init || !isInside(identifier, node)) continue;
      const text = getInlinedText(sourceCode, declarator.init, companions, edits);
      const parent = identifier.parent;
      const shorthand = parent?.type === 'Property' && parent.shorthand && parent.value === identifier;
      inner.push(shorthand ? { range: parent.range, text: `${variable.name}: ${text}` } : { range: identifier.range, text });
    }
  }
  return applyEditsToSlice(sourceCode.text, node.range, inner);
}
