import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../ast/source-code';

/**
 * The range to delete so that a statement disappears cleanly: with its
 * indentation and line break when it stands alone on its lines, otherwise
 * with the spaces around it that would be left over.
 */
function getStatementRemovalRange(
  sourceCode: SourceCode,
  statement: TSESTree.Node,
): [number, number] {
  const text = sourceCode.text;
  const [start, end] = statement.range;
  // Only the spaces around the statement are looked at, not the rest of a possibly very long line.
  const spaceStart = startOfSpacesBefore(text, start);
  const spaceEnd = endOfSpacesAfter(text, end);
  const onlySpaceBefore = spaceStart === 0 || text[spaceStart - 1] === '\n';
  const lineBreak = text[spaceEnd] === '\r' ? spaceEnd + 1 : spaceEnd;
  if (onlySpaceBefore && (lineBreak === text.length || text[lineBreak] === '\n')) {
    return [spaceStart, Math.min(lineBreak + 1, text.length)];
  }
  // `a(); b(); c();` loses `b(); ` only; `a(); b();` and `{ b(); c(); }` lose the spaces before `b();` too.
  const isLast = spaceEnd === text.length || /[\r\n}]/.test(text[spaceEnd] ?? '');
  const isFirstInBlock = text[spaceStart - 1] === '{';
  return [!onlySpaceBefore && (isLast || isFirstInBlock) ? spaceStart : start, spaceEnd];
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function startOfSpacesBefore(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && isSpace(text[start - 1])) start--;
  return start;
}

function endOfSpacesAfter(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && isSpace(text[end])) end++;
  return end;
}

/** Removes a statement (see `getStatementRemovalRange`). */
export function removeStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
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
  sourceCode: SourceCode,
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
