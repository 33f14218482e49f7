import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getEndOfLineAfter } from '../../utils/fix/source-positions';

/** Inserts `code` on a new line after the last of `statements` (and the comments that end its line). */
export function insertAfterStatement(
  fixer: TSESLint.RuleFixer,
  sourceCode: Readonly<TSESLint.SourceCode>,
  statements: ReadonlyArray<TSESTree.ProgramStatement | undefined>,
  code: string,
): TSESLint.RuleFix {
  const anchor = statements.reduce<TSESTree.ProgramStatement | undefined>(
    (last, statement) => (statement && (!last || statement.range[0] > last.range[0]) ? statement : last),
    undefined,
  );
  if (!anchor) return fixer.insertTextAfterRange([0, 0], `${code}\n`);
  return fixer.insertTextAfterRange([0, getEndOfLineAfter(sourceCode, anchor)], `\n${code}`);
}
