import type { TSESTree } from '@typescript-eslint/utils';
import { hasMultilineTemplate } from './reindent';
import { getLineIndent } from './source-positions';
import { getUsedNames } from './unique-name';
import type { SourceCode } from '../ast/source-code';

/** Whether a name declared in the block is also used anywhere else in the file. */
function declaresCollidingNames(sourceCode: SourceCode, block: TSESTree.BlockStatement): boolean {
  const scope = sourceCode.scopeManager?.acquire(block);
  if (!scope || scope.variables.length === 0) return false;
  const elsewhere = getUsedNames(sourceCode, new Set(scope.variables));
  return scope.variables.some((variable) => elsewhere.has(variable.name));
}

/**
 * The block's statements, re-indented to stand where `container` (the
 * statement that owns the block) starts; undefined when lifting them out of
 * the block could change their meaning (a name they declare is used elsewhere)
 * or their text (a multi-line template literal).
 */
export function getUnwrappedBlockText(
  sourceCode: SourceCode,
  block: TSESTree.BlockStatement,
  container: TSESTree.Node,
): string | undefined {
  if (hasMultilineTemplate(sourceCode, block) || declaresCollidingNames(sourceCode, block)) return undefined;
  const text = sourceCode.text;
  const inner = text.slice(block.range[0] + 1, block.range[1] - 1);
  const lines = inner.split(/\r?\n/);
  while (lines.length > 0 && lines[0]?.trim() === '') lines.shift();
  while (lines.length > 0 && lines.at(-1)?.trim() === '') lines.pop();
  if (lines.length === 0) return '';
  if (block.loc.start.line === block.loc.end.line) return inner.trim();
  const outerIndentation = getLineIndent(sourceCode, container.loc.start.line);
  const innerIndentation = /^[ \t]*/.exec(lines[0] ?? '')?.[0] ?? '';
  const reindented = lines.map((line) =>
    line.startsWith(innerIndentation) ? outerIndentation + line.slice(innerIndentation.length) : line.trimStart() === '' ? '' : line,
  );
  return reindented.join('\n').slice(outerIndentation.length);
}
