import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver/node';

/**
 * Edits that silence a rule with ESLint's own comment syntax, so that `eslint`
 * on the CLI honours them too.
 */

/** The file's first line ending (a file with lone `\r` endings keeps them), `\n` when it has none. */
function getEol(document: TextDocument): string {
  return /\r\n|\r|\n/.exec(document.getText())?.[0] ?? '\n';
}

function getLineText(document: TextDocument, line: number): string {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/\r?\n$|\r$/, '');
}

/**
 * A line holding only a disable-next-line comment in any of its forms:
 * `// …`, `/* … *\/` or, among JSX children, `{/* … *\/}`. Groups: the
 * opening up to the rule list, the rule list, then an optional `-- description`
 * and the closing. A new comment inserted below one of these would take its
 * place above the code line and un-silence its rules, so the rule is added to it.
 */
const DISABLE_NEXT_LINE = /^(\s*(?:\{\s*)?(?:\/\/|\/\*)\s*eslint-disable-next-line\s+)(.*?)(\s+-{2,}\s.*?)?(\s*\*\/\s*\}?)?\s*$/;

function isCommentOnly(match: RegExpExecArray, inJsxChildren: boolean): boolean {
  const opening = match[1] ?? '';
  const closing = match[4] ?? '';
  // Among JSX children, `// …` and `/* … */` without braces are text, not comments.
  if (inJsxChildren && !opening.includes('{')) return false;
  if (opening.includes('//')) return closing === '';
  return closing.includes('*/') && opening.includes('{') === closing.includes('}');
}

/**
 * `// eslint-disable-next-line <rule>` above the line, with that line's
 * indentation; added to an existing disable-next-line comment when there is one.
 * Among JSX children, where `//` would be rendered as text, the comment is
 * `{/* eslint-disable-next-line <rule> *\/}`.
 */
export function getDisableLineEdit(document: TextDocument, line: number, ruleId: string, inJsxChildren = false): TextEdit {
  const indentation = /^\s*/.exec(getLineText(document, line))?.[0] ?? '';
  const start = { line, character: 0 };
  if (line > 0) {
    const match = DISABLE_NEXT_LINE.exec(getLineText(document, line - 1));
    if (match !== null && isCommentOnly(match, inJsxChildren) && (match[2] ?? '').trim() !== '') {
      const end = (match[1] ?? '').length + (match[2] ?? '').length;
      return { range: { start: { line: line - 1, character: end }, end: { line: line - 1, character: end } }, newText: `, ${ruleId}` };
    }
  }
  if (inJsxChildren) {
    return { range: { start, end: start }, newText: `${indentation}{/* eslint-disable-next-line ${ruleId} */}${getEol(document)}` };
  }
  return { range: { start, end: start }, newText: `${indentation}// eslint-disable-next-line ${ruleId}${getEol(document)}` };
}

/**
 * `/* eslint-disable <rule> *\/` at the top of the file, after a hashbang.
 * It goes before a leading 'use client' / 'use server' directive: a comment
 * before a directive keeps it a directive, a statement would not.
 */
export function getDisableFileEdit(document: TextDocument, ruleId: string): TextEdit {
  const line = document.getText().startsWith('#!') ? 1 : 0;
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `/* eslint-disable ${ruleId} */${getEol(document)}` };
}
