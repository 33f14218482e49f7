import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The fixes with the file's own line endings: the fix helpers write `\n`,
 * which would leave a CRLF file (Windows, `core.autocrlf`) with mixed endings.
 */
export function matchLineEndings(sourceCode: Readonly<TSESLint.SourceCode>, fixes: TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  if (!/\r\n/.test(sourceCode.text)) return fixes;
  return fixes.map((fix) => ({ range: fix.range, text: fix.text.replace(/\r?\n/g, '\r\n') }));
}
