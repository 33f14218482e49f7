import type { TSESTree } from '@typescript-eslint/utils';
import { getDirectives, isUseCacheDirective } from '../utils/ast/directives';
import { isFunctionNode, type FunctionNode } from '../utils/ast/functions';
import { skipTransparent } from '../utils/drivers/sync-values';
import type { ModuleInfo } from './module-info';

/**
 * What each top-level function of a module does, as far as the project model
 * needs it: which bindings it calls (or renders as JSX components), where it
 * first waits for the request, and whether its body is cached. Nested
 * callbacks count for the top-level function around them.
 */

/** A call of a binding: `getMeals()`, `<MealList />`, or `db.getMeals()` through a namespace import. */
export interface CallSite {
  name: string;
  member: string | undefined;
  start: number;
  end: number;
  /** Inside `unstable_cache(...)` or a `'use cache'` function: runs at build time by intent. */
  cached: boolean;
}

export interface TopLevelFunction {
  /** The local binding name; `\0` + the export name for a value exported without one (`\0default`). */
  name: string;
  node: FunctionNode;
  exportNames: string[];
  calls: CallSite[];
  /** End offsets of reads of the request that the function makes itself (`searchParams`). */
  requestReads: number[];
  /** End offset of the first `await params` / `await props.params`. */
  awaitParamsAt: number | undefined;
  /** A `'use cache'` function, or the callback of `unstable_cache`. */
  cached: boolean;
  /** A function with its own `'use server'` directive. */
  isAction: boolean;
}

const CACHE_WRAPPERS = new Set(['unstable_cache']);

/** A function, also inside a wrapper call: React's `cache(fn)`, `unstable_cache(fn, keys)`, `memo(fn)`. */
function unwrapFunction(node: TSESTree.Node): { fn: FunctionNode; wrapper: string | undefined } | undefined {
  const value = skipTransparent(node);
  if (isFunctionNode(value)) return { fn: value, wrapper: undefined };
  if (value.type !== 'CallExpression') return undefined;
  const [argument] = value.arguments;
  const callee = value.callee;
  const wrapper = callee.type === 'Identifier' ? callee.name : callee.type === 'MemberExpression' && callee.property.type === 'Identifier' ? callee.property.name : undefined;
  return argument && isFunctionNode(argument) ? { fn: argument, wrapper } : undefined;
}

function getCalleeName(callee: TSESTree.Node): { name: string; member: string | undefined } | undefined {
  const target = skipTransparent(callee);
  if (target.type === 'Identifier' || target.type === 'JSXIdentifier') return { name: target.name, member: undefined };
  if (target.type === 'MemberExpression' && !target.computed && target.object.type === 'Identifier' && target.property.type === 'Identifier') {
    return { name: target.object.name, member: target.property.name };
  }
  if (target.type === 'JSXMemberExpression' && target.object.type === 'JSXIdentifier') {
    return { name: target.object.name, member: target.property.name };
  }
  return undefined;
}

function isParamsRead(node: TSESTree.Node): boolean {
  const value = skipTransparent(node);
  if (value.type === 'Identifier') return value.name === 'params';
  return value.type === 'MemberExpression' && !value.computed && value.property.type === 'Identifier' && value.property.name === 'params';
}

const SKIPPED_KEYS = new Set(['parent', 'range', 'loc', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments']);

/** Walks a function body once, collecting calls, request reads and `await params`. */
function scanFunction(fn: FunctionNode, facts: TopLevelFunction, cacheNames: ReadonlySet<string>): void {
  const visit = (node: TSESTree.Node, cached: boolean): void => {
    let inCache = cached;
    if (isFunctionNode(node) && node !== fn && node.body.type === 'BlockStatement') {
      inCache ||= getDirectives(node.body.body).some(isUseCacheDirective);
    }
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      const callee = getCalleeName(node.callee);
      if (callee) facts.calls.push({ ...callee, start: node.range[0], end: node.range[1], cached: inCache });
      if (node.type === 'CallExpression' && callee && callee.member === undefined && cacheNames.has(callee.name)) {
        visit(node.callee, inCache);
        for (const argument of node.arguments) visit(argument, true);
        return;
      }
    } else if (node.type === 'JSXOpeningElement') {
      const element = getCalleeName(node.name);
      // Lower-case names are host elements (`<div>`), not components.
      if (element && /^[A-Z]/.test(element.name)) facts.calls.push({ ...element, start: node.range[0], end: node.range[1], cached: inCache });
    } else if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier' && node.property.name === 'searchParams') {
      facts.requestReads.push(node.range[1]);
    } else if (node.type === 'AwaitExpression' && isParamsRead(node.argument)) {
      facts.awaitParamsAt = Math.min(facts.awaitParamsAt ?? Infinity, node.range[1]);
    }
    for (const key in node) {
      if (SKIPPED_KEYS.has(key)) continue;
      const value = (node as unknown as Record<string, unknown>)[key];
      if (key === 'key' && node.type === 'Property' && !node.computed) continue;
      for (const child of Array.isArray(value) ? value : [value]) {
        if (child === null || typeof child !== 'object' || typeof (child as { type?: unknown }).type !== 'string') continue;
        const childNode = child as TSESTree.Node;
        // A read of a `searchParams` binding (a destructured prop): the page reads the request.
        if (childNode.type === 'Identifier' && childNode.name === 'searchParams' && key !== 'params' && key !== 'id') {
          facts.requestReads.push(childNode.range[1]);
        }
        visit(childNode, inCache);
      }
    }
  };
  visit(fn.body, facts.cached);
}

function collectExportNames(info: ModuleInfo): Map<string, string[]> {
  const names = new Map<string, string[]>();
  for (const [exported, local] of info.exports) {
    const key = typeof local === 'string' ? local : `\0${exported}`;
    const list = names.get(key) ?? [];
    list.push(exported);
    names.set(key, list);
  }
  return names;
}

function localNamesOf(info: ModuleInfo, modules: readonly string[], exportNames: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const [local, binding] of info.imports) {
    if (modules.includes(binding.source) && exportNames.includes(binding.imported)) names.add(local);
  }
  return names;
}

const topLevelCache = new WeakMap<ModuleInfo, TopLevelFunction[]>();

/** The module's top-level functions with their facts, computed once per parsed module. */
export function getTopLevelFunctions(info: ModuleInfo): TopLevelFunction[] {
  const cached = topLevelCache.get(info);
  if (cached) return cached;
  const cacheNames = new Set([...CACHE_WRAPPERS].flatMap((name) => [...localNamesOf(info, ['next/cache'], [name])]));
  const exportNames = collectExportNames(info);
  const candidates: Array<[string, TSESTree.Node]> = [...info.bindings];
  for (const [exported, local] of info.exports) if (typeof local !== 'string') candidates.push([`\0${exported}`, local]);
  const functions: TopLevelFunction[] = [];
  for (const [name, node] of candidates) {
    const unwrapped = unwrapFunction(node);
    if (!unwrapped) continue;
    const { fn, wrapper } = unwrapped;
    const directives = fn.body.type === 'BlockStatement' ? getDirectives(fn.body.body) : [];
    const facts: TopLevelFunction = {
      name,
      node: fn,
      exportNames: exportNames.get(name) ?? [],
      calls: [],
      requestReads: [],
      awaitParamsAt: undefined,
      cached: directives.some(isUseCacheDirective) || (wrapper !== undefined && cacheNames.has(wrapper)),
      isAction: directives.includes('use server'),
    };
    scanFunction(fn, facts, cacheNames);
    functions.push(facts);
  }
  topLevelCache.set(info, functions);
  return functions;
}
