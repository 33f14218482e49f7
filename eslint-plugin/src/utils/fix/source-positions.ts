import type { TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from '../ast/source-code';

/**
 * The position right after `nodeOrToken` and any comments that follow it on
 * the same line, so that code inserted on a new line there does not steal a
 * trailing comment (`'use server'; // actions`).
 */
export function getEndOfLineAfter(
  sourceCode: SourceCode,
  nodeOrToken: TSESTree.Node | TSESTree.Token,
): number {
  let last: TSESTree.Node | TSESTree.Token = nodeOrToken;
  for (;;) {
    const next = sourceCode.getTokenAfter(last, { includeComments: true });
    if (!next || (next.type !== 'Line' && next.type !== 'Block') || next.loc.start.line !== last.loc.end.line) break;
    last = next;
  }
  return last.range[1];
}

/** The whitespace that starts the line `line` (1-based). */
export function getLineIndent(sourceCode: SourceCode, line: number): string {
  return /^[ \t]*/.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** Statements that end with a semicolon in a file that uses them. */
const SEMICOLON_STATEMENTS = new Set(['ImportDeclaration', 'ExpressionStatement', 'VariableDeclaration', 'ReturnStatement', 'ThrowStatement']);

/**
 * The file's semicolon style, judged on the first statement that would end
 * with one (semicolons when there is none to judge by).
 */
export function usesSemicolons(
  sourceCode: SourceCode,
  statements: readonly TSESTree.Node[],
): boolean {
  const sample = statements.find((statement) => SEMICOLON_STATEMENTS.has(statement.type));
  return !sample || endsWithSemicolon(sourceCode, sample);
}

/** Whether a statement ends with its own semicolon. */
function endsWithSemicolon(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  const last = sourceCode.getLastToken(node);
  return last?.type === 'Punctuator' && last.value === ';';
}
