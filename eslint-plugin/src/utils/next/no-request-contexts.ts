import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getDirectives, getFunctionDirectives, hasDirective, isUseCacheDirective } from '../ast/directives';
import { getEnclosingFunctions, getExportNames, isFunctionNode, type FunctionNode } from '../ast/functions';
import { CALL, iterateModuleReferences } from '../ast/module-references';
import { isServerComponentFile, type NextFileKind } from './next-file-kind';
import type { SourceCode } from '../ast/source-code';
import { containsAnyWord } from '../ast/text-words';

/**
 * Where Next.js runs code without a live request: in a cache scope, at build
 * time, or after the response. There request-time APIs throw (or hang the
 * prerender), and `unstable_noStore()` does nothing. The kinds follow Next's
 * own work unit stores (next/dist/server/request/*.js, Next 16.4.5):
 * 'cache', 'private-cache', 'unstable-cache', 'build-time-generator', and the
 * 'after' phase of a render.
 */
export type NoRequestContextKind = 'use-cache' | 'use-cache-private' | 'unstable-cache' | 'build-time' | 'after';

export interface NoRequestContext {
  kind: NoRequestContextKind;
  /** The function that opens it: the 'use cache' function, the `unstable_cache()` or `after()` callback, `generateStaticParams`. */
  fn: FunctionNode;
  /** How Next's errors name it: `"use cache"`, `"use cache: private"`, `unstable_cache()`, `generateStaticParams`, `after()`. */
  label: string;
}

/**
 * Words one of these contexts cannot be written without (the directive, the
 * callback APIs, the build-time export): a file with none of them has none.
 * The editor skips linting such files for the rules that look for contexts.
 */
export const NO_REQUEST_CONTEXT_WORDS = ['use cache', 'unstable_cache', 'generateStaticParams', 'after', 'unstable_after'];

const WORDS_BEYOND_AFTER = NO_REQUEST_CONTEXT_WORDS.filter((word) => !word.endsWith('after'));
const AFTER_WORDS = NO_REQUEST_CONTEXT_WORDS.filter((word) => word.endsWith('after'));
const NEXT_SERVER_WORDS = ['next/server'];

/**
 * Whether a file's text may hold such a context: one of its words, where
 * `after()` only counts imported from next/server (generateStaticParams is
 * the only build-time export that opens one; generateSitemaps does not).
 * Rules that only report inside a context skip a file without, before any
 * analysis.
 */
export function mayHoldNoRequestContext(text: string): boolean {
  return (
    containsAnyWord(text, WORDS_BEYOND_AFTER) ||
    (containsAnyWord(text, AFTER_WORDS) && containsAnyWord(text, NEXT_SERVER_WORDS))
  );
}

/** Exports Next.js only runs at build time, to list what to prerender. */
export const BUILD_TIME_EXPORTS = new Set(['generateStaticParams', 'generateSitemaps']);

const CALLBACK_TRACE_MAP = {
  'next/cache': { unstable_cache: { [CALL]: 'unstable-cache' } },
  'next/server': { after: { [CALL]: 'after' }, unstable_after: { [CALL]: 'after' } },
};

/** The function given to `unstable_cache(fn)` or `after(fn)`: written inline, or declared in the file and passed by name. */
export function getCallbackFunction(
  sourceCode: SourceCode,
  argument: TSESTree.CallExpressionArgument | undefined,
): FunctionNode | undefined {
  if (isFunctionNode(argument)) return argument;
  if (argument?.type !== 'Identifier') return undefined;
  const definition = findVariable(sourceCode.getScope(argument), argument)?.defs[0];
  const node = definition?.node as TSESTree.Node | undefined;
  if (isFunctionNode(node)) return node;
  return node?.type === 'VariableDeclarator' && isFunctionNode(node.init ?? undefined) ? (node.init as FunctionNode) : undefined;
}

/** Whether an `after()` call runs its callback after a render: not in a route handler or Server Action, where request APIs stay usable. */
function isAfterDuringRender(call: TSESTree.Node, kind: NextFileKind, sourceCode: SourceCode): boolean {
  if (!isServerComponentFile(kind) || hasDirective(sourceCode.ast.body, 'use server')) return false;
  return !getEnclosingFunctions(call).some((fn) => getFunctionDirectives(fn).includes('use server'));
}

/** The context a function opens by itself, if any (`fileDirective` is the file's 'use cache', which covers its exports). */
function getOwnContext(
  fn: FunctionNode,
  callbacks: ReadonlyMap<FunctionNode, 'unstable-cache' | 'after'>,
  fileDirective: string | undefined,
  sourceCode: SourceCode,
): NoRequestContext | undefined {
  const exportNames = getExportNames(fn, sourceCode);
  const directive =
    getFunctionDirectives(fn).find(isUseCacheDirective) ??
    (fileDirective !== undefined && exportNames.length > 0 && getEnclosingFunctions(fn).length === 0 ? fileDirective : undefined);
  if (directive !== undefined) {
    return { kind: directive === 'use cache: private' ? 'use-cache-private' : 'use-cache', fn, label: `"${directive}"` };
  }
  const callback = callbacks.get(fn);
  if (callback) return { kind: callback, fn, label: callback === 'after' ? '`after()`' : '`unstable_cache()`' };
  // Next runs only generateStaticParams in a request-less 'build-time-generator' store (next/dist/build/static-paths/app.js).
  return exportNames.includes('generateStaticParams') ? { kind: 'build-time', fn, label: '`generateStaticParams`' } : undefined;
}

/**
 * Finds the innermost no-request context around a node. `kind` is the
 * file's Next.js kind: `after()` callbacks count only in Server Component
 * files, where they run after a render (in route handlers and Server Actions
 * Next.js keeps request APIs usable in them).
 */
export function createNoRequestContextFinder(
  sourceCode: SourceCode,
  kind: NextFileKind,
): (node: TSESTree.Node) => NoRequestContext | undefined {
  const callbacks = new Map<FunctionNode, 'unstable-cache' | 'after'>();
  for (const reference of iterateModuleReferences<'unstable-cache' | 'after'>(sourceCode, CALLBACK_TRACE_MAP)) {
    if (reference.node.type !== 'CallExpression') continue;
    if (reference.info === 'after' && !isAfterDuringRender(reference.node, kind, sourceCode)) continue;
    const callback = getCallbackFunction(sourceCode, reference.node.arguments[0]);
    if (callback) callbacks.set(callback, reference.info);
  }
  const fileDirective = getDirectives(sourceCode.ast.body).find(isUseCacheDirective);
  return (node) => {
    for (const fn of getEnclosingFunctions(node)) {
      const context = getOwnContext(fn, callbacks, fileDirective, sourceCode);
      if (context) return context;
    }
    return undefined;
  };
}
