import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getFunctionDirectives, isUseCacheDirective } from '../../utils/ast/directives';
import { getEnclosingFunction, getExportNames, getFunctionVariable, type FunctionNode } from '../../utils/ast/functions';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { removeStatement } from '../../utils/fix/remove-statement';
import { getLineIndent } from '../../utils/fix/source-positions';
import type { NoRequestContext } from '../../utils/next/no-request-contexts';
import type { SourceCode } from '../../utils/ast/source-code';

/** The statement of `fn`'s own body (or a block inside it) that holds `node`; undefined in an expression-bodied arrow. */
function getStatementIn(node: TSESTree.Node, fn: FunctionNode): TSESTree.Node | undefined {
  for (let current: TSESTree.Node = node; current.parent && current !== fn; current = current.parent) {
    if (current.parent.type === 'BlockStatement' || current.parent.type === 'SwitchCase') return current;
  }
  return undefined;
}

/** The one call of a named, non-exported 'use cache' function in this file, if it has exactly one use and that is a call. */
function getOnlyCall(sourceCode: SourceCode, cached: FunctionNode): TSESTree.CallExpression | undefined {
  if (getExportNames(cached, sourceCode).length > 0) return undefined;
  const uses = getFunctionVariable(cached, sourceCode)?.references.filter((reference) => !reference.init) ?? [];
  const callee = uses.length === 1 ? uses[0]?.identifier : undefined;
  const call = callee?.parent;
  return call?.type === 'CallExpression' && call.callee === callee ? call : undefined;
}

export interface MoveToCaller {
  fix: TSESLint.ReportFixFunction;
  /** The caller's name, for the suggestion's title. */
  caller: string;
}

/**
 * Moves `await connection();` from a 'use cache' function to its caller,
 * right before the statement that calls it. Only when the cached function is
 * called exactly once in the file (and not exported), from an async function
 * that is not cached itself, where `connection` names the same import.
 */
export function getMoveToCaller(
  use: TSESTree.CallExpression,
  context: NoRequestContext,
  sourceCode: SourceCode,
  findContext: (node: TSESTree.Node) => NoRequestContext | undefined,
): MoveToCaller | undefined {
  const statement = use.parent?.type === 'AwaitExpression' ? use.parent.parent : undefined;
  if (statement?.type !== 'ExpressionStatement' || statement.parent !== context.fn.body) return undefined;
  if (!getFunctionDirectives(context.fn).some(isUseCacheDirective) || use.callee.type !== 'Identifier') return undefined;
  const call = getOnlyCall(sourceCode, context.fn);
  const caller = call && getEnclosingFunction(call);
  if (!call || !caller?.async || findContext(call) !== undefined) return undefined;
  const target = getStatementIn(call, caller);
  const binding = findVariable(sourceCode.getScope(use.callee), use.callee);
  if (!target || findVariable(sourceCode.getScope(call), use.callee.name) !== binding) return undefined;
  const indent = getLineIndent(sourceCode, target.loc.start.line);
  const callerName = getFunctionVariable(caller, sourceCode)?.name ?? 'its caller';
  return {
    caller: callerName,
    fix: (fixer) =>
      matchLineEndings(sourceCode, [
        fixer.insertTextBefore(target, `${sourceCode.getText(statement)}\n${indent}`),
        removeStatement(fixer, sourceCode, statement),
      ]),
  };
}
