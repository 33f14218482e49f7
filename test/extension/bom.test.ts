import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { describe, expect, it } from 'vitest';
import { lintAsServer } from './helpers';

const CODE = [
  "import { Pool } from 'pg';",
  '',
  'export default async function handler(req, res) {',
  '  const pool = new Pool();',
  "  res.json(await pool.query('select 1'));",
  '}',
  '',
].join('\n');

function parses(text: string): boolean {
  const messages = new Linter().verify(text, { languageOptions: { parser: tsParser as Linter.Parser } }, { filename: 'x.ts' });
  return messages.every((message) => message.fatal !== true);
}

describe('files starting with byte order marks (issue 9)', () => {
  it.each([1, 2, 3])('with %i BOM(s), the diagnostic and the hoist suggestion use the offsets the parser used', (count) => {
    const text = '\uFEFF'.repeat(count) + CODE;
    const { document, problems } = lintAsServer('pages/api/bom.ts', text);
    expect(problems).toHaveLength(1);
    const { diagnostic, suggestions } = problems[0]!;
    expect(document.getText(diagnostic.range)).toBe('new Pool()');
    const fixed = TextDocument.applyEdits(document, [suggestions[0]!.edit]);
    expect(fixed.startsWith('\uFEFF'.repeat(count) + "import { Pool } from 'pg';")).toBe(true);
    expect(fixed).toContain('const pool = new Pool({ max: 5 });');
    expect(fixed).toContain("res.json(await pool.query('select 1'));");
    expect(parses(fixed.slice(count))).toBe(true);
  });
});
