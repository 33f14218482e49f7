import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

/**
 * The position right after `nodeOrToken` and any comments that follow it on
 * the same line, so that code inserted on a new line there does not steal a
 * trailing comment (`'use server'; // actions`).
 */
export function getEndOfLineAfter(
  sourceCode: Readonly<TSESLint.SourceCode>,
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
export function getLineIndent(sourceCode: Readonly<TSESLint.SourceCode>, line: number): string {
  return /^[ \t]*/.exec(sourceCode.lines[line - 1] ?? '')?.[0] ?? '';
}

/** Whether a statement ends with its own semicolon, the file's style for new statements. */
export function endsWithSemicolon(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const last = sourceCode.getLastToken(node);
  return last?.type === 'Punctuator' && last.value === ';';
}
