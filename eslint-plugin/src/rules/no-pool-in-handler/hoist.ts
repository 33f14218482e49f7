import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../../utils/ast/functions';
import type { TextEdit } from '../../utils/fix/object-option';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { getLastEffectStatementBefore, getTopLevelStatement, insertAtModuleScope, usesSemicolonsMostly } from '../../utils/fix/module-insertion';
import { removeDeclarator } from '../../utils/fix/remove-statement';
import { reindentNodeText } from '../../utils/fix/reindent';
import { getUniqueName } from '../../utils/fix/unique-name';
import type { PoolCreation } from '../../utils/drivers/pool-creations';
import { DEFAULT_SIZE_OPTION } from '../../utils/drivers/pool-defaults';
import { getSizeOption } from '../../utils/drivers/pool-factories';
import { isInside } from '../../utils/ast/ranges';
import { getOutermostTypeWrapper } from '../../utils/ast/type-wrappers';
import { getPoolUses } from './close-calls';
import { getInPlaceProblem } from './in-place-use';
import { getModuleReads } from './local-reads';
import { getPoolSizeEdit } from './pool-size';
import { removeCloseStatements } from '../../utils/fix/remove-close-statements';
import { separateFixes } from '../../utils/fix/separate-fixes';
import { buildSingletonCode } from './singleton-code';
import { type Companion, getInlinedText } from './prisma-adapters';
import type { AttachPlan } from '../../utils/fix/attach-pool';

/** What moves with a Prisma client: the locals holding its adapter or pool, and the size set on that pool. */
export interface ClientParts {
  companions: readonly Companion[];
  /** The edit giving the adapter's pool a size, with the option key it sets. */
  sizeEdit: { edit: TextEdit; key: string } | undefined;
  /** Whether an adapter (or pool) moves with the client, rather than staying where it is shared already. */
  carriesAdapter: boolean;
}

export type HoistPlan =
  | { ok: true; name: string; /** `max: 5`, when the hoist sets a size. */ sizeSetting: string | undefined; fix: TSESLint.ReportFixFunction }
  | { ok: false; reason: string };

/** `const pool = new Pool()` as a plain statement of a block: the declarator. */
function getLocalDeclarator(outer: TSESTree.Node): TSESTree.VariableDeclarator | undefined {
  const declarator = outer.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== outer || declarator.id.type !== 'Identifier') {
    return undefined;
  }
  const container = declarator.parent.parent;
  return container?.type === 'BlockStatement' || container?.type === 'SwitchCase' ? declarator : undefined;
}

/** Renames the remaining references of a removed local to the module binding. */
function renameReferences(
  fixer: TSESLint.RuleFixer,
  variable: TSESLint.Scope.Variable,
  name: string,
  skipped: readonly TSESTree.Node[],
): TSESLint.RuleFix[] {
  const fixes: TSESLint.RuleFix[] = [];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (reference.init || skipped.some((node) => isInside(identifier, node))) continue;
    const parent = identifier.parent;
    if (parent?.type === 'Property' && parent.shorthand && parent.value === identifier) {
      fixes.push(fixer.replaceText(parent, `${variable.name}: ${name}`));
    } else {
      fixes.push(fixer.replaceText(identifier, name));
    }
  }
  return fixes;
}

/**
 * Plans the suggestion that creates the pool once at module scope and makes
 * the handler use it, or says why that would change what the code means.
 */
export function planHoist(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  { node: creation, pool, factory, closeMethod, suggestedName }: PoolCreation,
  poolSize: number,
  client: ClientParts = { companions: [], sizeEdit: undefined, carriesAdapter: false },
  attach?: AttachPlan,
): HoistPlan {
  const sourceCode = context.sourceCode;
  const outer = getOutermostTypeWrapper(creation);
  const declarator = getLocalDeclarator(outer);
  const local = declarator ? sourceCode.getDeclaredVariables(declarator)[0] : undefined;
  const moved = declarator && local ? outer : creation;

  const typeAnnotation = declarator?.id.typeAnnotation;
  const { companions } = client;
  const inits = companions.map((companion) => companion.declarator.init);
  const moving = typeAnnotation ? [moved, typeAnnotation, ...inits] : [moved, ...inits];
  const reads = getModuleReads(sourceCode, moving, new Set(companions.map((companion) => companion.variable)));
  if (reads.reason !== undefined) return { ok: false, reason: `it reads ${reads.reason}` };

  const uses = local
    ? getPoolUses(sourceCode, local, closeMethod, getEnclosingFunction(creation))
    : { ok: true as const, closeStatements: [] };
  if (!uses.ok) return { ok: false, reason: uses.reason };
  if (!local) {
    const problem = getInPlaceProblem(sourceCode, outer, closeMethod);
    if (problem !== undefined) return { ok: false, reason: problem };
  }

  const base = local?.name ?? suggestedName ?? 'pool';
  const name = getUniqueName(sourceCode, base, {
    ignore: new Set(local ? [local] : []),
    useSites: local ? local.references.map((reference) => reference.identifier) : [creation],
  });
  const ownSizeEdit = getPoolSizeEdit(sourceCode, pool, factory, poolSize);
  const sizeEdit = ownSizeEdit ? { edit: ownSizeEdit, key: getSizeOption(factory) ?? DEFAULT_SIZE_OPTION } : client.sizeEdit;
  const singleton = buildSingletonCode(sourceCode, context.filename, {
    name,
    expression: reindentNodeText(sourceCode, moved, getInlinedText(sourceCode, moved, companions, sizeEdit ? [sizeEdit.edit] : [])),
    typeAnnotation: typeAnnotation ? sourceCode.getText(typeAnnotation) : '',
    creation,
    factory,
    semicolon: usesSemicolonsMostly(sourceCode) ? ';' : '',
  });
  // On Vercel, the pool is passed to `attachDatabasePool` right after it is created.
  const code = attach ? `${singleton}\n${attach.statement(name)}` : singleton;
  const after = [...reads.declarations.map(getTopLevelStatement), getLastEffectStatementBefore(sourceCode, creation), attach?.after].filter(
    (node) => node !== undefined,
  );

  return {
    ok: true,
    name,
    sizeSetting: sizeEdit ? `\`${sizeEdit.key}: ${poolSize}\`` : undefined,
    fix(fixer) {
      // A new import goes first: it may be inserted where the module-level code is.
      const importFixes = attach?.importFixes(fixer) ?? [];
      const fixes = [insertAtModuleScope(fixer, sourceCode, code, after)];
      fixes.push(...companions.map((companion) => removeDeclarator(fixer, sourceCode, companion.declarator)));
      if (!declarator || !local) return matchLineEndings(sourceCode, separateFixes(sourceCode.text, [...importFixes, ...fixes, fixer.replaceText(creation, name)]));
      fixes.push(removeDeclarator(fixer, sourceCode, declarator));
      if (name !== local.name) fixes.push(...renameReferences(fixer, local, name, uses.closeStatements));
      const otherEdits = fixes.slice(1).map((fix) => fix.range);
      const closeFixes = removeCloseStatements(fixer, sourceCode, uses.closeStatements, otherEdits);
      return matchLineEndings(sourceCode, separateFixes(sourceCode.text, [...importFixes, ...fixes, ...closeFixes]));
    },
  };
}
