import type { AST, SourceCode } from 'eslint';

/** Tokens whose text is part of a value: a line starting inside one is part of a string. */
const TEXT_TOKEN_TYPES = new Set(['Template', 'String']);

/**
 * Whether a line starts inside a template literal (or a string continued with
 * `\` at a line end). A disable comment inserted there would become part of
 * the string, change what the code means, and not even silence the rule.
 */
export function startsInsideString(sourceCode: SourceCode, line: number): boolean {
  if (sourceCode.lines[line - 1] === undefined) return false;
  const lineStart = sourceCode.getIndexFromLoc({ line, column: 0 });
  const tokens: AST.Token[] = sourceCode.ast.tokens;
  // The last token that starts before the line (tokens are in source order).
  let low = 0;
  let high = tokens.length - 1;
  let found: AST.Token | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const token = tokens[middle]!;
    if (token.range[0] < lineStart) {
      found = token;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found !== undefined && found.range[1] > lineStart && TEXT_TOKEN_TYPES.has(found.type);
}
