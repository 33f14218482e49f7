import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, getEnclosingFunction } from '../../utils/ast/functions';
import { READ, iterateModuleReferences } from '../../utils/ast/module-references';
import { BUILTIN_POOL_FACTORIES, buildFactoryTraceMap } from '../../utils/drivers/pool-factories';
import { resolveIdentifier } from '../../utils/ast/scope';
import { getOutermostTypeWrapper, skipAwaitAndTypeWrappers } from '../../utils/ast/type-wrappers';
import type { SourceCode } from '../../utils/ast/source-code';

/** Pool methods that check a client out: pg and Neon `connect()`, mysql2 and mariadb `getConnection()`. The VS Code extension reads them too. */
export const CHECKOUT_METHODS: ReadonlySet<string> = new Set(['connect', 'getConnection']);
/** A receiver named like a pool: `pool`, `pgPool`, `getPool()`, `db.pool`. */
const POOL_NAME = /pool/i;

/** `const client = await pool.connect()`: where the client is held and how it is let go. */
export interface Acquisition {
  /** The `pool.connect()` call. */
  call: TSESTree.CallExpression;
  /** The statement that holds it, when it is a plain statement: `const client = ...;`, `client = ...;`. */
  statement: TSESTree.VariableDeclaration | TSESTree.ExpressionStatement | undefined;
  owner: FunctionNode | TSESTree.Program;
  /** The binding that releases it: the client itself, or a destructured `release` function. */
  variable: TSESLint.Scope.Variable | undefined;
  releasedBy: 'method' | 'call';
}

/**
 * The nodes that are pools for sure: the creations of the known pool
 * factories (`new Pool()`, `mysql.createPool()`) and `@vercel/postgres`'s
 * ready-made `db` and `sql` pools.
 */
export function getKnownPools(sourceCode: SourceCode): Set<TSESTree.Node> {
  // A Prisma adapter is no pool of the user's: Prisma releases what its `connect()` returns.
  const poolFactories = BUILTIN_POOL_FACTORIES.filter((factory) => !factory.adapter);
  const traceMap = buildFactoryTraceMap(poolFactories) as Record<string, Record<string, unknown>>;
  traceMap['@vercel/postgres'] = { ...traceMap['@vercel/postgres'], db: { [READ]: true }, sql: { [READ]: true } };
  const pools = new Set<TSESTree.Node>();
  for (const { node } of iterateModuleReferences(sourceCode, traceMap as never)) pools.add(node);
  return pools;
}

function getName(node: TSESTree.Node): string | undefined {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') return node.property.name;
  if (node.type === 'CallExpression') return getName(node.callee);
  return undefined;
}

/**
 * Whether the receiver of `.connect()` is a pool: a known one, a variable
 * holding one, or one named like a pool (or as the `poolNames` option says).
 */
export function isPoolReceiver(
  sourceCode: SourceCode,
  receiver: TSESTree.Node,
  knownPools: ReadonlySet<TSESTree.Node>,
  poolNames: ReadonlySet<string>,
): boolean {
  const name = getName(receiver) ?? '';
  if (knownPools.has(receiver) || POOL_NAME.test(name) || poolNames.has(name)) return true;
  if (receiver.type !== 'Identifier') return false;
  const definition = resolveIdentifier(sourceCode, receiver)?.defs[0]?.node;
  return definition?.type === 'VariableDeclarator' && definition.init !== null && knownPools.has(skipAwaitAndTypeWrappers(definition.init));
}

/** `pool.connect()` with no callback (the callback form hands the client to the callback instead). */
export function getCheckoutReceiver(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = call.callee;
  if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') return undefined;
  return CHECKOUT_METHODS.has(callee.property.name) && call.arguments.length === 0 ? callee.object : undefined;
}

function getStatement(node: TSESTree.Node): Acquisition['statement'] {
  const parent = node.parent;
  if (parent?.type === 'ExpressionStatement') return parent;
  return parent?.type === 'VariableDeclarator' && parent.parent.declarations.length === 1 ? parent.parent : undefined;
}

/**
 * The acquisition an awaited checkout call makes, when its client is kept in
 * a variable: `const client = await pool.connect()`, `client = await ...`,
 * `const { release, query } = await pool.connect()`. `'dropped'` when the
 * client is not kept at all (`await pool.connect();`), undefined otherwise.
 */
export function getAcquisition(sourceCode: SourceCode, call: TSESTree.CallExpression): Acquisition | 'dropped' | undefined {
  const awaited = getOutermostTypeWrapper(call).parent;
  if (awaited?.type !== 'AwaitExpression') return undefined;
  const value = getOutermostTypeWrapper(awaited);
  const parent = value.parent;
  const base = { call, statement: getStatement(value), owner: getEnclosingFunction(call) ?? sourceCode.ast };
  if (parent?.type === 'ExpressionStatement') return 'dropped';
  if (parent?.type === 'VariableDeclarator' && parent.init === value) {
    if (parent.id.type === 'Identifier') return { ...base, variable: sourceCode.getDeclaredVariables(parent)[0], releasedBy: 'method' };
    // `const { query, ...rest } = ...` may release through `rest`, which is not followed.
    if (parent.id.type !== 'ObjectPattern' || parent.id.properties.some((item) => item.type === 'RestElement')) return undefined;
    return { ...base, variable: getDestructuredRelease(sourceCode, parent.id), releasedBy: 'call' };
  }
  if (parent?.type === 'AssignmentExpression' && parent.operator === '=' && parent.right === value && parent.left.type === 'Identifier') {
    return { ...base, variable: resolveIdentifier(sourceCode, parent.left), releasedBy: 'method' };
  }
  return undefined;
}

/** `release` in `const { release } = await pool.connect()` (pg binds it to the client); undefined when not destructured. */
function getDestructuredRelease(sourceCode: SourceCode, pattern: TSESTree.ObjectPattern): TSESLint.Scope.Variable | undefined {
  for (const property of pattern.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier' || property.key.name !== 'release') continue;
    if (property.value.type !== 'Identifier') return undefined;
    const name = property.value.name;
    return sourceCode.getDeclaredVariables(pattern.parent as TSESTree.VariableDeclarator).find((variable) => variable.name === name);
  }
  return undefined;
}
