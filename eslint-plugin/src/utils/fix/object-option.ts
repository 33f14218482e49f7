import type { TSESTree } from '@typescript-eslint/utils';
import { getLineIndent } from './source-positions';
import type { SourceCode } from '../ast/source-code';

/** A text replacement, applied by the caller to the source or to a copy of part of it. */
export interface TextEdit {
  range: [number, number];
  text: string;
}

/** `max` stays as it is; a key that is not an identifier is quoted: `"pool-size"`. */
export function toPropertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

/** Whether an object literal sets `key` itself (spread values are not looked into). */
function hasOwnProperty(object: TSESTree.ObjectExpression, key: string): boolean {
  return object.properties.some(
    (property) =>
      property.type === 'Property' &&
      !property.computed &&
      ((property.key.type === 'Identifier' && property.key.name === key) ||
        (property.key.type === 'Literal' && String(property.key.value) === key)),
  );
}

/**
 * Adds `key: value` to an object literal that does not set `key`. It goes
 * first when the object spreads other values, so that a value they carry
 * still wins; otherwise last. Multi-line objects get a line of their own.
 */
export function getPropertyAddition(
  sourceCode: SourceCode,
  object: TSESTree.ObjectExpression,
  key: string,
  value: string,
): TextEdit | undefined {
  if (hasOwnProperty(object, key)) return undefined;
  const property = `${toPropertyKey(key)}: ${value}`;
  const first = object.properties[0];
  const last = object.properties.at(-1);
  if (!first || !last) return { range: object.range, text: `{ ${property} }` };
  const multiline = first.loc.start.line > object.loc.start.line;
  const indentation = getLineIndent(sourceCode, first.loc.start.line);
  if (object.properties.some((item) => item.type === 'SpreadElement')) {
    return { range: [first.range[0], first.range[0]], text: multiline ? `${property},\n${indentation}` : `${property}, ` };
  }
  const comma = sourceCode.getTokenAfter(last);
  if (comma?.value === ',') {
    return { range: [comma.range[1], comma.range[1]], text: multiline ? `\n${indentation}${property},` : ` ${property},` };
  }
  return { range: [last.range[1], last.range[1]], text: multiline ? `,\n${indentation}${property}` : `, ${property}` };
}

/** Wraps a non-literal options value so the key has a default: `{ max: 5, ...config }`. */
export function getSpreadWrapping(
  sourceCode: SourceCode,
  expression: TSESTree.Node,
  key: string,
  value: string,
): TextEdit {
  return { range: expression.range, text: `{ ${toPropertyKey(key)}: ${value}, ...${sourceCode.getText(expression)} }` };
}

/** Applies edits that lie inside `range` to that slice of the source. */
export function applyEditsToSlice(text: string, range: [number, number], edits: readonly TextEdit[]): string {
  let result = text.slice(range[0], range[1]);
  for (const edit of [...edits].sort((a, b) => b.range[0] - a.range[0])) {
    result = result.slice(0, edit.range[0] - range[0]) + edit.text + result.slice(edit.range[1] - range[0]);
  }
  return result;
}
