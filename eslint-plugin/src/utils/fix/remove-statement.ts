import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The range to delete so that a statement disappears cleanly: with its
 * indentation and line break when it stands alone on its lines, otherwise
 * with the spaces around it that would be left over.
 */
function getStatementRemovalRange(
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): [number, number] {
  const text = sourceCode.text;
  let [start, end] = statement.range;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const onlySpaceBefore = /^[ \t]*$/.test(text.slice(lineStart, start));
  const lineEnd = text.indexOf('\n', end);
  const restOfLine = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
  if (onlySpaceBefore && /^[ \t]*\r?$/.test(restOfLine)) {
    return [lineStart, lineEnd === -1 ? text.length : lineEnd + 1];
  }
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  // `a(); b(); c();` loses `b(); ` only; `a(); b();` and `{ b(); c(); }` lose the spaces before `b();` too.
  const isLast = end === text.length || /[\r\n}]/.test(text[end] ?? '');
  const isFirstInBlock = /\{[ \t]*$/.test(text.slice(lineStart, start));
  if (!onlySpaceBefore && (isLast || isFirstInBlock)) while (start > lineStart && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return [start, end];
}

/** Removes a statement (see `getStatementRemovalRange`). */
export function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statement: TSESTree.Node,
): TSESLint.RuleFix {
  return fixer.removeRange(getStatementRemovalRange(sourceCode, statement));
}

/**
 * Removes one declarator of a variable declaration: the whole statement when
 * it is the only one, otherwise the declarator and the comma next to it.
 */
export function removeDeclarator(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  declarator: TSESTree.VariableDeclarator,
): TSESLint.RuleFix {
  const declaration = declarator.parent;
  if (declaration.declarations.length === 1) return removeStatement(fixer, sourceCode, declaration);
  const declarators: readonly TSESTree.VariableDeclarator[] = declaration.declarations;
  const index = declarators.indexOf(declarator);
  const next = declarators[index + 1];
  const previous = declarators[index - 1];
  if (next) return fixer.removeRange([declarator.range[0], next.range[0]]);
  return fixer.removeRange([previous ? previous.range[1] : declarator.range[0], declarator.range[1]]);
}
