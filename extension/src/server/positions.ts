import type { Position, TextDocument } from 'vscode-languageserver-textdocument';

/**
 * ESLint counts lines differently from LSP: it also breaks lines at U+2028 and
 * U+2029, and it reports positions in the text without its byte order marks.
 * This maps ESLint's 1-based line/column and 0-based fix offsets onto the
 * document's LSP positions (UTF-16 code units, like ESLint's columns).
 */
const ESLINT_LINE_BREAK = /\r\n|[\r\n\u2028\u2029]/g;

export interface PositionMapper {
  /** An ESLint `line`/`column` pair (both 1-based). */
  fromLineColumn(line: number, column: number): Position;
  /** An offset into the text ESLint saw (fix and suggestion ranges). */
  fromOffset(offset: number): Position;
}

/**
 * The byte order marks at the start of a text. ESLint drops one before
 * parsing and its SourceCode drops another, so with two the parser's offsets
 * and the text the rules slice disagree by one (a fix would cut `new` to
 * `ew`). The server lints the text without any of them (lint.ts) and maps
 * positions back past them here.
 */
export function countLeadingBoms(text: string): number {
  let count = 0;
  while (text.charCodeAt(count) === 0xfeff) count++;
  return count;
}

export function createPositionMapper(document: TextDocument): PositionMapper {
  const text = document.getText();
  const bom = countLeadingBoms(text);
  const lineStarts = [bom];
  const lineEnds: number[] = [];
  for (const match of text.matchAll(ESLINT_LINE_BREAK)) {
    lineEnds.push(match.index);
    lineStarts.push(match.index + match[0].length);
  }
  lineEnds.push(text.length);

  return {
    fromLineColumn(line, column) {
      const index = Math.min(Math.max(line - 1, 0), lineStarts.length - 1);
      const start = lineStarts[index] ?? 0;
      const end = lineEnds[index] ?? text.length;
      return document.positionAt(Math.min(start + Math.max(column - 1, 0), end));
    },
    fromOffset(offset) {
      return document.positionAt(Math.min(Math.max(offset, 0) + bom, text.length));
    },
  };
}
