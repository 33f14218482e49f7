import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type TextEdit, getPropertyAddition, getSpreadWrapping, toPropertyKey } from '../../utils/fix/object-option';
import type { PoolFactory } from '../../utils/pool-factories';

type Creation = TSESTree.CallExpression | TSESTree.NewExpression;

/** `{ ... } satisfies PoolConfig` → the object literal. */
export function skipTypeWrappers(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.type === 'TSAsExpression' || current.type === 'TSSatisfiesExpression' || current.type === 'TSNonNullExpression') {
    current = current.expression;
  }
  return current;
}

export function isStringLike(node: TSESTree.Node): boolean {
  if (node.type === 'TSNonNullExpression' || node.type === 'TSAsExpression') return isStringLike(node.expression);
  if (node.type === 'Literal') return typeof node.value === 'string';
  if (node.type === 'TemplateLiteral') return true;
  // process.env.DATABASE_URL
  return node.type === 'MemberExpression' && /^process\.env\b/.test(memberPath(node));
}

function memberPath(node: TSESTree.Node): string {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && node.property.type === 'Identifier') {
    return `${memberPath(node.object)}.${node.property.name}`;
  }
  return '';
}

/** Inserts an options argument: `new Pool()` → `new Pool({ max: 5 })`, `postgres(url)` → `postgres(url, { max: 5 })`. */
function addArgument(sourceCode: Readonly<TSESLint.SourceCode>, creation: Creation, options: string): TextEdit {
  const previous = creation.arguments.at(-1);
  if (previous) return { range: [previous.range[1], previous.range[1]], text: `, ${options}` };
  const closing = sourceCode.getLastToken(creation);
  if (closing?.value === ')') return { range: [closing.range[0], closing.range[0]], text: options };
  return { range: [creation.range[1], creation.range[1]], text: `(${options})` }; // `new Pool`
}

/**
 * The edit that gives the hoisted pool a size, or undefined when it keeps the
 * size it has: the user set one, the factory has none (Prisma), or the options
 * are a URL string or a value whose shape is unknown (`createPool(uri)`).
 */
export function getPoolSizeEdit(
  sourceCode: Readonly<TSESLint.SourceCode>,
  creation: Creation,
  factory: PoolFactory,
  size: number,
): TextEdit | undefined {
  const key = factory.sizeOption === undefined ? 'max' : factory.sizeOption;
  if (key === null) return undefined;
  const value = String(size);
  const [first, second] = creation.arguments;
  const options = factory.urlFirst && first && first.type !== 'ObjectExpression' ? second : first;
  if (factory.urlFirst && first && !second && first.type !== 'ObjectExpression' && !isStringLike(first)) return undefined;
  if (!options) {
    return addArgument(sourceCode, creation, `{ ${toPropertyKey(key)}: ${value} }`);
  }
  const object = skipTypeWrappers(options);
  if (object.type === 'ObjectExpression') {
    return getPropertyAddition(sourceCode, object, key, value); // undefined when the object sets `key` itself
  }
  if (options.type === 'SpreadElement' || isStringLike(options) || factory.acceptsUrl) return undefined;
  if (options.type === 'Literal' || options.type === 'ArrayExpression') return undefined;
  return getSpreadWrapping(sourceCode, options, key, value);
}
