import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getLastDirective } from '../ast/directives';
import type { FunctionNode } from '../ast/functions';
import { getEndOfLineAfter, getLineIndent, usesSemicolons } from './source-positions';
import type { SourceCode } from '../ast/source-code';

/** First tokens after which a statement without a semicolon would continue the previous line. */
const ASI_HAZARDS = new Set(['(', '[', '`', '+', '-', '/', '<']);

function getSemicolon(sourceCode: SourceCode, body: TSESTree.BlockStatement, next: TSESTree.Statement | undefined): string {
  if (usesSemicolons(sourceCode, body.body)) return ';';
  const nextToken = next && sourceCode.getFirstToken(next);
  return nextToken && ASI_HAZARDS.has(nextToken.value[0] ?? '') ? ';' : '';
}

/** Turns `() => expr` into `() => { statement; return expr; }`. */
function insertIntoExpressionBody(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  fn: TSESTree.ArrowFunctionExpression,
  statement: string,
): TSESLint.RuleFix {
  const arrow = sourceCode.getTokenBefore(fn.body, (token) => token.value === '=>');
  const start = arrow ? arrow.range[1] : fn.body.range[0];
  const bodyText = sourceCode.text.slice(start, fn.range[1]).trim();
  return fixer.replaceTextRange([start, fn.range[1]], ` { ${statement}; return ${bodyText}; }`);
}

/**
 * Inserts `statement` as the first statement of a function body, after any
 * directive prologue ('use server'), in the body's indentation and the file's
 * semicolon style. Comments stay with the code they describe.
 */
export function insertFirstStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  fn: FunctionNode,
  statement: string,
): TSESLint.RuleFix {
  if (fn.body.type !== 'BlockStatement') return insertIntoExpressionBody(fixer, sourceCode, fn as TSESTree.ArrowFunctionExpression, statement);
  const body = fn.body;
  const lastDirective = getLastDirective(body.body);
  const next = body.body[lastDirective ? body.body.indexOf(lastDirective) + 1 : 0];
  const text = `${statement}${getSemicolon(sourceCode, body, next)}`;
  const anchor = lastDirective ?? sourceCode.getFirstToken(body);
  if (!anchor) return fixer.insertTextAfterRange([body.range[0], body.range[0] + 1], text);

  // `{ return x; }` on one line: stay on that line, where only a semicolon
  // separates the two statements (`{ await connection() return x }` would not parse).
  if (next && next.loc.start.line === anchor.loc.end.line) return fixer.insertTextBefore(next, `${statement}; `);

  const firstInside = sourceCode.getTokenAfter(anchor, { includeComments: true });
  const indentSource = firstInside && firstInside !== sourceCode.getLastToken(body) ? firstInside : undefined;
  const indent = indentSource
    ? getLineIndent(sourceCode, indentSource.loc.start.line)
    : `${getLineIndent(sourceCode, body.loc.start.line)}  `;
  return fixer.insertTextAfterRange([0, getEndOfLineAfter(sourceCode, anchor)], `\n${indent}${text}`);
}
