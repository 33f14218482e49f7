import { Linter } from 'eslint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { createLintedDocument, toCodeActions } from '../../extension/src/server/code-actions';
import { getDisableFileEdit, getDisableLineEdit } from '../../extension/src/server/disable-comments';
import { startsInJsxChildren } from '../../extension/src/server/jsx-context';
import { startsInsideString } from '../../extension/src/server/string-context';
import { getDocsUrl } from '../../extension/src/server/rule-config';
import { getReplaceAllEdit } from '../../extension/src/server/text-edits';
import { type ApplyEditsArgs, ServerCommands } from '../../extension/src/shared/protocol';
import { lintAsServer, readFixture } from './helpers';

const RULE = 'next-db/no-pool-in-handler';

function doc(text: string): TextDocument {
  return TextDocument.create('file:///w/app/page.tsx', 'typescriptreact', 1, text);
}

function apply(document: TextDocument, edit: ReturnType<typeof getDisableLineEdit>): string {
  return TextDocument.applyEdits(document, [edit]);
}

describe('disable comments', () => {
  it('puts disable-next-line above the line, with its indentation and the file line ending', () => {
    const document = doc('function f() {\r\n    const pool = new Pool();\r\n}\r\n');
    expect(apply(document, getDisableLineEdit(document, 1, RULE))).toBe(
      'function f() {\r\n    // eslint-disable-next-line next-db/no-pool-in-handler\r\n    const pool = new Pool();\r\n}\r\n',
    );
  });

  it('adds the rule to an existing disable-next-line comment, before its description', () => {
    const document = doc('  // eslint-disable-next-line no-console -- debugging\n  console.log(new Pool());\n');
    expect(apply(document, getDisableLineEdit(document, 1, RULE))).toBe(
      '  // eslint-disable-next-line no-console, next-db/no-pool-in-handler -- debugging\n  console.log(new Pool());\n',
    );
  });

  it.each([
    ['a block comment', false, '  /* eslint-disable-next-line no-console */', '  /* eslint-disable-next-line no-console, next-db/no-pool-in-handler */'],
    ['a JSX comment', true, '  {/* eslint-disable-next-line no-console -- noisy */}', '  {/* eslint-disable-next-line no-console, next-db/no-pool-in-handler -- noisy */}'],
  ])('adds the rule to an existing disable-next-line in %s, which must stay right above the line', (_, inJsx, comment, expected) => {
    const document = doc(`${comment}\r\n  console.log(new Pool());\r\n`);
    expect(apply(document, getDisableLineEdit(document, 1, RULE, inJsx))).toBe(`${expected}\r\n  console.log(new Pool());\r\n`);
  });

  it('among JSX children, treats a // line above as the text it is, and adds a JSX comment', () => {
    const document = doc('    // eslint-disable-next-line no-console\n    {new Pool()}\n');
    expect(apply(document, getDisableLineEdit(document, 1, RULE, true))).toBe(
      '    // eslint-disable-next-line no-console\n    {/* eslint-disable-next-line next-db/no-pool-in-handler */}\n    {new Pool()}\n',
    );
  });

  it('keeps an existing block disable-next-line comment in effect, as ESLint sees it', () => {
    const text = [
      "import { Pool } from 'pg';",
      'export async function GET() {',
      '  /* eslint-disable-next-line no-console */',
      '  console.log(new Pool());',
      '}',
      '',
    ].join('\n');
    const { document, problems } = lintAsServer('app/api/users/route.ts', text);
    expect(problems).toHaveLength(1);
    const disabled = apply(document, getDisableLineEdit(document, problems[0]!.diagnostic.range.start.line, RULE));
    expect(lintAsServer('app/api/users/route.ts', disabled).problems).toEqual([]);
    const consoleMessages = new Linter().verify(disabled, { rules: { 'no-console': 'error' } }, { filename: 'route.js' });
    expect(consoleMessages.filter((message) => message.ruleId === 'no-console')).toEqual([]);
  });

  it('inserts with the file\'s own line ending, lone \\r included', () => {
    const document = doc('function f() {\r  new Pool();\r}\r');
    expect(apply(document, getDisableLineEdit(document, 1, RULE))).toBe(
      'function f() {\r  // eslint-disable-next-line next-db/no-pool-in-handler\r  new Pool();\r}\r',
    );
  });

  it("puts the file comment before a 'use client' directive, which stays a directive", () => {
    const document = doc("'use client';\n\nexport default function Page() {}\n");
    expect(apply(document, getDisableFileEdit(document, RULE))).toBe(
      "/* eslint-disable next-db/no-pool-in-handler */\n'use client';\n\nexport default function Page() {}\n",
    );
  });

  it('puts the file comment after a hashbang', () => {
    const document = doc('#!/usr/bin/env node\nconst x = 1;\n');
    expect(apply(document, getDisableFileEdit(document, RULE))).toBe(
      '#!/usr/bin/env node\n/* eslint-disable next-db/no-pool-in-handler */\nconst x = 1;\n',
    );
  });
});

describe('getReplaceAllEdit', () => {
  it('replaces only the span that differs, without splitting a surrogate pair', () => {
    const document = doc('const a = "🚀";\nconst b = 2;\n');
    const edit = getReplaceAllEdit(document, 'const a = "🚁";\nconst b = 2;\n');
    expect(edit.range).toEqual({ start: { line: 0, character: 11 }, end: { line: 0, character: 13 } });
    expect(TextDocument.applyEdits(document, [edit])).toBe('const a = "🚁";\nconst b = 2;\n');
  });

  it('handles insertions at either end and identical texts', () => {
    const document = doc('b\n');
    expect(TextDocument.applyEdits(document, [getReplaceAllEdit(document, 'a\nb\n')])).toBe('a\nb\n');
    expect(TextDocument.applyEdits(document, [getReplaceAllEdit(document, 'b\nc\n')])).toBe('b\nc\n');
    expect(getReplaceAllEdit(document, 'b\n').newText).toBe('');
  });
});

describe('toCodeActions', () => {
  const text = readFixture('pages/api/users.ts');
  const { document, problems } = lintAsServer('pages/api/users.ts', text);
  const linted = createLintedDocument(document.uri, document.version, problems);
  const diagnostics = problems.map((problem) => problem.diagnostic);

  it('offers the suggestion, disable for line and file, and the documentation, in that order', () => {
    const actions = toCodeActions(document, linted, diagnostics, getDocsUrl);
    expect(actions.map((action) => action.title)).toEqual([
      problems[0]!.suggestions[0]!.title,
      'Disable no-pool-in-handler for this line',
      'Disable no-pool-in-handler for this file',
      'Show documentation for no-pool-in-handler',
    ]);
    expect(actions.every((action) => action.kind === 'quickfix')).toBe(true);
    expect(actions[3]!.command).toEqual({
      title: 'Show documentation for no-pool-in-handler',
      command: ServerCommands.showDocumentation,
      arguments: ['https://github.com/next-db/next-db/blob/main/docs/rules/no-pool-in-handler.md'],
    });
  });

  it('carries the linted version in every edit command', () => {
    const actions = toCodeActions(document, linted, diagnostics, getDocsUrl).slice(0, 3);
    for (const action of actions) {
      const args = action.command?.arguments?.[0] as ApplyEditsArgs;
      expect(action.command?.command).toBe(ServerCommands.applyEdits);
      expect(args).toMatchObject({ uri: document.uri, version: 1 });
    }
  });

  it('marks an autofix as preferred and offers "fix all" when the file has one', () => {
    const withFix = problems.map((problem) => ({ ...problem, fix: { range: problem.diagnostic.range, newText: 'x' } }));
    const actions = toCodeActions(document, createLintedDocument(document.uri, 1, withFix), diagnostics, getDocsUrl);
    expect(actions[0]).toMatchObject({ title: 'Fix this no-pool-in-handler problem', isPreferred: true });
    expect(actions.map((action) => action.title)).toEqual([
      'Fix this no-pool-in-handler problem',
      'Fix all next-db problems in this file',
      problems[0]!.suggestions[0]!.title,
      'Disable no-pool-in-handler for this line',
      'Disable no-pool-in-handler for this file',
      'Show documentation for no-pool-in-handler',
    ]);
    expect(actions.filter((action) => action.isPreferred)).toHaveLength(1);
  });

  it('names the require-connection autofix after what it inserts', () => {
    const data = lintAsServer('app/lib/data.ts', readFixture('app/lib/data.ts'));
    const actions = toCodeActions(
      data.document,
      createLintedDocument(data.document.uri, data.document.version, data.problems),
      data.problems.map((problem) => problem.diagnostic),
      getDocsUrl,
    );
    expect(actions.slice(0, 2).map((action) => action.title)).toEqual([
      'Insert `await connection()` before the query',
      'Fix all next-db problems in this file',
    ]);
  });

  it('offers nothing for an outdated document or for diagnostics it did not produce', () => {
    const changed = TextDocument.update(TextDocument.create(document.uri, 'typescript', 1, text), [{ text: `${text}\n` }], 2);
    expect(toCodeActions(changed, linted, diagnostics, getDocsUrl)).toEqual([]);
    const foreign = { ...diagnostics[0]!, message: 'Some other problem' };
    expect(toCodeActions(document, linted, [foreign], getDocsUrl)).toEqual([]);
  });
});

describe('disable for the line among JSX children', () => {
  const relativePath = 'app/inline/page.tsx';
  const text = [
    "import Database from 'better-sqlite3';",
    '',
    "const db = new Database('app.db');",
    '',
    'export default async function Page() {',
    '  return (',
    '    <p>',
    "      {(db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n} users",
    '    </p>',
    '  );',
    '}',
    '',
  ].join('\n');

  it('uses a JSX comment, which ESLint honours and React does not render', () => {
    const { document, problems } = lintAsServer(relativePath, text);
    expect(problems.map((problem) => [problem.ruleId, problem.diagnostic.range.start.line])).toEqual([['next-db/require-connection', 7]]);
    expect(problems[0]!.inJsxChildren).toBe(true);
    const linted = createLintedDocument(document.uri, 1, problems);
    const action = toCodeActions(document, linted, [problems[0]!.diagnostic], getDocsUrl).find((candidate) =>
      candidate.title.startsWith('Disable require-connection for this line'),
    )!;
    const [edit] = (action.command!.arguments![0] as ApplyEditsArgs).edits;
    const disabled = TextDocument.applyEdits(document, [edit!]);
    expect(disabled.split('\n')[7]).toBe('      {/* eslint-disable-next-line next-db/require-connection */}');
    expect(lintAsServer(relativePath, disabled).problems).toEqual([]);
  });

  it.each([
    [1, 'plain code', false],
    [3, 'the root element of a return', false],
    [4, 'an attribute inside an opening tag', false],
    [5, 'an expression child', true],
    [6, 'an element child', true],
    [7, 'text', true],
    [8, 'a closing tag', true],
  ])('line %i, starting with %s: in JSX children %s', (line, _, expected) => {
    const source = [
      'const x = 1;',
      'const view = (',
      '  <div',
      '    id="a">',
      '    {x}',
      '    <span />',
      '    text',
      '  </div>',
      ');',
    ].join('\n');
    const linter = new Linter();
    linter.verify(source, { languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } }, { filename: 'x.js' });
    expect(startsInJsxChildren(linter.getSourceCode(), line)).toBe(expected);
  });
});

describe('a problem on a line that starts inside a template literal', () => {
  const relativePath = 'app/visits/page.tsx';
  const text = [
    "import Database from 'better-sqlite3';",
    "const db = new Database('app.db');",
    'export default async function Page() {',
    '  const html = `visits:',
    "  ${db.prepare('SELECT 1').get()}`;",
    '  return html;',
    '}',
    '',
  ].join('\n');

  it('is not offered "disable for this line", whose comment would land in the string; "for this file" works', () => {
    const { document, problems } = lintAsServer(relativePath, text);
    expect(problems.map((problem) => [problem.ruleId, problem.diagnostic.range.start.line])).toEqual([['next-db/require-connection', 4]]);
    const linted = createLintedDocument(document.uri, 1, problems);
    const actions = toCodeActions(document, linted, [problems[0]!.diagnostic], getDocsUrl);
    expect(actions.map((action) => action.title)).not.toContain('Disable require-connection for this line');
    const fileAction = actions.find((action) => action.title === 'Disable require-connection for this file')!;
    const disabled = TextDocument.applyEdits(document, (fileAction.command!.arguments![0] as ApplyEditsArgs).edits);
    expect(lintAsServer(relativePath, disabled).problems).toEqual([]);
  });

  it.each([
    [1, 'a plain line', false],
    [3, 'a line that opens a template', false],
    [4, 'a line inside a template', true],
    [5, 'a line that starts with the closing backtick', true],
    [6, 'the line after a template', false],
    [8, 'a line inside a string continued with a backslash', true],
  ])('line %i, %s: inside a string %s', (line, _, expected) => {
    const source = ['const a = 1;', 'const t =', '`one', 'two ${a}', '`;', 'const b = 2;', "const s = 'x\\", "y';"].join('\n');
    const linter = new Linter();
    linter.verify(source, {}, { filename: 'x.js' });
    expect(startsInsideString(linter.getSourceCode(), line)).toBe(expected);
  });
});
