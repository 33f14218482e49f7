import type { TSESTree } from '@typescript-eslint/utils';
import type { ModuleInfo } from '../project/module-info';
import { getRequiredModule } from './module-syntax';
import { skipAsAndSatisfies } from './static-values';
import { walkAst } from './walk-ast';

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

function getLoadedModule(node: TSESTree.Node): string | undefined {
  switch (node.type) {
    case 'ImportDeclaration':
      return isTypeOnlyImport(node) ? undefined : String(node.source.value);
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

/**
 * Every module the program loads at run time, in source order: imports and
 * re-exports that are not type-only, `require()`, `import()` and
 * `import x = require()` anywhere in the file (a bundler includes them all).
 */
export function getValueImports(program: TSESTree.Program): ValueImport[] {
  const imports: ValueImport[] = [];
  walkAst(program, (node) => {
    const specifier = getLoadedModule(node);
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
