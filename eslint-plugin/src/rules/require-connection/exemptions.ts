import type { TSESTree } from '@typescript-eslint/utils';
import { getFunctionDirectives, isUseCacheDirective } from '../../utils/ast/directives';
import {
  getEnclosingFunction,
  getEnclosingFunctions,
  getExportNames,
  getFunctionVariable,
  type FunctionNode,
} from '../../utils/ast/functions';
import { CALL, iterateModuleReferences, toCallTraceMap } from '../../utils/ast/module-references';
import { BUILD_TIME_EXPORTS, getCallbackFunction } from '../../utils/next/no-request-contexts';
import { isInside } from '../../utils/ast/ranges';
import { walkAst } from '../../utils/ast/walk-ast';
import { REQUEST_READING_FUNCTIONS } from '../../utils/next/request-apis';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * What makes a synchronous query fine where it stands: a request-time API
 * used before it (rendering then waits for a request), or a build-time cache
 * around it (where a build-time query is intended and connection() would throw).
 */

const NEXT_TRACE_MAP = {
  ...toCallTraceMap(REQUEST_READING_FUNCTIONS, 'request'),
  'next/cache': { unstable_noStore: { [CALL]: 'request' }, unstable_cache: { [CALL]: 'cache' } },
};

export interface Exemptions {
  /** A request-time API call or `searchParams` read that ends before `node`, in one of its enclosing functions. */
  hasRequestTimeApiBefore(node: TSESTree.Node): boolean;
  /** Whether a function uses a request-time API anywhere in its body. */
  usesRequestTimeApi(fn: FunctionNode): boolean;
  /** Inside 'use cache', 'use server', an unstable_cache callback or generateStaticParams. */
  isInBuildTimeOrActionContext(node: TSESTree.Node): boolean;
  /**
   * Whether a file-local function around `node` is only ever called where a
   * query is fine: after a request-time API (`await connection(); return
   * getStats();` in the page), or from a build-time context such as
   * `generateStaticParams` (also through other such helpers).
   */
  isHelperOnlyCalledWhereSafe(node: TSESTree.Node): boolean;
}

/**
 * Collects the file's request-time API uses and cache callbacks, given the
 * ones found while traversing (`x.searchParams` reads, calls of imported
 * functions that read the request). Call at Program:exit.
 */
export function collectExemptions(
  sourceCode: SourceCode,
  requestTimeMarkers: readonly TSESTree.Node[],
): Exemptions {
  const requestTimeNodes: TSESTree.Node[] = [...requestTimeMarkers];
  const cachedFunctions = new Set<TSESTree.Node>();
  for (const reference of iterateModuleReferences(sourceCode, NEXT_TRACE_MAP)) {
    if (reference.info === 'request') requestTimeNodes.push(reference.node);
    if (reference.info === 'cache' && reference.node.type === 'CallExpression') {
      const callback = getCallbackFunction(sourceCode, reference.node.arguments[0]);
      if (callback) cachedFunctions.add(callback);
    }
  }
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) {
      if (reference.identifier.name === 'searchParams' && reference.isRead()) requestTimeNodes.push(reference.identifier);
    }
  }

  function hasRequestTimeApiBefore(node: TSESTree.Node): boolean {
    const enclosing = new Set<TSESTree.Node>(getEnclosingFunctions(node));
    return requestTimeNodes.some((marker) => {
      const markerFunction = getEnclosingFunction(marker);
      return markerFunction !== undefined && enclosing.has(markerFunction) && marker.range[1] <= node.range[0];
    });
  }

  function isInBuildTimeOrActionContext(node: TSESTree.Node): boolean {
    return getEnclosingFunctions(node).some(
      (fn) =>
        getFunctionDirectives(fn).some((directive) => isUseCacheDirective(directive) || directive === 'use server') ||
        cachedFunctions.has(fn) ||
        getExportNames(fn, sourceCode).some((name) => BUILD_TIME_EXPORTS.has(name)),
    );
  }

  function isOnlyCalledWhereSafe(helper: FunctionNode, seen: Set<FunctionNode>): boolean {
    if (seen.has(helper) || getExportNames(helper, sourceCode).length > 0) return false;
    seen.add(helper);
    const uses = (getFunctionVariable(helper, sourceCode)?.references ?? []).filter((reference) => !reference.init);
    return (
      uses.length > 0 &&
      uses.every((reference) => {
        const use = reference.identifier;
        if (hasRequestTimeApiBefore(use) || isInBuildTimeOrActionContext(use)) return true;
        const caller = getEnclosingFunctions(use).at(-1);
        return caller !== undefined && isOnlyCalledWhereSafe(caller, seen);
      })
    );
  }

  return {
    hasRequestTimeApiBefore,
    isHelperOnlyCalledWhereSafe(node) {
      // Any named function around the query: a top-level helper, or a closure
      // the component declares before `await connection()` and calls after it.
      return getEnclosingFunctions(node).some((fn) => isOnlyCalledWhereSafe(fn, new Set()));
    },
    usesRequestTimeApi(fn) {
      return requestTimeNodes.some((marker) => isInside(marker, fn));
    },
    isInBuildTimeOrActionContext,
  };
}

/** `await params` or `await props.params`: a dynamic segment's value, known only per request under Cache Components. */
function isParamsAwait(node: TSESTree.AwaitExpression): boolean {
  const argument = node.argument;
  if (argument.type === 'Identifier') return argument.name === 'params';
  return argument.type === 'MemberExpression' && !argument.computed && argument.property.type === 'Identifier' && argument.property.name === 'params';
}

/** `x.searchParams` reads, such as `props.searchParams` or `request.nextUrl.searchParams`. */
function isSearchParamsMember(node: TSESTree.MemberExpression): boolean {
  return !node.computed && node.property.type === 'Identifier' && node.property.name === 'searchParams';
}

/** The file's `x.searchParams` reads and `await params` (one walk, for files that hold a query). */
export function findRequestReads(sourceCode: SourceCode): { requestReads: TSESTree.Node[]; paramsAwaits: TSESTree.Node[] } {
  const requestReads: TSESTree.Node[] = [];
  const paramsAwaits: TSESTree.Node[] = [];
  walkAst(
    sourceCode.ast,
    (node) => {
      if (node.type === 'MemberExpression' && isSearchParamsMember(node)) requestReads.push(node);
      if (node.type === 'AwaitExpression' && isParamsAwait(node)) paramsAwaits.push(node);
    },
    sourceCode.visitorKeys,
  );
  return { requestReads, paramsAwaits };
}
