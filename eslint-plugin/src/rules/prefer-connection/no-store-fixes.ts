import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getEnclosingFunction, type FunctionNode } from '../../utils/ast/functions';
import { planNamedImport } from '../../utils/fix/insert-import';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { canMakeAsync, makeAsync } from '../../utils/fix/make-async';
import { removeImportBinding } from '../../utils/fix/remove-import-binding';
import { removeStatement } from '../../utils/fix/remove-statement';
import { CONNECTION_IMPORT } from '../../utils/next/request-apis';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * The import of `unstable_noStore`, removed with its last call: only when the
 * callee is a plain name (not `cache.unstable_noStore()`) whose one reference is this call.
 */
function removeImportWithLastCall(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, call: TSESTree.CallExpression): TSESLint.RuleFix[] {
  if (call.callee.type !== 'Identifier') return [];
  const variable = findVariable(sourceCode.getScope(call.callee), call.callee);
  const definition = variable?.defs[0];
  if (!definition || variable.defs.length !== 1 || variable.references.some((reference) => !reference.init && reference.identifier !== call.callee)) return [];
  const fix = removeImportBinding(fixer, sourceCode, definition);
  return fix ? [fix] : [];
}

function overlaps(a: TSESLint.RuleFix, b: TSESLint.RuleFix): boolean {
  return a.range[0] <= b.range[1] && b.range[0] <= a.range[1];
}

/**
 * The import edits together. A new `connection` import placed right after the
 * `unstable_noStore` import that goes away takes that import's place instead.
 */
function rewriteImports(sourceCode: SourceCode, added: TSESLint.RuleFix[], removed: TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  const [addition] = added;
  const [removal] = removed;
  if (!addition || !removal || added.length !== 1 || !overlaps(addition, removal)) return [...added, ...removed];
  const lineBreak = sourceCode.text.slice(...removal.range).endsWith('\n') ? '\n' : '';
  return [{ range: removal.range, text: `${addition.text.trim()}${lineBreak}` }];
}

export interface ConnectionReplacement {
  fix: TSESLint.ReportFixFunction;
  /** Whether the function around the call must become async (a suggestion, never an autofix). */
  addsAsync: boolean;
}

/**
 * `noStore();` → `await connection();`, importing `connection` from
 * next/server and dropping the `unstable_noStore` import with its last call.
 * Undefined when the call is not a statement of its own inside a function
 * that is or can be made async, or no name for `connection` is free.
 */
export function getConnectionReplacement(sourceCode: SourceCode, call: TSESTree.CallExpression): ConnectionReplacement | undefined {
  const statement = call.parent;
  const target: FunctionNode | undefined = getEnclosingFunction(call);
  if (statement?.type !== 'ExpressionStatement' || !target || !canMakeAsync(target)) return undefined;
  const plan = planNamedImport(sourceCode, CONNECTION_IMPORT, sourceCode.getScope(call));
  if (!plan) return undefined;
  return {
    addsAsync: !target.async,
    fix: (fixer) =>
      matchLineEndings(sourceCode, [
        ...rewriteImports(sourceCode, plan.fix(fixer), removeImportWithLastCall(fixer, sourceCode, call)),
        ...makeAsync(fixer, sourceCode, target),
        fixer.replaceText(call, `await ${plan.local}()`),
      ]),
  };
}

/** Removes a `noStore();` statement, and its import with the last call. Undefined when the call is part of a larger expression. */
export function getNoStoreRemoval(sourceCode: SourceCode, call: TSESTree.CallExpression): TSESLint.ReportFixFunction | undefined {
  const statement = call.parent;
  if (statement?.type !== 'ExpressionStatement') return undefined;
  return (fixer) => [removeStatement(fixer, sourceCode, statement), ...removeImportWithLastCall(fixer, sourceCode, call)];
}
