import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from '../utils/ast/functions';
import { usesSqliteDialect } from '../utils/drivers/query-builders';
import { DATABASE_CONSTRUCTORS, DRIZZLE_SYNC_MODULES, KYSELY_MODULE, SYNC_DATABASE_WORDS } from '../utils/drivers/sync-drivers';
import { getFunctionKind, getSyncValueKind, skipTransparent, type SyncValueKind, type SyncValueResolver } from '../utils/drivers/sync-values';
import { walkAst } from '../utils/ast/walk-ast';
import { dependsOnAny } from './app-root';
import type { ModuleInfo } from './module-info';
import type { ModelSession } from './session';

/**
 * What an export of a project module is to a synchronous SQLite driver: a
 * database, a statement, a transaction, or an accessor that returns a
 * database (`getDb()`, a lazy `db ??= new Database()`, a `globalThis` cache),
 * following the module's own imports of other project modules at any depth.
 */

/** Packages a project depends on when it uses a synchronous SQLite driver from npm. */
const SYNC_DRIVER_PACKAGES = ['better-sqlite3'];
/** A start depth for the text pre-check that lets it read only the imported module itself. */
const MAX_DEPTH_WITHOUT_PACKAGE = Number.MAX_SAFE_INTEGER;

/** Values assigned to top-level `let` bindings anywhere in the module (`db ??= new Database()` inside getDb). */
function collectAssignments(info: ModuleInfo): Map<string, TSESTree.Expression[]> {
  const assignments = new Map<string, TSESTree.Expression[]>();
  walkAst(info.program, (node) => {
    if (node.type === 'AssignmentExpression' && node.left.type === 'Identifier') {
      const values = assignments.get(node.left.name) ?? [];
      values.push(node.right);
      assignments.set(node.left.name, values);
    }
    return true;
  });
  return assignments;
}

const assignmentCache = new WeakMap<ModuleInfo, Map<string, TSESTree.Expression[]>>();

function getAssignments(info: ModuleInfo): Map<string, TSESTree.Expression[]> {
  let assignments = assignmentCache.get(info);
  if (!assignments) {
    assignments = collectAssignments(info);
    assignmentCache.set(info, assignments);
  }
  return assignments;
}

function isDriverConstructor(info: ModuleInfo, callee: TSESTree.Expression): boolean {
  const target = skipTransparent(callee);
  const name = target.type === 'Identifier' ? target.name : target.type === 'MemberExpression' && target.object.type === 'Identifier' ? target.object.name : undefined;
  const binding = name === undefined ? undefined : info.imports.get(name);
  if (!binding) return false;
  const member = target.type === 'MemberExpression' && !target.computed && target.property.type === 'Identifier' ? target.property.name : undefined;
  return DATABASE_CONSTRUCTORS.some((constructor) => {
    if (constructor.module !== binding.source) return false;
    const isWholeModule = binding.imported === '*' || binding.imported === 'default';
    if (constructor.exportName === undefined) return isWholeModule && member === undefined;
    return member === undefined ? binding.imported === constructor.exportName : isWholeModule && member === constructor.exportName;
  });
}

/** The kind of a top-level binding of `file`, following its imports; `visiting` cuts cycles. */
function getBindingKind(session: ModelSession, file: string, name: string, visiting: Set<string>): SyncValueKind | undefined {
  const visitKey = `${file}\0${name}`;
  const info = session.module(file);
  if (!info || visiting.has(visitKey)) return undefined;
  return session.memo(`sync-kind\0${visitKey}`, () => computeBindingKind(session, file, info, name, visiting));
}

function computeBindingKind(session: ModelSession, file: string, info: ModuleInfo, name: string, visiting: Set<string>): SyncValueKind | undefined {
  const visitKey = `${file}\0${name}`;
  visiting.add(visitKey);
  try {
    const imported = info.imports.get(name);
    if (imported) {
      const target = imported.imported === '*' ? undefined : session.resolve(file, imported.source);
      const definition = target === undefined ? undefined : session.resolveExport(target, imported.imported);
      return definition ? getBindingKind(session, definition.file, definition.local, visiting) : undefined;
    }
    const resolver = createResolver(session, file, info, visiting);
    const bound = name.startsWith('\0') ? info.exports.get(name.slice(1)) : info.bindings.get(name);
    if (bound !== undefined && typeof bound !== 'string') {
      const value = skipTransparent(bound);
      const kind = isFunctionNode(value) ? getFunctionKind(value, resolver) : getSyncValueKind(value, resolver);
      if (kind) return kind;
    }
    for (const assigned of getAssignments(info).get(name) ?? []) {
      const kind = getSyncValueKind(assigned, resolver);
      if (kind) return kind;
    }
    return undefined;
  } finally {
    visiting.delete(visitKey);
  }
}

/** Whether `callee` names `exportName` of one of `modules`, as the module imports it. */
function isImportOf(info: ModuleInfo, callee: TSESTree.Node, modules: readonly string[], exportName: string): boolean {
  const target = skipTransparent(callee);
  const binding = target.type === 'Identifier' ? info.imports.get(target.name) : undefined;
  return binding !== undefined && modules.includes(binding.source) && binding.imported === exportName;
}

function isQueryBuilder(info: ModuleInfo, node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  if (node.type === 'CallExpression') return isImportOf(info, node.callee, DRIZZLE_SYNC_MODULES, 'drizzle');
  return (
    isImportOf(info, node.callee, [KYSELY_MODULE], 'Kysely') &&
    usesSqliteDialect(node, (dialect) => dialect.type === 'NewExpression' && isImportOf(info, dialect.callee, [KYSELY_MODULE], 'SqliteDialect'))
  );
}

function createResolver(session: ModelSession, file: string, info: ModuleInfo, visiting: Set<string>): SyncValueResolver {
  return {
    identifier: (node) => getBindingKind(session, file, node.name, visiting),
    isDatabaseConstructor: (callee) => isDriverConstructor(info, callee),
    isQueryBuilder: (node) => isQueryBuilder(info, node),
  };
}

/** Whether a package.json between `fromFile` and the project root depends on a synchronous SQLite driver from npm. */
export function usesSyncDriverPackage(session: ModelSession, fromFile: string): boolean {
  const dir = path.dirname(fromFile);
  return session.memo(`uses-sync-package\0${dir}`, () => dependsOnAny(dir, session.scope.root, SYNC_DRIVER_PACKAGES));
}

/**
 * The project module `specifier` names from `fromFile`, when it may export a
 * synchronous database at all. Only a module that imports a driver, itself
 * or through its imports, can. Chains of modules are followed in apps that
 * depend on better-sqlite3 (which Drizzle and Kysely over SQLite need too);
 * elsewhere (node:sqlite, built into Node) the imported module must name the
 * driver itself. Resolutions and text checks are cached by the model.
 */
export function findSyncExporter(session: ModelSession, fromFile: string, specifier: string): string | undefined {
  const target = session.resolve(fromFile, specifier);
  if (target === undefined) return undefined;
  const depth = usesSyncDriverPackage(session, fromFile) ? 0 : MAX_DEPTH_WITHOUT_PACKAGE;
  return session.mayReach(target, SYNC_DATABASE_WORDS, depth) ? target : undefined;
}

/** The driver kind of export `exportName` of the project module `specifier` names from `fromFile`. */
export function getImportedSyncKind(session: ModelSession, fromFile: string, specifier: string, exportName: string): SyncValueKind | undefined {
  const target = findSyncExporter(session, fromFile, specifier);
  if (target === undefined) return undefined;
  const definition = session.resolveExport(target, exportName);
  return definition ? getBindingKind(session, definition.file, definition.local, new Set()) : undefined;
}
