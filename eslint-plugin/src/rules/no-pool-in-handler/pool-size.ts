import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type TextEdit, getPropertyAddition, getSpreadWrapping, toPropertyKey } from '../../utils/fix/object-option';
import { type PoolFactory, getSizeOption } from '../../utils/drivers/pool-factories';
import { getPropertyValue, isStringLike } from '../../utils/ast/static-values';

type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

/** `{ ... } satisfies PoolConfig` → the object literal. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression') {
    current = current.expression;
  }
  return current;
}

/** Inserts an options argument: `new Pool()` → `new Pool({ max: 5 })`, `postgres(url)` → `postgres(url, { max: 5 })`. */
function addArgument(sourceCode: Readonly<TSESLint.SourceCode>, creation: Creation, options: string): TextEdit {
  const previous = creation.arguments.at(-1);
  if (previous) return { range: [previous.range[1], previous.range[1]], text: `, ${options}` };
  const closing = sourceCode.getLastToken(creation);
  if (closing?.value === ')') return { range: [closing.range[0], closing.range[0]], text: options };
  return { range: [creation.range[1], creation.range[1]], text: `(${options})` }; // `new Pool`
}

/** The size to set: `max: 5`, `connectionLimit: 5`. */
interface Size {
  key: string;
  value: string;
}

/** `url` → `{ connectionString: url, max: 5 }`, for a factory that says where a URL goes. */
function getUrlWrapping(sourceCode: Readonly<TSESLint.SourceCode>, url: TSESTree.Node, factory: PoolFactory, size: Size): string | undefined {
  if (factory.urlOption === undefined) return undefined;
  return `{ ${toPropertyKey(factory.urlOption)}: ${sourceCode.getText(url)}, ${toPropertyKey(size.key)}: ${size.value} }`;
}

/**
 * Drizzle: the size goes into the `connection` options. `drizzle(url)`
 * becomes `drizzle({ connection: { connectionString: url, max: 5 } })`; with a
 * second (config) argument the two would have to merge, so it keeps its size.
 */
function getConnectionSizeEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  creation: Creation,
  factory: PoolFactory,
  connectionOption: string,
  size: Size,
): TextEdit | undefined {
  const [first, second] = creation.arguments;
  if (!first) return undefined;
  if (isStringLike(first)) {
    const options = second ? undefined : getUrlWrapping(sourceCode, first, factory, size);
    return options === undefined ? undefined : { range: first.range, text: `{ ${toPropertyKey(connectionOption)}: ${options} }` };
  }
  const object = skipTypeWrappers(first);
  const connection = object.type === 'ObjectExpression' ? getPropertyValue(object, connectionOption) : undefined;
  if (!connection) return undefined;
  const connectionObject = skipTypeWrappers(connection);
  if (connectionObject.type === 'ObjectExpression') return getPropertyAddition(sourceCode, connectionObject, size.key, size.value);
  const options = isStringLike(connection) ? getUrlWrapping(sourceCode, connection, factory, size) : undefined;
  return options === undefined ? undefined : { range: connection.range, text: options };
}

/**
 * The edit that gives the hoisted pool a size, or undefined when it keeps the
 * size it has: the user set one, the factory has none (Prisma), or the options
 * are a URL string it cannot rewrite or a value whose shape is unknown (`createPool(uri)`).
 */
export function getPoolSizeEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  creation: Creation,
  factory: PoolFactory,
  poolSize: number,
): TextEdit | undefined {
  const key = getSizeOption(factory);
  if (key === null) return undefined;
  const size = { key, value: String(poolSize) };
  if (factory.connectionOption !== undefined) {
    return getConnectionSizeEdit(sourceCode, creation, factory, factory.connectionOption, size);
  }
  const [first, second] = creation.arguments;
  const options = factory.urlFirst && first && first.type !== 'ObjectExpression' ? second : first;
  if (factory.urlFirst && first && !second && first.type !== 'ObjectExpression' && !isStringLike(first)) return undefined;
  if (!options) {
    return addArgument(sourceCode, creation, `{ ${toPropertyKey(key)}: ${size.value} }`);
  }
  const object = skipTypeWrappers(options);
  if (object.type === 'ObjectExpression') {
    return getPropertyAddition(sourceCode, object, key, size.value); // undefined when the object sets `key` itself
  }
  if (isStringLike(options)) {
    const wrapped = getUrlWrapping(sourceCode, options, factory, size);
    return wrapped === undefined ? undefined : { range: options.range, text: wrapped };
  }
  // A value that may be a URL string cannot be spread into options.
  if (options.type === 'SpreadElement' || factory.acceptsUrl || factory.urlOption !== undefined) return undefined;
  if (options.type === 'Literal' || options.type === 'ArrayExpression') return undefined;
  return getSpreadWrapping(sourceCode, options, key, size.value);
}
