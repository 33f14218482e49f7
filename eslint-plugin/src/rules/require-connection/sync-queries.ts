import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { getImportedSyncKind, usesSyncDriverPackage, type ModelSession } from '../../project';
import { CALL, CONSTRUCT, iterateModuleReferences } from '../../utils/ast/module-references';
import {
  DRIZZLE_SYNC_MODULES,
  KYSELY_MODULE,
  DATABASE_QUERY_METHODS,
  STATEMENT_QUERY_METHODS,
  STATEMENT_READ_METHODS,
  TRANSACTION_METHOD,
  TRANSACTION_VARIANTS,
} from '../../utils/drivers/sync-drivers';
import {
  getFunctionKind,
  getMethodCall,
  getSyncValueKind,
  skipTransparent,
  type SyncValueKind,
  type SyncValueResolver,
} from '../../utils/drivers/sync-values';
import { getEnclosingFunctions, isFunctionNode } from '../../utils/ast/functions';
import { usesSqliteDialect } from '../../utils/drivers/query-builders';
import { findBuilderQuery } from './builder-queries';
import { createTransactionShapeCheck } from './transaction-shapes';
import { QUERY_METHODS, selectQueryShapedCalls } from './query-call-shapes';
import { getImportedName } from './import-bindings';
import type { SourceCode } from '../../utils/ast/source-code';
import { containsAnyWord } from '../../utils/ast/text-words';

type Variable = TSESLint.Scope.Variable;

const DRIVER_TRACE_MAP = {
  'better-sqlite3': { [CONSTRUCT]: true, [CALL]: true },
  'node:sqlite': { DatabaseSync: { [CONSTRUCT]: true } },
};

const BUILDER_TRACE_MAP = {
  ...Object.fromEntries(DRIZZLE_SYNC_MODULES.map((module) => [module, { drizzle: { [CALL]: 'builder' } }])),
  [KYSELY_MODULE]: { Kysely: { [CONSTRUCT]: 'kysely' }, SqliteDialect: { [CONSTRUCT]: 'dialect' } },
};

/** The modules the two maps above trace. */
const LOCAL_DRIVER_MODULES = [...Object.keys(DRIVER_TRACE_MAP), ...Object.keys(BUILDER_TRACE_MAP)];

export interface SyncQuery {
  /** The call that runs SQL. */
  node: TSESTree.CallExpression;
  /** What to show in the message, e.g. `get()` or `transaction()`. */
  method: string;
  /** Whether the query returns rows (`get`, `all`, `iterate`), as opposed to a write or setup. */
  isRead: boolean;
}

interface RuleContextLike {
  sourceCode: SourceCode;
}

/**
 * The synchronous queries among a file's calls. Calls are judged by their
 * shape first; only the calls that may be queries have their values
 * followed, and only the imports those reach are resolved.
 */
export function findSyncQueries(
  context: RuleContextLike,
  session: ModelSession,
  filename: string,
  calls: readonly TSESTree.CallExpression[],
): SyncQuery[] {
  // Only better-sqlite3 has transactions: an app that does not depend on it imports none.
  const mayBeImported = () => usesSyncDriverPackage(session, filename);
  const mayHoldTransaction = createTransactionShapeCheck(context.sourceCode, mayBeImported);
  const candidates = selectQueryShapedCalls(context.sourceCode, calls, { mayHold: mayHoldTransaction, mayBeImported });
  if (candidates.length === 0) return [];
  const findQuery = createSyncQueryFinder(context, session, filename, mayHoldTransaction);
  return candidates.map(findQuery).filter((query) => query !== undefined);
}

/**
 * Finds the synchronous queries of a file: follows driver constructors
 * (tracked by import and require), the variables holding databases,
 * statements and transactions, and bindings imported from project files.
 */
function createSyncQueryFinder(
  context: RuleContextLike,
  session: ModelSession,
  filename: string,
  mayHoldTransaction: (node: TSESTree.Node) => boolean,
): (node: TSESTree.CallExpression) => SyncQuery | undefined {
  const { sourceCode } = context;
  const constructorCalls = new Set<TSESTree.Node>();
  const builderCalls = new Set<TSESTree.Node>();
  const kyselyCalls = new Set<TSESTree.Node>();
  const sqliteDialects = new Set<TSESTree.Node>();
  // A file that names no driver module imports none: its databases, if any, come from other modules.
  if (containsAnyWord(sourceCode.text, LOCAL_DRIVER_MODULES)) {
    for (const reference of iterateModuleReferences(sourceCode, DRIVER_TRACE_MAP)) constructorCalls.add(reference.node);
    for (const { node, info } of iterateModuleReferences(sourceCode, BUILDER_TRACE_MAP)) {
      (info === 'builder' ? builderCalls : info === 'kysely' ? kyselyCalls : sqliteDialects).add(node);
    }
  }

  const variableKinds = new Map<Variable, SyncValueKind | undefined>();
  const resolving = new Set<Variable>();

  function getDefinitionKind(definition: TSESLint.Scope.Definition): SyncValueKind | undefined {
    const imported = getImportedName(definition);
    if (imported) return getImportedSyncKind(session, filename, imported.source, imported.name);
    const node = definition.node as TSESTree.Node;
    if (isFunctionNode(node)) return getFunctionKind(node, resolver);
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init) {
      const init = skipTransparent(node.init);
      return isFunctionNode(init) ? getFunctionKind(init, resolver) : getSyncValueKind(init, resolver);
    }
    return undefined;
  }

  function getVariableKind(variable: Variable): SyncValueKind | undefined {
    if (variableKinds.has(variable)) return variableKinds.get(variable);
    if (resolving.has(variable)) return undefined;
    resolving.add(variable);
    let kind: SyncValueKind | undefined;
    for (const definition of variable.defs) kind ??= getDefinitionKind(definition);
    for (const reference of variable.references) {
      if (kind === undefined && reference.isWrite() && !reference.init && reference.writeExpr) {
        kind = getSyncValueKind(reference.writeExpr, resolver);
      }
    }
    resolving.delete(variable);
    variableKinds.set(variable, kind);
    return kind;
  }

  const resolver: SyncValueResolver = {
    identifier(node) {
      const variable = findVariable(sourceCode.getScope(node), node);
      return variable ? getVariableKind(variable) : undefined;
    },
    isDatabaseConstructor(callee) {
      return callee.parent !== undefined && constructorCalls.has(callee.parent);
    },
    isQueryBuilder(node) {
      return builderCalls.has(node) || (kyselyCalls.has(node) && usesSqliteDialect(node, (dialect) => sqliteDialects.has(dialect)));
    },
  };

  /** A function passed to `db.transaction(fn)`: its queries run when the transaction is called, which is reported instead. */
  function isTransactionBody(fn: TSESTree.Node): boolean {
    const parent = fn.parent;
    if (parent?.type !== 'CallExpression' || parent.arguments[0] !== fn) return false;
    const call = getMethodCall(parent);
    return call?.method === TRANSACTION_METHOD && getSyncValueKind(call.object, resolver) === 'database';
  }

  function findQuery(node: TSESTree.CallExpression): SyncQuery | undefined {
    const builderQuery = findBuilderQuery(node, resolver);
    if (builderQuery) return builderQuery;
    const call = getMethodCall(node);
    if (call) {
      const { method } = call;
      if (!QUERY_METHODS.has(method)) return undefined;
      const objectKind = getSyncValueKind(call.object, resolver);
      const isQuery =
        (objectKind === 'database' && DATABASE_QUERY_METHODS.includes(method)) ||
        (objectKind === 'statement' && STATEMENT_QUERY_METHODS.includes(method)) ||
        (objectKind === 'transaction' && TRANSACTION_VARIANTS.includes(method));
      return isQuery ? { node, method: `${method}()`, isRead: objectKind === 'statement' && STATEMENT_READ_METHODS.includes(method) } : undefined;
    }
    const callee = skipTransparent(node.callee);
    if (callee.type !== 'Identifier' && callee.type !== 'CallExpression') return undefined;
    return mayHoldTransaction(callee) && getSyncValueKind(callee, resolver) === 'transaction' ? { node, method: 'transaction()', isRead: false } : undefined;
  }

  /**
   * Setup inside a function that returns the database (`getDb()` running
   * `db.pragma('journal_mode = WAL')` on first use) freezes no result, and
   * making such a factory async would break every `getDb().prepare()`.
   */
  function isSetupInDatabaseFactory(query: SyncQuery): boolean {
    return !query.isRead && getEnclosingFunctions(query.node).some((fn) => getFunctionKind(fn, resolver) === 'databaseFactory');
  }

  return (node) => {
    const query = findQuery(node);
    if (!query || getEnclosingFunctions(node).some(isTransactionBody) || isSetupInDatabaseFactory(query)) return undefined;
    return query;
  };
}
