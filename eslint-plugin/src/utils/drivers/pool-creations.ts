import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { iterateModuleReferences } from '../ast/module-references';
import { POOL_WRAPPERS, type PoolFactory, type PoolWrapper, buildFactoryTraceMap } from './pool-factories';
import { getPropertyValue, isStringLike, skipAsAndSatisfies } from '../ast/static-values';
import { getOutermostTypeWrapper, isTypeWrapper } from '../ast/type-wrappers';

type SourceCode = Readonly<TSESLint.SourceCode>;
export type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

/** A place where code opens a pool. */
export interface PoolCreation {
  /** The call that opens the pool: `new Pool()`, `drizzle(url)`, `pgp(url)`. */
  pool: Creation;
  /** What the report and the hoist are on: the pool, or the outermost client built around it in the same expression. */
  node: Creation;
  factory: PoolFactory;
  /** The method that closes `node`: `end`, Kysely's `destroy`, Prisma's `$disconnect`. */
  closeMethod: string;
  /** Module-level name for the hoisted `node`. */
  suggestedName?: string;
}

function isCreation(node: TSESTree.Node | undefined): node is Creation {
  return node?.type === 'CallExpression' || node?.type === 'NewExpression';
}

/** Whether the call opens a pool: always, except Drizzle's `drizzle(pool)` and `drizzle({ client })`, which reuse one. */
function opensPool(call: Creation, factory: PoolFactory): boolean {
  if (factory.connectionOption === undefined) return true;
  const [first] = call.arguments;
  if (!first) return false;
  if (isStringLike(first)) return true;
  const options = skipAsAndSatisfies(first);
  return (
    options.type === 'ObjectExpression' &&
    getPropertyValue(options, factory.connectionOption) !== undefined &&
    getPropertyValue(options, 'client') === undefined
  );
}

/**
 * The calls of a factory that a call returns: `pgp(url)` after
 * `const pgp = pgPromise()`, and `pgPromise()(url)`. A binding that is
 * reassigned is not followed.
 */
function getResultCalls(sourceCode: SourceCode, call: Creation): TSESTree.CallExpression[] {
  const result = getOutermostTypeWrapper(call);
  const holder = result.parent;
  if (holder?.type === 'CallExpression' && holder.callee === result) return [holder];
  if (holder?.type !== 'VariableDeclarator' || holder.init !== result || holder.id.type !== 'Identifier') return [];
  const variable = sourceCode.getDeclaredVariables(holder)[0];
  if (!variable || variable.references.some((reference) => reference.isWrite() && !reference.init)) return [];
  return variable.references.flatMap((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === 'CallExpression' && parent.callee === reference.identifier ? [parent] : [];
  });
}

/**
 * The outermost client built around the pool in the same expression, through
 * arguments and option objects: the `new Kysely()` of
 * `new Kysely({ dialect: new PostgresDialect({ pool: new Pool() }) })`.
 */
function findOuterWrapper(pool: Creation, wrappers: ReadonlyMap<TSESTree.Node, PoolWrapper>) {
  let found: { node: Creation; wrapper: PoolWrapper } | undefined;
  let value: TSESTree.Node = pool;
  for (let parent = value.parent; parent; value = parent, parent = parent.parent) {
    if (isTypeWrapper(parent) || (parent.type === 'Property' && parent.value === value)) continue;
    if (parent.type === 'ObjectExpression' && value.type === 'Property') continue;
    const wrapper = isCreation(parent) && parent.arguments.includes(value as TSESTree.Expression) ? wrappers.get(parent) : undefined;
    if (!wrapper || !isCreation(parent)) break;
    found = { node: parent, wrapper };
  }
  return found;
}

/** Every place in the file where one of the factories opens a pool. */
export function* iteratePoolCreations(sourceCode: SourceCode, factories: readonly PoolFactory[]): Generator<PoolCreation> {
  const wrappers = new Map<TSESTree.Node, PoolWrapper>();
  // Most files name no Drizzle or Kysely module: no second pass over their references.
  const wrapperModules = POOL_WRAPPERS.filter((wrapper) => sourceCode.text.includes(wrapper.module));
  for (const { node, info } of iterateModuleReferences<PoolWrapper>(sourceCode, buildFactoryTraceMap(wrapperModules))) {
    if (isCreation(node)) wrappers.set(node, info);
  }
  for (const { node, info: factory } of iterateModuleReferences<PoolFactory>(sourceCode, buildFactoryTraceMap(factories))) {
    if (!isCreation(node)) continue;
    for (const pool of factory.returnsFactory ? getResultCalls(sourceCode, node) : [node]) {
      if (!opensPool(pool, factory)) continue;
      const outer = findOuterWrapper(pool, wrappers);
      yield {
        pool,
        node: outer?.node ?? pool,
        factory,
        closeMethod: (outer ? outer.wrapper.closeMethod : factory.closeMethod) ?? 'end',
        suggestedName: outer ? outer.wrapper.suggestedName : factory.suggestedName,
      };
    }
  }
}
