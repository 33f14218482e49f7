import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { hasDirective, hasFunctionDirective } from '../ast/directives';
import { type FunctionNode, getEnclosingFunctions, getExportNames, isFunctionNode } from '../ast/functions';
import { type NextFileKind, isServerComponentFile } from './next-file-kind';
import { isInside } from '../ast/ranges';
import type { SourceCode } from '../ast/source-code';

const ROUTE_HANDLER_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** Describes a function that runs once per request, for messages: "the route handler `GET`". */
export type RequestScopedFunctions = ReadonlyMap<FunctionNode, string>;

/** Why an exported function runs per request in a file of this kind, or undefined. */
export function describeEntryExport(kind: NextFileKind, exportName: string): string | undefined {
  if (kind === 'pages-api' && exportName === 'default') return 'the API route handler';
  if (kind === 'app-route' && ROUTE_HANDLER_METHODS.has(exportName)) return `the route handler \`${exportName}\``;
  if (isServerComponentFile(kind) && exportName === 'default') return 'the Server Component';
  if (isServerComponentFile(kind) && exportName === 'generateMetadata') return '`generateMetadata`';
  if (kind === 'pages-page' && exportName === 'getServerSideProps') return '`getServerSideProps`';
  if (kind === 'middleware' && (exportName === 'middleware' || exportName === 'proxy' || exportName === 'default')) {
    return `the ${exportName === 'proxy' ? 'proxy' : 'middleware'}`;
  }
  return undefined;
}

function describeFunction(fn: FunctionNode): string {
  if (fn.type !== 'ArrowFunctionExpression' && fn.id) return `\`${fn.id.name}\``;
  if (fn.parent?.type === 'VariableDeclarator' && fn.parent.id.type === 'Identifier') return `\`${fn.parent.id.name}\``;
  return 'a function';
}

/** Why this function is a request entry point (handler, Server Action, ...), or undefined. */
function describeEntry(
  fn: FunctionNode,
  kind: NextFileKind,
  isServerActionFile: boolean,
  sourceCode: SourceCode,
): string | undefined {
  if (hasFunctionDirective(fn, 'use server')) return `the Server Action ${describeFunction(fn)}`;
  const exportNames = getExportNames(fn, sourceCode);
  if (isServerActionFile && exportNames.length > 0) return `the Server Action \`${exportNames[0]}\``;
  for (const exportName of exportNames) {
    const description = describeEntryExport(kind, exportName);
    if (description !== undefined) return description;
  }
  return undefined;
}

function getAllFunctions(sourceCode: SourceCode): FunctionNode[] {
  const functions: FunctionNode[] = [];
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    if (scope.type === 'function' && isFunctionNode(scope.block)) functions.push(scope.block);
  }
  return functions;
}

/** The function a same-file binding holds: `function getDb() {}` or `const getDb = () => {}`. */
export function getFunctionOfVariable(variable: TSESLint.Scope.Variable): FunctionNode | undefined {
  // TypeScript overload signatures (`function getDb(): Pool;`) declare no body.
  const defs = variable.defs.filter((def) => def.node.type !== 'TSDeclareFunction');
  if (defs.length !== 1) return undefined;
  const node = defs[0]?.node;
  if (node?.type === 'FunctionDeclaration') return node;
  if (node?.type === 'VariableDeclarator' && node.parent.kind === 'const' && isFunctionNode(node.init ?? undefined)) {
    return node.init as FunctionNode;
  }
  return undefined;
}

/** The innermost request-scoped function around `node`, if any. */
export function findRequestScopedAncestor(
  node: TSESTree.Node,
  scoped: RequestScopedFunctions,
): FunctionNode | undefined {
  return getEnclosingFunctions(node).find((fn) => scoped.has(fn));
}

/**
 * The functions of a file that run once per request: its handlers (from the
 * file kind and export names), Server Actions (`'use server'` file or
 * function), and, transitively, every function of the same file that one of
 * them calls by name, such as a `getDb()` helper. A nested callback of such a
 * function runs per request too: use `findRequestScopedAncestor`.
 * `'use client'` files have none.
 */
export function getRequestScopedFunctions(
  sourceCode: SourceCode,
  kind: NextFileKind,
): RequestScopedFunctions {
  const scoped = new Map<FunctionNode, string>();
  const body = sourceCode.ast.body;
  if (hasDirective(body, 'use client')) return scoped;
  const isServerActionFile = hasDirective(body, 'use server');

  const pending: FunctionNode[] = [];
  /** The entry point each function is reached from, for messages. */
  const entryOf = new Map<FunctionNode, string>();
  for (const fn of getAllFunctions(sourceCode)) {
    const description = describeEntry(fn, kind, isServerActionFile, sourceCode);
    if (description === undefined) continue;
    scoped.set(fn, description);
    entryOf.set(fn, description);
    pending.push(fn);
  }
  if (pending.length === 0) return scoped;

  // Follow calls by name to functions declared in this file.
  const callSites = new Map<FunctionNode, TSESTree.CallExpression[]>();
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const variable of scope.variables) {
      const callee = getFunctionOfVariable(variable);
      if (!callee) continue;
      for (const reference of variable.references) {
        const parent = reference.identifier.parent;
        if (parent?.type === 'CallExpression' && parent.callee === reference.identifier) {
          callSites.set(callee, [...(callSites.get(callee) ?? []), parent]);
        }
      }
    }
  }
  for (let caller = pending.pop(); caller; caller = pending.pop()) {
    const entry = entryOf.get(caller) ?? 'a handler';
    for (const [callee, calls] of callSites) {
      if (scoped.has(callee)) continue;
      if (!calls.some((call) => isInside(call, caller))) continue;
      scoped.set(callee, `${describeFunction(callee)}, called from ${entry}`);
      entryOf.set(callee, entry);
      pending.push(callee);
    }
  }
  return scoped;
}
