import type { TSESTree } from '@typescript-eslint/utils';
import { getLineIndent } from './source-positions';
import type { SourceCode } from '../ast/source-code';

/** Whether a template literal inside `node` spans lines, so that re-indenting would change a string. */
export function hasMultilineTemplate(sourceCode: SourceCode, node: TSESTree.Node): boolean {
  // The node's own tokens, found by the token store's index: not every token of the file for each fix.
  return sourceCode.getTokens(node).some((token) => token.type === 'Template' && token.value.includes('\n'));
}

/**
 * Re-indents the text of `node` (possibly edited) for a new place at
 * `indentation`: every line after the first loses the indentation of the line
 * the node started on. Left as it is when it holds a multi-line template.
 */
export function reindentNodeText(
  sourceCode: SourceCode,
  node: TSESTree.Node,
  text: string,
  indentation = '',
): string {
  if (!text.includes('\n') || hasMultilineTemplate(sourceCode, node)) return text;
  const original = getLineIndent(sourceCode, node.loc.start.line);
  return text
    .split('\n')
    .map((item, index) => (index > 0 && item.startsWith(original) ? indentation + item.slice(original.length) : item))
    .join('\n');
}
