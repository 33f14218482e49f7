import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleInfo } from '../../project/module-info';
import { getRequiredModule } from '../ast/module-syntax';
import { skipAsAndSatisfies } from '../ast/static-values';
import { walkAst } from '../ast/walk-ast';

/**
 * Database drivers that need Node.js (TCP sockets through `net`, native
 * addons, `node:` built-ins), so code on the edge runtime cannot load them,
 * and how a module loads one.
 */

/** The packages (and their subpaths, such as `mysql2/promise`) that run only on Node.js. */
export const NODE_ONLY_DRIVERS: readonly string[] = ['pg', 'postgres', 'mysql2', 'mariadb', 'better-sqlite3', 'node:sqlite', '@prisma/adapter-pg'];
const PRISMA_CLIENT_MODULE = '@prisma/client';
/** Words one of which a module's text holds when it loads a Node-only driver (the project model's cheap pre-check). */
export const NODE_DRIVER_WORDS: readonly string[] = [...NODE_ONLY_DRIVERS, PRISMA_CLIENT_MODULE];

export function isNodeOnlyDriver(specifier: string): boolean {
  return NODE_ONLY_DRIVERS.some((driver) => specifier === driver || specifier.startsWith(`${driver}/`));
}

/** A module a file loads at run time, and the node that loads it. */
export interface ValueImport {
  specifier: string;
  node: TSESTree.Node;
}

function isTypeOnlyImport(statement: TSESTree.ImportDeclaration): boolean {
  if (statement.importKind === 'type') return true;
  // `import { type Pool } from 'pg'` is erased by TypeScript and SWC alike.
  const { specifiers } = statement;
  return specifiers.length > 0 && specifiers.every((specifier) => specifier.type === 'ImportSpecifier' && specifier.importKind === 'type');
}

/** Nodes that hold only types: the names inside them are gone after compilation. */
const TYPE_ONLY_NODES = new Set([
  'TSTypeAnnotation',
  'TSTypeReference',
  'TSTypeQuery',
  'TSTypeAliasDeclaration',
  'TSInterfaceDeclaration',
  'TSTypeParameterInstantiation',
  'TSTypeParameterDeclaration',
  'TSClassImplements',
  'TSInterfaceHeritage',
  'TSDeclareFunction',
  'TSImportType',
]);

/** The names a TypeScript module uses as values (outside types, import declarations and `x.name`/`{ name: x }` keys), JSX names included. */
function collectValueNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  const visit = (node: TSESTree.Node): boolean => {
    if (TYPE_ONLY_NODES.has(node.type) || node.type === 'ImportDeclaration') return false;
    if (node.type === 'Identifier' || node.type === 'JSXIdentifier') names.add(node.name);
    // Only the value side of `x.name` and `{ name: x }` names a binding.
    const valueSide =
      node.type === 'MemberExpression' && !node.computed ? node.object : node.type === 'Property' && !node.computed && !node.shorthand ? node.value : undefined;
    if (valueSide === undefined) return true;
    walkAst(valueSide, visit);
    return false;
  };
  walkAst(program, visit);
  return names;
}

/**
 * TypeScript (and SWC, as Next.js compiles it) drop an import none of whose
 * bindings is used as a value: `import { Pool } from 'pg'` used only in
 * `(pool: Pool)` never reaches the bundle. A bare `import 'pg'` always does.
 */
function isElided(statement: TSESTree.ImportDeclaration, valueNames: ReadonlySet<string> | undefined): boolean {
  return valueNames !== undefined && statement.specifiers.length > 0 && statement.specifiers.every((specifier) => !valueNames.has(specifier.local.name));
}

function getLoadedModule(node: TSESTree.Node, valueNames: ReadonlySet<string> | undefined): string | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
      return isTypeOnlyImport(node) || isElided(node, valueNames) ? undefined : String(node.source.value);
    case 'ExportNamedDeclaration':
      return node.source && node.exportKind !== 'type' ? String(node.source.value) : undefined;
    case 'ExportAllDeclaration':
      return node.exportKind === 'type' ? undefined : String(node.source.value);
    case 'ImportExpression':
      return node.source.type === 'Literal' && typeof node.source.value === 'string' ? node.source.value : undefined;
    case 'TSImportEqualsDeclaration': {
      const reference = node.moduleReference;
      const isModule = reference.type === 'TSExternalModuleReference' && reference.expression.type === 'Literal';
      return isModule && node.importKind !== 'type' ? String(reference.expression.value) : undefined;
    }
    default:
      return getRequiredModule(node);
  }
}

const TYPESCRIPT_FILE = /\.[cm]?tsx?$/;

/**
 * Every module the program (of the file `filename`) loads at run time, in
 * source order: imports and re-exports that are not type-only (nor, in
 * TypeScript, used only as types), `require()`, `import()` and
 * `import x = require()` anywhere in the file (a bundler includes them all).
 */
export function getValueImports(program: TSESTree.Program, filename: string): ValueImport[] {
  const valueNames = TYPESCRIPT_FILE.test(filename) ? collectValueNames(program) : undefined;
  const imports: ValueImport[] = [];
  walkAst(program, (node) => {
    const specifier = getLoadedModule(node, valueNames);
    if (specifier !== undefined) imports.push({ specifier, node });
    return true;
  });
  return imports;
}

/** Whether `new PrismaClient(options)` may be given an adapter: an `adapter` key, a spread or options not written inline. */
function mayHaveAdapter(options: TSESTree.CallExpressionArgument | undefined): boolean {
  if (options === undefined) return false;
  const written = options.type === 'SpreadElement' ? options : skipAsAndSatisfies(options);
  if (written.type !== 'ObjectExpression') return true;
  return written.properties.some(
    (property) =>
      property.type === 'SpreadElement' ||
      property.computed ||
      (property.key.type === 'Identifier' ? property.key.name : String(property.key.value)) === 'adapter',
  );
}

/** Whether the callee names `PrismaClient` of `@prisma/client` (imported, required, or read off the module). */
function isPrismaClient(info: ModuleInfo, callee: TSESTree.Expression): boolean {
  if (callee.type === 'Identifier') {
    const binding = info.imports.get(callee.name);
    return binding?.source === PRISMA_CLIENT_MODULE && binding.imported === 'PrismaClient';
  }
  if (callee.type !== 'MemberExpression' || callee.computed || callee.object.type !== 'Identifier') return false;
  const binding = info.imports.get(callee.object.name);
  const isWholeModule = binding?.imported === '*' || binding?.imported === 'default';
  return binding?.source === PRISMA_CLIENT_MODULE && isWholeModule && callee.property.type === 'Identifier' && callee.property.name === 'PrismaClient';
}

/**
 * The first `new PrismaClient()` of `@prisma/client` without a driver adapter:
 * that client needs Node.js (its query engine), while one given an edge
 * adapter such as `PrismaNeon`, or `@prisma/client/edge`, runs on the edge.
 */
export function findPrismaClientWithoutAdapter(info: ModuleInfo): TSESTree.NewExpression | undefined {
  let found: TSESTree.NewExpression | undefined;
  walkAst(info.program, (node) => {
    if (node.type === 'NewExpression' && isPrismaClient(info, node.callee) && !mayHaveAdapter(node.arguments[0])) {
      found = node;
      return 'stop';
    }
    return true;
  });
  return found;
}

/** What makes a module need Node.js: a driver it loads, with the node that loads it. */
export interface NodeDriverUse {
  /** `\`pg\``, or PRISMA_WITHOUT_ADAPTER. */
  driver: string;
  node: TSESTree.Node;
}

export const PRISMA_WITHOUT_ADAPTER = '`PrismaClient` without an edge adapter';

/** The Node-only drivers the module itself loads (at their imports), then a PrismaClient it creates without an adapter (at the import of `@prisma/client`). */
export function* findNodeDriverUses(info: ModuleInfo, imports: readonly ValueImport[]): Generator<NodeDriverUse> {
  for (const loaded of imports) if (isNodeOnlyDriver(loaded.specifier)) yield { driver: `\`${loaded.specifier}\``, node: loaded.node };
  const prismaImport = imports.find((loaded) => loaded.specifier === PRISMA_CLIENT_MODULE);
  if (prismaImport && findPrismaClientWithoutAdapter(info)) yield { driver: PRISMA_WITHOUT_ADAPTER, node: prismaImport.node };
}
