import type { TSESTree } from '@typescript-eslint/utils';

type Range = Readonly<TSESTree.Range>;

/** A node, token or comment: anything with a source range. */
interface Ranged {
  readonly range: Range;
}

function toRange(value: Ranged | Range): Range {
  return 'range' in value ? value.range : value;
}

/** Whether `inner` lies within `outer` in the source text, both ends included. */
export function isInside(inner: Ranged | Range, outer: Ranged | Range): boolean {
  const [innerStart, innerEnd] = toRange(inner);
  const [outerStart, outerEnd] = toRange(outer);
  return innerStart >= outerStart && innerEnd <= outerEnd;
}
