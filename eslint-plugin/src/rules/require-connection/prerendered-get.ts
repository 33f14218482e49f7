import type { TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunctions, getExportNames, getFunctionVariable, type FunctionNode } from '../../utils/ast/functions';
import type { Exemptions } from './exemptions';
import type { SourceCode } from '../../utils/ast/source-code';

/** Whether a GET handler's request argument is used (in Next ≤ 14 that makes it dynamic). */
function readsRequest(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const [request] = fn.params;
  if (!request) return false;
  if (request.type !== 'Identifier') return true;
  return sourceCode.getDeclaredVariables(fn).some((variable) => variable.name === request.name && variable.references.length > 0);
}

/**
 * Whether a query in a route handler file runs in a prerendered `GET`:
 * inside a GET export, or in a top-level helper that a GET calls.
 */
export function isInPrerenderedGet(
  query: TSESTree.Node,
  scope: { legacy: boolean },
  sourceCode: SourceCode,
  exemptions: Exemptions,
): boolean {
  const outermost = getEnclosingFunctions(query).at(-1);
  if (!outermost) return false;
  const isGet = (fn: FunctionNode | undefined) => fn !== undefined && getExportNames(fn, sourceCode).includes('GET');
  let handlers: FunctionNode[] = [];
  if (isGet(outermost)) {
    handlers = [outermost];
  } else if (getExportNames(outermost, sourceCode).length === 0) {
    const references = getFunctionVariable(outermost, sourceCode)?.references ?? [];
    handlers = references.map((reference) => getEnclosingFunctions(reference.identifier).at(-1)).filter(isGet) as FunctionNode[];
  }
  if (!scope.legacy) return handlers.length > 0;
  return handlers.some((handler) => !readsRequest(sourceCode, handler) && !exemptions.usesRequestTimeApi(handler));
}
