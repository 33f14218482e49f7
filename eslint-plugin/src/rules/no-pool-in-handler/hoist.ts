import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction, getFunctionBinding } from '../../utils/exported-functions';
import { applyEditsToSlice } from '../../utils/fix/object-option';
import { getEffectStatementsBefore, getTopLevelStatement, insertAtModuleScope, usesSemicolonsMostly } from '../../utils/fix/module-insertion';
import { removeDeclarator } from '../../utils/fix/remove-statement';
import { reindentNodeText } from '../../utils/fix/reindent';
import { getUniqueName } from '../../utils/fix/unique-name';
import type { PoolFactory } from '../../utils/pool-factories';
import { isInside } from '../../utils/ranges';
import { getOutermostTypeWrapper } from '../../utils/type-wrappers';
import { LISTENER_METHODS, findClosingCall, getPoolUses } from './close-calls';
import { matchLineEndings } from './line-endings';
import { getModuleReads } from './local-reads';
import { getPoolSizeEdit } from './pool-size';
import { removeCloseStatements } from './remove-close-statements';
import { separateFixes } from './separate-fixes';
import { buildSingletonCode } from './singleton-code';

type Creation = TSESTree.CallExpression | TSESTree.NewExpression;
type SourceCode = Readonly<TSESLint.SourceCode>;

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

/** `.query`, `.connect`...: a member that is safe to use on a shared pool (not `end()`, not `on()`). */
function isSafeMember(member: TSESTree.MemberExpression, closeMethod: string): boolean {
  if (member.computed || member.property.type !== 'Identifier') return false;
  return member.property.name !== closeMethod && !LISTENER_METHODS.has(member.property.name);
}

/** Whether the expression is used in place, so that replacing it with the shared pool means the same. */
function isUsedInPlace(outer: TSESTree.Node, closeMethod: string): boolean {
  const parent = outer.parent;
  if (parent?.type === 'MemberExpression') return parent.object === outer && isSafeMember(parent, closeMethod);
  if (parent?.type === 'TaggedTemplateExpression') return parent.tag === outer;
  return parent?.type === 'ReturnStatement' || (parent?.type === 'ArrowFunctionExpression' && parent.body === outer);
}

/** Why the fix cannot replace the expression with the shared pool. */
function describeUnfollowedUse(sourceCode: SourceCode, outer: TSESTree.Node): string {
  const parent = outer.parent;
  if (parent?.type === 'AssignmentExpression') return `it is assigned to \`${sourceCode.getText(parent.left)}\` on every call`;
  if (parent?.type === 'LogicalExpression') return 'its result is used but not stored for the next request';
  return 'its result is used in a way the fix cannot follow';
}

/** A helper returning the pool must not have callers that close what it returns. */
function getReturnedPoolProblem(sourceCode: SourceCode, outer: TSESTree.Node, closeMethod: string): string | undefined {
  const fn = getEnclosingFunction(outer);
  const binding = fn && getFunctionBinding(fn);
  if (!binding) return undefined;
  for (const variable of sourceCode.getDeclaredVariables(binding)) {
    for (const reference of variable.references) {
      let result: TSESTree.Node | undefined = reference.identifier.parent;
      if (result?.type !== 'CallExpression' || result.callee !== reference.identifier) continue;
      if (result.parent?.type === 'AwaitExpression') result = result.parent;
      const caller = getEnclosingFunction(result);
      if (result.parent?.type === 'MemberExpression') {
        if (isSafeMember(result.parent, closeMethod)) continue;
        return `a caller calls \`${sourceCode.getText(result.parent)}()\``;
      }
      if (result.parent?.type !== 'VariableDeclarator') {
        const closing = caller && findClosingCall(sourceCode, caller);
        if (closing) return `a caller hands what \`${variable.name}()\` returns to other code and calls \`${closing}()\``;
        continue;
      }
      for (const held of sourceCode.getDeclaredVariables(result.parent)) {
        const uses = getPoolUses(sourceCode, held, closeMethod, caller);
        if (!uses.ok) return uses.reason;
        if (uses.closeStatements.length > 0) return `callers of \`${variable.name}()\` call \`${held.name}.${closeMethod}()\``;
      }
    }
  }
  return undefined;
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
    if (!isUsedInPlace(outer, closeMethod)) return { ok: false, reason: describeUnfollowedUse(sourceCode, outer) };
    const problem = getReturnedPoolProblem(sourceCode, outer, closeMethod);
    if (problem !== undefined) return { ok: false, reason: problem };
  }

  const base = local?.name ?? factory.suggestedName ?? 'pool';
  const name = getUniqueName(sourceCode, base, {
    ignore: new Set(local ? [local] : []),
    useSites: local ? local.references.map((reference) => reference.identifier) : [creation],
  });
  const sizeEdit = getPoolSizeEdit(sourceCode, creation, factory, poolSize);
  const code = buildSingletonCode(sourceCode, context.filename, {
    name,
    expression: reindentNodeText(sourceCode, moved, applyEditsToSlice(sourceCode.text, moved.range, sizeEdit ? [sizeEdit] : [])),
    typeAnnotation: typeAnnotation ? sourceCode.getText(typeAnnotation) : '',
    creation,
    factory,
    semicolon: usesSemicolonsMostly(sourceCode) ? ';' : '',
  });
  const after = [
    ...reads.declarations.map(getTopLevelStatement).filter((node) => node !== undefined),
    ...getEffectStatementsBefore(sourceCode, creation),
  ];

  return {
    ok: true,
    name,
    sizeText: sizeEdit ? ` with \`${factory.sizeOption ?? 'max'}: ${poolSize}\`` : '',
    fix(fixer) {
      const fixes = [insertAtModuleScope(fixer, sourceCode, code, after)];
      if (!declarator || !local) return matchLineEndings(sourceCode, [...fixes, fixer.replaceText(creation, name)]);
      fixes.push(removeDeclarator(fixer, sourceCode, declarator));
      if (name !== local.name) fixes.push(...renameReferences(fixer, local, name, uses.closeStatements));
      const otherEdits = fixes.slice(1).map((fix) => fix.range);
      const closeFixes = removeCloseStatements(fixer, sourceCode, uses.closeStatements, otherEdits);
      return matchLineEndings(sourceCode, separateFixes(sourceCode.text, [...fixes, ...closeFixes]));
    },
  };
}
