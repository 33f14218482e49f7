import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getEnclosingFunctions, type FunctionNode } from '../../utils/ast/functions';
import { getFunctionOfVariable } from '../../utils/next/request-scope';
import type { RequestApi } from './forbidden-apis';
import type { RequestApiUse } from './request-api-uses';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * For each request API a function reaches, the names from that function down
 * to the API: `getUser` → `readSession` → `cookies()`.
 */
export type ApiChains = ReadonlyMap<RequestApi, readonly string[]>;

/** A function of this file called by its name: `function load() {}` or `const load = () => {}`. */
export function getCalledLocalFunction(
  sourceCode: SourceCode,
  call: TSESTree.CallExpression,
): { fn: FunctionNode; name: string } | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const variable = findVariable(sourceCode.getScope(call.callee), call.callee);
  const fn = variable && getFunctionOfVariable(variable);
  return fn ? { fn, name: call.callee.name } : undefined;
}

/**
 * The request APIs each function of the file reaches, directly or through
 * the file's own functions it calls by name (cycles are cut). A use inside a
 * callback counts for the functions around it. Each use and call is filed
 * under its enclosing functions once, so the work grows with the code times
 * its nesting depth.
 */
export function createHelperChains(
  sourceCode: SourceCode,
  uses: readonly RequestApiUse[],
  calls: readonly TSESTree.CallExpression[],
): (fn: FunctionNode) => ApiChains {
  const direct = new Map<FunctionNode, RequestApi[]>();
  const callees = new Map<FunctionNode, { fn: FunctionNode; name: string }[]>();
  for (const use of uses) {
    if (use.api === 'searchParams') continue; // a page's own prop, not something a helper reaches
    for (const fn of getEnclosingFunctions(use.node)) direct.set(fn, [...(direct.get(fn) ?? []), use.api]);
  }
  for (const call of calls) {
    const callee = getCalledLocalFunction(sourceCode, call);
    if (!callee) continue;
    for (const fn of getEnclosingFunctions(call)) callees.set(fn, [...(callees.get(fn) ?? []), callee]);
  }

  const memo = new Map<FunctionNode, ApiChains>();
  const visiting = new Set<FunctionNode>();
  function chainsOf(fn: FunctionNode): ApiChains {
    const known = memo.get(fn);
    if (known) return known;
    if (visiting.has(fn)) return new Map();
    visiting.add(fn);
    const chains = new Map<RequestApi, readonly string[]>();
    for (const api of direct.get(fn) ?? []) if (!chains.has(api)) chains.set(api, [api]);
    for (const callee of callees.get(fn) ?? []) {
      if (callee.fn === fn) continue;
      for (const [api, chain] of chainsOf(callee.fn)) if (!chains.has(api)) chains.set(api, [callee.name, ...chain]);
    }
    visiting.delete(fn);
    memo.set(fn, chains);
    return chains;
  }
  return chainsOf;
}
