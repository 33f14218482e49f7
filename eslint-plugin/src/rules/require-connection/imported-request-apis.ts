import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { isFunctionNode } from '../../utils/exported-functions';
import { resolveProjectImport } from '../../utils/import-resolution';
import { NEXT_REQUEST_FUNCTIONS } from '../../utils/request-apis';
import { getModuleExportName } from '../../utils/module-syntax';
import { walkAst } from '../../utils/walk-ast';
import { getParserKey, parseModule, readCached } from '../../utils/workspace-files';
import { getImportedName } from './import-bindings';

/**
 * Calls that read the request without naming cookies() or headers() in the
 * linted file: `await auth()` from an auth library, or from the project's own
 * `auth.ts` / `lib/session.ts`. Rendering waits for a request after them, just
 * as after cookies().
 */

/** Auth libraries whose session functions read headers() or cookies() in the App Router. */
export const AUTH_LIBRARY_FUNCTIONS: Record<string, readonly string[]> = {
  'next-auth': ['getServerSession'],
  'next-auth/next': ['getServerSession'],
  '@clerk/nextjs/server': ['auth', 'currentUser'],
  '@auth0/nextjs-auth0': ['getSession'],
};

/** Next.js request-time APIs and auth library session functions, by module. */
const REQUEST_FUNCTIONS: Record<string, readonly string[]> = { ...NEXT_REQUEST_FUNCTIONS, ...AUTH_LIBRARY_FUNCTIONS };

/** Local names a module gives to request-time functions, and to the NextAuth factory (`import NextAuth from 'next-auth'`). */
function collectImportedNames(program: TSESTree.Program): { requestFunctions: Set<string>; nextAuthFactories: Set<string> } {
  const requestFunctions = new Set<string>();
  const nextAuthFactories = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.importKind === 'type') continue;
    const source = String(statement.source.value);
    for (const specifier of statement.specifiers) {
      if (specifier.type === 'ImportDefaultSpecifier' && source === 'next-auth') nextAuthFactories.add(specifier.local.name);
      if (specifier.type !== 'ImportSpecifier' || specifier.imported.type !== 'Identifier') continue;
      if (REQUEST_FUNCTIONS[source]?.includes(specifier.imported.name)) requestFunctions.add(specifier.local.name);
    }
  }
  return { requestFunctions, nextAuthFactories };
}

function callsAny(node: TSESTree.Node, names: ReadonlySet<string>): boolean {
  return walkAst(node, (child) =>
    child.type === 'CallExpression' && child.callee.type === 'Identifier' && names.has(child.callee.name) ? 'stop' : true,
  );
}

/** A function expression, also inside a wrapper call such as React's `cache(async () => …)`. */
function unwrapFunction(init: TSESTree.Expression | null): TSESTree.Node | undefined {
  if (!init) return undefined;
  if (isFunctionNode(init)) return init;
  const [argument] = init.type === 'CallExpression' ? init.arguments : [];
  return isFunctionNode(argument) ? argument : undefined;
}

/** Top-level functions by name, and the export names pointing at each. */
function collectTopLevelFunctions(program: TSESTree.Program): { functions: Map<string, TSESTree.Node>; exportNames: Map<string, string[]> } {
  const functions = new Map<string, TSESTree.Node>();
  const exportNames = new Map<string, string[]>();
  const addExport = (local: string, exported: string) => exportNames.set(local, [...(exportNames.get(local) ?? []), exported]);
  for (const statement of program.body) {
    const isExported = statement.type === 'ExportNamedDeclaration';
    const declaration = isExported ? statement.declaration : statement;
    if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
      functions.set(declaration.id.name, declaration);
      if (isExported) addExport(declaration.id.name, declaration.id.name);
    } else if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const init = unwrapFunction(declarator.init);
        if (declarator.id.type !== 'Identifier' || !init) continue;
        functions.set(declarator.id.name, init);
        if (isExported) addExport(declarator.id.name, declarator.id.name);
      }
    } else if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'Identifier') {
      addExport(statement.declaration.name, 'default');
    } else if (statement.type === 'ExportDefaultDeclaration' && statement.declaration.type === 'FunctionDeclaration') {
      functions.set('\0default', statement.declaration);
      addExport('\0default', 'default');
    }
    if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      for (const specifier of statement.specifiers) {
        if (specifier.local.type !== 'Identifier') continue;
        addExport(specifier.local.name, getModuleExportName(specifier.exported));
      }
    }
  }
  return { functions, exportNames };
}

/**
 * Export names of a module's functions that call a request-time API (also
 * through functions of the same module), and the `auth` of
 * `export const { auth, handlers } = NextAuth(config)` (Auth.js v5).
 */
export function getRequestReadingExports(program: TSESTree.Program): Set<string> {
  const { requestFunctions, nextAuthFactories } = collectImportedNames(program);
  const { functions, exportNames } = collectTopLevelFunctions(program);
  const reading = new Set(requestFunctions);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, fn] of functions) {
      if (!reading.has(name) && callsAny(fn, reading)) {
        reading.add(name);
        changed = true;
      }
    }
  }
  const exported = new Set<string>();
  for (const [local, names] of exportNames) if (reading.has(local) && functions.has(local)) names.forEach((name) => exported.add(name));
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (declaration?.type !== 'VariableDeclaration') continue;
    for (const { id, init } of declaration.declarations) {
      const isNextAuthCall = init?.type === 'CallExpression' && init.callee.type === 'Identifier' && nextAuthFactories.has(init.callee.name);
      if (!isNextAuthCall || id.type !== 'ObjectPattern') continue;
      for (const property of id.properties) {
        if (property.type === 'Property' && property.key.type === 'Identifier' && property.key.name === 'auth' && property.value.type === 'Identifier') {
          exported.add(property.value.name);
        }
      }
    }
  }
  return exported;
}

/** Whether `call` calls a function imported from a project file that reads the request. */
export function callsImportedRequestApi(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  parser: unknown,
): boolean {
  if (call.callee.type !== 'Identifier') return false;
  const definition = findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0];
  const imported = definition && getImportedName(definition);
  if (!imported) return false;
  const target = resolveProjectImport(filename, imported.source);
  if (target === undefined) return false;
  const exports = readCached(`request-exports:${getParserKey(parser)}`, target, (text) => {
    const program = parseModule(parser, target, text);
    return program ? getRequestReadingExports(program) : new Set<string>();
  });
  return exports?.has(imported.name) ?? false;
}
