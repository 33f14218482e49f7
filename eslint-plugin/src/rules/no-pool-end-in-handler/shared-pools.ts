import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEnclosingFunction } from '../../utils/ast/functions';
import { iterateModuleReferences } from '../../utils/ast/module-references';
import { BUILTIN_POOL_FACTORIES, type PoolFactory, buildFactoryTraceMap } from '../../utils/drivers/pool-factories';
import { isTopLevelScope, resolveIdentifier } from '../../utils/ast/scope';
import { isTypeWrapper, skipAwaitAndTypeWrappers } from '../../utils/ast/type-wrappers';
import { isCreatedOnce } from '../../utils/drivers/created-once/is-created-once';
import type { SourceCode } from '../../utils/ast/source-code';

type Variable = TSESLint.Scope.Variable;

/** pg-promise's library instance (`const pgp = pgPromise()`), whose `end()` shuts down every pool it made. */
const PG_PROMISE: PoolFactory = { module: 'pg-promise', sizeOption: null, suggestedName: 'pgp' };

/** A pool (or client owning one) that lives as long as the module, so every request shares it. */
export interface SharedPool {
  /** The module it comes from, for the error text: `pg`, `@prisma/client`, or the project module it is imported from. */
  module: string;
  closeMethod: string;
  /** Where it is created, for messages: ' at module scope'. */
  origin: string;
  /** Whether it may be a Neon `Pool`, which the edge runtime needs ended per request. */
  mayBeNeon: boolean;
}

/** Steps up from a created value to what holds it: through `await`, `as`, `x ?? new Pool()`, `cond ? a : b`. */
function getHolder(creation: TSESTree.Node): TSESTree.Node | undefined {
  let value = creation;
  for (let parent = value.parent; parent; value = parent, parent = parent.parent) {
    const passesThrough =
      parent.type === 'AwaitExpression' ||
      isTypeWrapper(parent) ||
      (parent.type === 'LogicalExpression' && parent.right === value) ||
      (parent.type === 'ConditionalExpression' && parent.test !== value);
    if (!passesThrough) return parent;
  }
  return undefined;
}

/** The variable a created pool is kept in: `const pool = new Pool()`, `pool ??= new Pool()`. */
function getHoldingVariable(sourceCode: SourceCode, creation: TSESTree.Node): Variable | undefined {
  const holder = getHolder(creation);
  if (holder?.type === 'VariableDeclarator' && holder.id.type === 'Identifier') return sourceCode.getDeclaredVariables(holder)[0];
  if (holder?.type === 'AssignmentExpression' && holder.left.type === 'Identifier') return resolveIdentifier(sourceCode, holder.left);
  return undefined;
}

/**
 * The module-level variables of this file that hold a pool created once: at
 * module scope (`const pool = new Pool()`, `export const prisma = globalForPrisma.prisma ?? new PrismaClient()`)
 * or as a lazy singleton (`pool ??= new Pool()` in a getter).
 */
export function getSharedPools(sourceCode: SourceCode): Map<Variable, SharedPool> {
  const pools = new Map<Variable, SharedPool>();
  const traceMap = buildFactoryTraceMap([...BUILTIN_POOL_FACTORIES, PG_PROMISE]);
  for (const { node, info: factory } of iterateModuleReferences<PoolFactory>(sourceCode, traceMap)) {
    if (node.type !== 'CallExpression' && node.type !== 'NewExpression') continue;
    const variable = getHoldingVariable(sourceCode, node);
    if (!variable || !isTopLevelScope(variable.scope)) continue;
    const atModuleScope = getEnclosingFunction(node) === undefined;
    if (!atModuleScope && !isCreatedOnce(sourceCode, node)) continue;
    pools.set(variable, {
      module: factory.module,
      closeMethod: factory.closeMethod ?? 'end',
      origin: atModuleScope ? ' at module scope' : ', as a lazy singleton',
      mayBeNeon: factory.module === '@neondatabase/serverless',
    });
  }
  return pools;
}

/** The module a binding is imported from: `import { pool } from './db'`, `const { pool } = require('./db')`. */
export function getImportSpecifier(variable: Variable): string | undefined {
  const definition = variable.defs[0];
  if (definition?.type === 'ImportBinding') {
    return definition.parent?.type === 'ImportDeclaration' ? definition.parent.source.value : undefined;
  }
  const init = definition?.type === 'Variable' ? definition.node.init : undefined;
  if (init?.type !== 'CallExpression' || init.callee.type !== 'Identifier' || init.callee.name !== 'require') return undefined;
  const [argument] = init.arguments;
  return argument?.type === 'Literal' && typeof argument.value === 'string' ? argument.value : undefined;
}

/** A project module (not a package): `./db`, `../lib/db`, `@/lib/db`, `~/db`, `#db`. */
export const PROJECT_SPECIFIER = /^(?:\.{1,2}\/|\/|@\/|~\/|#)/;
/** Imported names that are pools when their `end()` is called: `pool`, `pgPool`, `sql`, `db`, `pgp`. */
const POOL_NAME = /pool|sql|pgp|^db$/i;
/**
 * Text that may hold such a call, for the VS Code extension's trigger words:
 * `pool.end(`, `pgPool!.end(`, `sql.end(`, `db.end(`, `prisma.$disconnect(`.
 */
export const SHARED_POOL_CLOSE_PATTERN = /(?:[Pp][Oo][Oo][Ll]|[Ss][Qq][Ll]|[Pp][Gg][Pp]|\bdb)[\w$]*\s*(?:\(\s*\)\s*)?(?:!\s*)?\.\s*end\b|\.\s*\$disconnect\b/;

/**
 * A pool imported from the project's own modules, which were run once, at
 * import: `import { pool } from '@/lib/db'`, `import prisma from '../lib/prisma'`.
 * The other module is not read (yet): an imported binding counts when its
 * name says pool and `end()` is called on it, or `$disconnect()` (only Prisma has it).
 */
export function getImportedPool(variable: Variable, method: string): SharedPool | undefined {
  const specifier = getImportSpecifier(variable);
  if (specifier === undefined || !PROJECT_SPECIFIER.test(specifier)) return undefined;
  if (method !== '$disconnect' && !(method === 'end' && POOL_NAME.test(variable.name))) return undefined;
  const prisma = method === '$disconnect';
  return { module: prisma ? '@prisma/client' : specifier, closeMethod: method, origin: ` in \`${specifier}\``, mayBeNeon: !prisma };
}

/** A call that ends a shared pool, with the pool's name as written. */
export interface ClosedPool {
  pool: SharedPool;
  name: string;
}

/**
 * A finder for the calls that end a shared pool: `pool.end()`,
 * `sql.end({ timeout: 5 })`, `pgp.end()`, `prisma.$disconnect()`, on a pool
 * of this file created once or imported from the project, also through a
 * project getter (`getPool().end()`, or `const pool = getPool(); ... pool.end()`).
 */
export function createClosedPoolFinder(sourceCode: SourceCode): (call: TSESTree.CallExpression) => ClosedPool | undefined {
  let shared: Map<Variable, SharedPool> | undefined;
  const lookup = (node: TSESTree.Node, method: string, followLocal: boolean): SharedPool | undefined => {
    const value = skipAwaitAndTypeWrappers(node);
    if (value.type === 'CallExpression' && value.callee.type === 'Identifier') {
      const getter = resolveIdentifier(sourceCode, value.callee);
      const imported = getter && getImportedPool(getter, method);
      // Called right there, `getPool()` names it; through a local, say where the local comes from.
      return imported && { ...imported, origin: followLocal ? imported.origin : ` by \`${getter.name}()\`${imported.origin}` };
    }
    const variable = value.type === 'Identifier' ? resolveIdentifier(sourceCode, value) : undefined;
    if (!variable) return undefined;
    shared ??= getSharedPools(sourceCode);
    const local = shared.get(variable);
    if (local?.closeMethod === method) return local;
    const imported = getImportedPool(variable, method);
    if (imported || !followLocal) return imported;
    // `const pool = getPool();` in the handler: its initializer, once.
    const definition = variable.defs[0];
    const init = definition?.type === 'Variable' && definition.parent.kind === 'const' ? definition.node.init : null;
    return init ? lookup(init, method, false) : undefined;
  };
  return (call) => {
    const callee = call.callee;
    if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
    const method = callee.property.name;
    if (method !== 'end' && method !== '$disconnect') return undefined;
    const pool = lookup(callee.object, method, true);
    return pool && { pool, name: sourceCode.getText(skipAwaitAndTypeWrappers(callee.object)) };
  };
}
