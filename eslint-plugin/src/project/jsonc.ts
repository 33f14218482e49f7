import { parse, type ParseError } from 'jsonc-parser';

/**
 * Parses JSON with comments and trailing commas the way TypeScript reads
 * tsconfig.json: tolerant of errors, keeping what it could read. Undefined when
 * the text holds no object at all.
 */
export function parseJsonc(text: string): Record<string, unknown> | undefined {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
