import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getPropertyValue } from '../../utils/ast/static-values';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * `fetch(url, { cache: 'no-store' })` or `{ next: { revalidate: 0 } }`: during
 * prerendering, Next.js treats such a fetch as request-time data and renders
 * the route per request, so what follows it is not frozen.
 */

function isLiteral(node: TSESTree.Node | undefined, value: unknown): boolean {
  return node?.type === 'Literal' && node.value === value;
}

/** Whether `call` is the global fetch() with an option that opts out of caching. */
export function isUncachedFetch(sourceCode: SourceCode, call: TSESTree.CallExpression): boolean {
  if (call.callee.type !== 'Identifier' || call.callee.name !== 'fetch') return false;
  // A fetch the file declares or imports is not Next's patched global.
  if ((findVariable(sourceCode.getScope(call.callee), call.callee)?.defs.length ?? 0) > 0) return false;
  const options = call.arguments[1];
  if (options?.type !== 'ObjectExpression') return false;
  if (isLiteral(getPropertyValue(options, 'cache'), 'no-store')) return true;
  const next = getPropertyValue(options, 'next');
  return next?.type === 'ObjectExpression' && isLiteral(getPropertyValue(next, 'revalidate'), 0);
}
