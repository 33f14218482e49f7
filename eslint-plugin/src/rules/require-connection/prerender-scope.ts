import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getDirectives, isUseCacheDirective } from '../../utils/directives';
import { getEnclosingFunctions, getExportNames, getFunctionVariable, type FunctionNode } from '../../utils/exported-functions';
import { getRequiredModule } from '../../utils/module-syntax';
import { isServerComponentFile, type NextFileKind } from '../../utils/next-file-kind';
import type { Exemptions } from './exemptions';
import { isForcedDynamic, isStaticByIntent, isStaticRouteOptIn } from './route-config';

/**
 * Which code of a file Next.js may prerender:
 * - 'module': every function (server components, their data modules, `server-only` modules);
 * - 'get-handler': a route handler's `GET` and the helpers it calls
 *   (`legacy`: Next ≤ 14, where a GET is static unless it reads the request).
 */
export type PrerenderScope = { type: 'module' } | { type: 'get-handler'; legacy: boolean } | undefined;

export interface ProjectFacts {
  /** The Next.js major version, undefined when unknown (then the current behaviour is assumed). */
  version: number | undefined;
  cacheComponents: () => boolean;
  /** Whether the file is a route whose deepest dynamic segment has no `generateStaticParams` (see dynamic-segments.ts). */
  isUnlistedDynamicRoute: () => boolean;
  /** Whether a layout above the file makes its route dynamic (see dynamic-layouts.ts). */
  hasDynamicLayoutAbove: () => boolean;
  /** Whether the file is Next's `instrumentation.ts`, whose `register()` runs at server start, outside any request. */
  isInstrumentation: boolean;
}

/** `(() => …)()` or `(async function () { … })()`: the function runs where it stands. */
function isImmediatelyInvoked(fn: FunctionNode): boolean {
  const parent = fn.parent;
  return (parent?.type === 'CallExpression' || parent?.type === 'NewExpression') && parent.callee === fn;
}

/** Whether `node` runs when its module is imported: at module scope, or only inside immediately invoked functions. */
export function runsAtModuleLoad(node: TSESTree.Node): boolean {
  return getEnclosingFunctions(node).every(isImmediatelyInvoked);
}

function importsServerOnly(program: TSESTree.Program): boolean {
  return program.body.some((statement) => {
    if (statement.type === 'ImportDeclaration') return statement.source.value === 'server-only';
    return statement.type === 'ExpressionStatement' && getRequiredModule(statement.expression) === 'server-only';
  });
}

export function getPrerenderScope(program: TSESTree.Program, kind: NextFileKind, facts: ProjectFacts): PrerenderScope {
  const directives = getDirectives(program.body);
  // Client code, Server Actions (per request) and cached modules (build time is intended).
  if (directives.some((directive) => directive === 'use client' || directive === 'use server' || isUseCacheDirective(directive))) {
    return undefined;
  }
  if (isForcedDynamic(program) || isStaticByIntent(program)) return undefined;
  // Rendered per request (ƒ in `next build`). With cacheComponents, a page's
  // code before `await params` still runs at build time, in the prerendered
  // shell; a route handler's does not (measured with next build 16.4.6).
  if (facts.isUnlistedDynamicRoute() && (kind === 'app-route' || !facts.cacheComponents())) return undefined;
  // Likewise under a dynamic layout; with cacheComponents the page still renders into the shell.
  if (isServerComponentFile(kind) && facts.hasDynamicLayoutAbove() && !facts.cacheComponents()) return undefined;
  if (isServerComponentFile(kind) || kind === 'app-other') return { type: 'module' };
  // Outside app/, only modules that declare themselves server code: scripts and seeds stay silent.
  if (kind === 'other') return importsServerOnly(program) && !facts.isInstrumentation ? { type: 'module' } : undefined;
  if (kind !== 'app-route') return undefined;
  if (facts.version !== undefined && facts.version <= 14) return { type: 'get-handler', legacy: true };
  return isStaticRouteOptIn(program) || facts.cacheComponents() ? { type: 'get-handler', legacy: false } : undefined;
}

/** Whether a GET handler's request argument is used (in Next ≤ 14 that makes it dynamic). */
function readsRequest(fn: FunctionNode, sourceCode: Readonly<TSESLint.SourceCode>): boolean {
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
  sourceCode: Readonly<TSESLint.SourceCode>,
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
  return handlers.some((handler) => !readsRequest(handler, sourceCode) && !exemptions.usesRequestTimeApi(handler));
}
