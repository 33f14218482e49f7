import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../../utils/exported-functions';
import { applyEditsToSlice } from '../../utils/fix/object-option';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { getLastEffectStatementBefore, getTopLevelStatement, insertAtModuleScope, usesSemicolonsMostly } from '../../utils/fix/module-insertion';
import { removeDeclarator } from '../../utils/fix/remove-statement';
import { reindentNodeText } from '../../utils/fix/reindent';
import { getUniqueName } from '../../utils/fix/unique-name';
import type { PoolFactory } from '../../utils/pool-factories';
import { isInside } from '../../utils/ranges';
import { getOutermostTypeWrapper } from '../../utils/type-wrappers';
import { getPoolUses } from './close-calls';
import { getInPlaceProblem } from './in-place-use';
import { getModuleReads } from './local-reads';
import { getPoolSizeEdit } from './pool-size';
import { removeCloseStatements } from '../../utils/fix/remove-close-statements';
import { separateFixes } from '../../utils/fix/separate-fixes';
import { buildSingletonCode } from './singleton-code';
import type { AttachPlan } from '../../utils/fix/attach-pool';

type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

export type HoistPlan =
  | { ok: true; name: string; sizeText: string; fix: TSESLint.ReportFixFunction }
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
  creation: Creation,
  factory: PoolFactory,
  poolSize: number,
  attach?: AttachPlan,
): HoistPlan {
  const sourceCode = context.sourceCode;
  const closeMethod = factory.closeMethod ?? 'end';
  const outer = getOutermostTypeWrapper(creation);
  const declarator = getLocalDeclarator(outer);
  const local = declarator ? sourceCode.getDeclaredVariables(declarator)[0] : undefined;
  const moved = declarator && local ? outer : creation;

  const typeAnnotation = declarator?.id.typeAnnotation;
  const reads = getModuleReads(sourceCode, typeAnnotation ? [moved, typeAnnotation] : [moved]);
  if (reads.reason !== undefined) return { ok: false, reason: `it reads ${reads.reason}` };

  const uses = local
    ? getPoolUses(sourceCode, local, closeMethod, getEnclosingFunction(creation))
    : { ok: true as const, closeStatements: [] };
  if (!uses.ok) return { ok: false, reason: uses.reason };
  if (!local) {
    const problem = getInPlaceProblem(sourceCode, outer, closeMethod);
    if (problem !== undefined) return { ok: false, reason: problem };
  }

  const base = local?.name ?? factory.suggestedName ?? 'pool';
  const name = getUniqueName(sourceCode, base, {
    ignore: new Set(local ? [local] : []),
    useSites: local ? local.references.map((reference) => reference.identifier) : [creation],
  });
  const sizeEdit = getPoolSizeEdit(sourceCode, creation, factory, poolSize);
  const singleton = buildSingletonCode(sourceCode, context.filename, {
    name,
    expression: reindentNodeText(sourceCode, moved, applyEditsToSlice(sourceCode.text, moved.range, sizeEdit ? [sizeEdit] : [])),
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
    sizeText: sizeEdit ? ` with \`${factory.sizeOption ?? 'max'}: ${poolSize}\`` : '',
    fix(fixer) {
      // A new import goes first: it may be inserted where the module-level code is.
      const importFixes = attach?.importFixes(fixer) ?? [];
      const fixes = [insertAtModuleScope(fixer, sourceCode, code, after)];
      if (!declarator || !local) return matchLineEndings(sourceCode, [...importFixes, ...fixes, fixer.replaceText(creation, name)]);
      fixes.push(removeDeclarator(fixer, sourceCode, declarator));
      if (name !== local.name) fixes.push(...renameReferences(fixer, local, name, uses.closeStatements));
      const otherEdits = fixes.slice(1).map((fix) => fix.range);
      const closeFixes = removeCloseStatements(fixer, sourceCode, uses.closeStatements, otherEdits);
      return matchLineEndings(sourceCode, separateFixes(sourceCode.text, [...importFixes, ...fixes, ...closeFixes]));
    },
  };
}
