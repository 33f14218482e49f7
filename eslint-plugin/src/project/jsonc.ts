import { parse, type ParseError } from 'jsonc-parser';

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * Parses JSON with comments and trailing commas the way TypeScript reads
 * tsconfig.json: tolerant of errors, keeping what it could read. Undefined when
 * the text holds no object at all. Plain JSON (every package.json, most
 * tsconfigs) goes through the native parser, several times faster; only text
 * it rejects is read by the tolerant one.
 */
export function parseJsonc(text: string): Record<string, unknown> | undefined {
  try {
    return asObject(JSON.parse(text));
  } catch {
    const errors: ParseError[] = [];
    return asObject(parse(text, errors, { allowTrailingComma: true, disallowComments: false }));
  }
}
