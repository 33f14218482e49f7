import type { TSESTree } from '@typescript-eslint/utils';
import { getDirectives, isUseCacheDirective } from '../ast/directives';
import { getEnclosingFunctions, type FunctionNode } from '../ast/functions';
import { getRequiredModule } from '../ast/module-syntax';
import { isServerComponentFile, type NextFileKind } from './next-file-kind';
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

/**
 * Whether anything of the file may be prerendered, judged by the file alone:
 * not client code, Server Actions (per request) or a cached module (build
 * time is intended), and no route config that forces either way. Rules use it
 * to skip a file before any other analysis.
 */
export function mayBePrerendered(program: TSESTree.Program): boolean {
  const directives = getDirectives(program.body);
  if (directives.some((directive) => directive === 'use client' || directive === 'use server' || isUseCacheDirective(directive))) {
    return false;
  }
  return !isForcedDynamic(program) && !isStaticByIntent(program);
}

export function getPrerenderScope(program: TSESTree.Program, kind: NextFileKind, facts: ProjectFacts): PrerenderScope {
  if (!mayBePrerendered(program)) return undefined;
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
