import type { SourceCode } from 'eslint';

type MaybeJsxNode = { type: string; range?: [number, number]; parent?: MaybeJsxNode | null };

const JSX_PARENTS = new Set(['JSXElement', 'JSXFragment']);

/**
 * Whether a line starts among a JSX element's children, where `// …` would be
 * rendered as text: a disable comment there must be `{/* … *\/}`.
 */
export function startsInJsxChildren(sourceCode: SourceCode, line: number): boolean {
  const lineText = sourceCode.lines[line - 1];
  if (lineText === undefined) return false;
  const lineStart = sourceCode.getIndexFromLoc({ line, column: 0 });
  const offset = lineStart + (/^\s*/.exec(lineText)?.[0].length ?? 0);
  const node = sourceCode.getNodeByRangeIndex(offset) as MaybeJsxNode | null;
  if (node === null) return false;
  if (node.type === 'JSXText') return true;
  // The line starts with a child: `{expression}`, `<Element>` or `<>`.
  for (let current: MaybeJsxNode | null | undefined = node; current; current = current.parent) {
    if (current.range?.[0] !== offset) return false;
    if (current.parent && JSX_PARENTS.has(current.parent.type) && current.type !== 'JSXOpeningElement' && current.type !== 'JSXOpeningFragment') {
      return true;
    }
  }
  return false;
}
