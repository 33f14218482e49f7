import type { TSESLint } from '@typescript-eslint/utils';

/**
 * The fixes with no two overlapping, which ESLint refuses (it throws, failing
 * the whole file). Two statements removed from one line, as in
 * `{ const pool = new Pool(); await pool.end(); }`, may both take the spaces
 * between them; only that shared whitespace is trimmed from the later fix.
 */
export function separateFixes(text: string, fixes: readonly TSESLint.RuleFix[]): TSESLint.RuleFix[] {
  const sorted = [...fixes].sort((a, b) => a.range[0] - b.range[0]);
  const result: TSESLint.RuleFix[] = [];
  let previousEnd = 0;
  for (const fix of sorted) {
    const [start, end] = fix.range;
    if (start < previousEnd && /^\s*$/.test(text.slice(start, Math.min(end, previousEnd)))) {
      if (end <= previousEnd) {
        if (fix.text === '') continue; // only shared whitespace: already removed
      } else {
        result.push({ range: [previousEnd, end], text: fix.text });
        previousEnd = end;
        continue;
      }
    }
    result.push(fix);
    previousEnd = Math.max(previousEnd, end);
  }
  return result;
}
