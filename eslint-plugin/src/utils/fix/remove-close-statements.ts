import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { removeStatement } from './remove-statement';
import { getUnwrappedBlockText } from './unwrap-block';
import { isInside } from '../ast/ranges';
import type { SourceCode } from '../ast/source-code';

/**
 * Options such as postgres.js's `sql.end({ timeout: 5 })`, which removing the
 * call cannot lose, unlike a callback (or a value that may be one).
 */
export function isPlainData(node: TSESTree.Node): boolean {
  if (node.type === 'Literal') return true;
  if (node.type !== 'ObjectExpression') return false;
  return node.properties.every((property) => property.type === 'Property' && !property.computed && isPlainData(property.value));
}

/** `pool.end()` as a statement, possibly awaited or voided: the statement, else undefined. */
export function getCloseStatement(call: TSESTree.CallExpression): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = call;
  if (current.parent?.type === 'AwaitExpression') current = current.parent;
  else if (current.parent?.type === 'UnaryExpression' && current.parent.operator === 'void') current = current.parent;
  return current.parent?.type === 'ExpressionStatement' ? current.parent : undefined;
}

/** Parents whose statements can be removed outright. */
const STATEMENT_LISTS = new Set(['BlockStatement', 'SwitchCase', 'Program', 'StaticBlock']);

/** The `finally` block that would be left empty, with its try statement. */
function getEmptiedFinally(
  statement: TSESTree.Statement,
  removed: ReadonlySet<TSESTree.Node>,
): { block: TSESTree.BlockStatement; tryStatement: TSESTree.TryStatement } | undefined {
  const block = statement.parent;
  if (block?.type !== 'BlockStatement' || block.parent?.type !== 'TryStatement') return undefined;
  if (block.parent.finalizer !== block || !block.body.every((item) => removed.has(item))) return undefined;
  return { block, tryStatement: block.parent };
}

/**
 * Fixes removing the given statements. A `finally` left empty goes too; a
 * `try` left with neither `catch` nor `finally` is unwrapped, or kept as a
 * plain block when unwrapping could change what its code means.
 * `otherEdits` are ranges the same suggestion changes, which must not overlap.
 */
export function removeCloseStatements(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  statements: readonly TSESTree.Statement[],
  otherEdits: readonly (readonly [number, number])[],
): TSESLint.RuleFix[] {
  const removed = new Set<TSESTree.Node>(statements);
  const fixes: TSESLint.RuleFix[] = [];
  const handledTries = new Set<TSESTree.TryStatement>();
  for (const statement of statements) {
    if (!STATEMENT_LISTS.has(statement.parent?.type ?? '')) {
      // The body of an `if`, `else` or loop: an empty block keeps the syntax valid.
      fixes.push(fixer.replaceText(statement, '{}'));
      continue;
    }
    const emptied = getEmptiedFinally(statement, removed);
    if (!emptied) {
      fixes.push(removeStatement(fixer, sourceCode, statement));
      continue;
    }
    const { tryStatement } = emptied;
    if (handledTries.has(tryStatement)) continue;
    handledTries.add(tryStatement);
    if (tryStatement.handler) {
      fixes.push(fixer.removeRange([tryStatement.handler.range[1], emptied.block.range[1]]));
      continue;
    }
    const body = tryStatement.block;
    const editsInside = otherEdits.some((range) => isInside(range, body));
    const unwrapped = editsInside || statements.some((item) => isInside(item, body))
      ? undefined
      : getUnwrappedBlockText(sourceCode, body, tryStatement);
    if (unwrapped !== undefined) {
      fixes.push(fixer.replaceText(tryStatement, unwrapped));
    } else {
      fixes.push(fixer.removeRange([tryStatement.range[0], body.range[0]]));
      fixes.push(fixer.removeRange([body.range[1], emptied.block.range[1]]));
    }
  }
  return fixes;
}
