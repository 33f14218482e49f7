import * as path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { recommendedFlatConfig } from '../support/lint-config.mjs';

const CWD = path.resolve(import.meta.dirname, '../fixtures/example-app');
const CODE = "import { Pool } from 'pg';\nexport default async function handler(req, res) {\n  const pool = new Pool();\n  res.json(await pool.query('x'));\n}\n";

function lint(text: string): Linter.LintMessage[] {
  return new Linter({ cwd: CWD }).verify(text, recommendedFlatConfig(plugin), { filename: path.join(CWD, 'pages/api/bom.ts') });
}

describe('the plugin on a file starting with two byte order marks (issue 9)', () => {
  it('reports the problem but offers no suggestion, since ESLint hands the rules ranges one off from the text', () => {
    const [message] = lint(`\uFEFF\uFEFF${CODE}`);
    expect(message?.ruleId).toBe('next-db/no-pool-in-handler');
    expect(message?.suggestions).toBeUndefined();
  });

  it('still offers it with one BOM or none', () => {
    expect(lint(`\uFEFF${CODE}`)[0]?.suggestions).toHaveLength(1);
    expect(lint(CODE)[0]?.suggestions).toHaveLength(1);
  });
});
