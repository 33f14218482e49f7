import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../ast/cached-per';
import type { SourceCode } from '../ast/source-code';

/** Looked up once per file: every fix of every report asks. */
const usesCrlf = cachedPer((_program: TSESTree.Program, text: string) => /\r\n/.test(text));

/**
 * The fixes with the file's own line endings: the fix helpers write `\n`,
 * which would leave a CRLF file (Windows, `core.autocrlf`) with mixed endings.
 */
export function matchLineEndings(sourceCode: SourceCode, fixes: TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  if (!usesCrlf(sourceCode.ast, sourceCode.text)) return fixes;
  return fixes.map((fix) => ({ range: fix.range, text: fix.text.replace(/\r?\n/g, '\r\n') }));
}
