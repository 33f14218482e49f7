import type { TSESLint } from '@typescript-eslint/utils';

/** A planned edit, and whether `eslint --fix` may apply it (its result provably keeps the meaning). */
export interface PlannedFix {
  fix: TSESLint.ReportFixFunction;
  isAutofix: boolean;
}

/**
 * The fix part of a report: the autofix where it is safe, else the same edit
 * as a suggestion, else nothing (the problem is reported without an edit).
 */
export function fixOrSuggest<MessageId extends string>(
  planned: PlannedFix | undefined,
  suggestionId: MessageId | undefined,
): Pick<TSESLint.ReportDescriptor<MessageId>, 'fix' | 'suggest'> {
  if (!planned) return {};
  if (planned.isAutofix) return { fix: planned.fix };
  return suggestionId === undefined ? {} : { suggest: [{ messageId: suggestionId, fix: planned.fix }] };
}
