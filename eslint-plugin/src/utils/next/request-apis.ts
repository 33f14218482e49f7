import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { NamedImportRequest } from '../fix/insert-import';
import { getModuleExportName } from '../ast/module-syntax';
import type { SourceCode } from '../ast/source-code';

/**
 * Next.js request-time APIs, by module: the functions that need an incoming
 * request. The one list require-connection (which treats them as opting out of
 * prerendering) and no-request-api-in-cache (which reports them where no
 * request exists) share.
 */
export const NEXT_REQUEST_FUNCTIONS = {
  'next/headers': ['cookies', 'headers', 'draftMode'],
  'next/server': ['connection'],
} as const satisfies Record<string, readonly string[]>;

/** Auth libraries whose session functions read headers() or cookies() in the App Router. */
const AUTH_LIBRARY_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  'next-auth': ['getServerSession'],
  'next-auth/next': ['getServerSession'],
  '@clerk/nextjs/server': ['auth', 'currentUser'],
  '@auth0/nextjs-auth0': ['getSession'],
};

/**
 * Every function after which rendering waits for a request, by module: the
 * request APIs, the deprecated `unstable_noStore` (which still opts out) and
 * auth libraries' session functions.
 */
export const REQUEST_READING_FUNCTIONS: Readonly<Record<string, readonly string[]>> = {
  ...NEXT_REQUEST_FUNCTIONS,
  'next/cache': ['unstable_noStore'],
  ...AUTH_LIBRARY_FUNCTIONS,
};

/** Whether `name` imported from `module` makes rendering wait for a request. */
export function isRequestReadingFunction(module: string, name: string): boolean {
  return REQUEST_READING_FUNCTIONS[module]?.includes(name) ?? false;
}

export type NextRequestFunction = (typeof NEXT_REQUEST_FUNCTIONS)[keyof typeof NEXT_REQUEST_FUNCTIONS][number];

/** Whether `call` calls a function imported by name from `source` (any local name), such as `after` from next/server. */
export function isCallOfNamedImport(
  call: TSESTree.Node | undefined,
  sourceCode: SourceCode,
  source: string,
  names: readonly string[],
): call is TSESTree.CallExpression {
  if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier') return false;
  const specifier = findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0]?.node as TSESTree.Node | undefined;
  return (
    specifier?.type === 'ImportSpecifier' &&
    specifier.parent.type === 'ImportDeclaration' &&
    specifier.parent.source.value === source &&
    names.includes(getModuleExportName(specifier.imported))
  );
}

/** Next's `after()` (`unstable_after()` in Next 15.0), imported from next/server. */
export function isAfterCall(sourceCode: SourceCode, node: TSESTree.Node | undefined): node is TSESTree.CallExpression {
  return isCallOfNamedImport(node, sourceCode, 'next/server', ['after', 'unstable_after']);
}

/** How fixes import `connection` from next/server when the file has no import of it yet. */
export const CONNECTION_IMPORT: NamedImportRequest = {
  source: 'next/server',
  imported: 'connection',
  localNames: ['connection', 'nextConnection'],
};
