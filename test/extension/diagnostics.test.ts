import { Linter } from 'eslint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import { describe, expect, it } from 'vitest';
import { toProblem } from '../../extension/src/server/diagnostics';
import { createPositionMapper } from '../../extension/src/server/positions';
import { normalizeSettings } from '../../extension/src/shared/settings';
import { lintAsServer, lintMessages, readFixture } from './helpers';
import { applyFix } from '../support/lint-config.mjs';

const POOL_EXPRESSION = 'new Pool({ connectionString: process.env.DATABASE_URL })';

describe('toProblem with the real rules', () => {
  it('gives the rule id, source, docs link, severity and the exact range of the reported node', () => {
    const { document, problems } = lintAsServer('pages/api/users.ts', readFixture('pages/api/users.ts'));
    expect(problems).toHaveLength(1);
    const { diagnostic } = problems[0]!;
    expect(diagnostic).toMatchObject({
      source: 'next-db',
      code: 'no-pool-in-handler',
      severity: DiagnosticSeverity.Error,
      codeDescription: { href: 'https://github.com/next-db/next-db/blob/main/docs/rules/no-pool-in-handler.md' },
    });
    expect(diagnostic.range.start.line).toBe(5);
    expect(document.getText(diagnostic.range)).toBe(POOL_EXPRESSION);
  });

  it('keeps ranges right with CRLF line endings, non-ASCII text and a node spanning lines', () => {
    const text = readFixture('pages/api/users.ts')
      .replace('// Pages Router API route', '// Ünïcödé 🚀 — « Pages Router » API route')
      .replace(POOL_EXPRESSION, 'new Pool({\n    connectionString: "é🚀",\n  })')
      .replace(/\n/g, '\r\n');
    const { document, problems } = lintAsServer('pages/api/users.ts', text);
    expect(problems).toHaveLength(1);
    const { range } = problems[0]!.diagnostic;
    expect([range.start.line, range.end.line]).toEqual([5, 7]);
    expect(document.getText(range)).toBe('new Pool({\r\n    connectionString: "é🚀",\r\n  })');
  });

  it('maps suggestion edits so that applying one gives the text ESLint would', () => {
    const text = `// “quotes” 🚀\r\n${readFixture('app/api/users/route.ts').replace(/\n/g, '\r\n')}`;
    const { document, problems } = lintAsServer('app/api/users/route.ts', text);
    const [message] = lintMessages('app/api/users/route.ts', text);
    const eslintFix = message?.suggestions?.[0]?.fix;
    expect(eslintFix).toBeDefined();
    const expected = applyFix(text, eslintFix!);
    expect(TextDocument.applyEdits(document, [problems[0]!.suggestions[0]!.edit])).toBe(expected);
    expect(problems[0]!.suggestions[0]!.title).toBe(message!.suggestions![0]!.desc);
  });

  it('reports nothing, and does not throw, for a file with a syntax error', () => {
    const text = `${readFixture('pages/api/users.ts')}\nexport const broken = (;\n`;
    expect(lintMessages('pages/api/users.ts', text).some((message) => message.fatal)).toBe(true);
    expect(lintAsServer('pages/api/users.ts', text).problems).toEqual([]);
  });

  it('uses the severity from the settings', () => {
    const settings = normalizeSettings({ rules: { 'next-db/no-pool-in-handler': 'warn' } });
    const { problems } = lintAsServer('pages/api/users.ts', readFixture('pages/api/users.ts'), { settings });
    expect(problems[0]?.diagnostic.severity).toBe(DiagnosticSeverity.Warning);
  });
});

/** A rule that reports every identifier named `target`, to test positions ESLint computes itself. */
const reportTarget = {
  meta: { type: 'problem' as const, schema: [], fixable: 'code' as const },
  create(context: { report(descriptor: object): void }) {
    return {
      Identifier(node: { name: string; range: [number, number] }) {
        if (node.name === 'target') context.report({ node, message: 'found', fix: () => ({ range: node.range, text: 'found' }) });
      },
    };
  },
};

function lintWithTestRule(text: string): { document: TextDocument; messages: Linter.LintMessage[] } {
  const linter = new Linter();
  const messages = linter.verify(text, {
    plugins: { 'next-db': { rules: { 'report-target': reportTarget } } },
    rules: { 'next-db/report-target': 'error' },
  } as Linter.Config);
  return { document: TextDocument.create('file:///x.js', 'javascript', 1, text), messages };
}

describe('positions ESLint and LSP count differently', () => {
  it('handles U+2028, which ESLint treats as a line break and LSP does not', () => {
    const text = 'const s = "a\u2028b";\nconst target = 1;\n';
    const { document, messages } = lintWithTestRule(text);
    expect(messages[0]?.line).toBe(3);
    const problem = toProblem(messages[0]!, createPositionMapper(document), undefined)!;
    expect(problem.diagnostic.range.start.line).toBe(1);
    expect(document.getText(problem.diagnostic.range)).toBe('target');
    expect(TextDocument.applyEdits(document, [problem.fix!])).toBe('const s = "a\u2028b";\nconst found = 1;\n');
  });

  it('handles lone \\r line endings and astral characters before the node (two UTF-16 code units each)', () => {
    const text = 'const a = "🚀";\rconst s = "𝒳𝒴"; const target = 1;\r';
    const { document, messages } = lintWithTestRule(text);
    const problem = toProblem(messages[0]!, createPositionMapper(document), undefined)!;
    expect(problem.diagnostic.range.start).toEqual({ line: 1, character: 'const s = "𝒳𝒴"; const '.length });
    expect(document.getText(problem.diagnostic.range)).toBe('target');
    expect(TextDocument.applyEdits(document, [problem.fix!])).toBe('const a = "🚀";\rconst s = "𝒳𝒴"; const found = 1;\r');
  });

  it('handles a byte order mark, which ESLint strips before computing offsets', () => {
    const text = '\uFEFFconst target = 1;\n';
    const { document, messages } = lintWithTestRule(text);
    const problem = toProblem(messages[0]!, createPositionMapper(document), undefined)!;
    expect(document.getText(problem.diagnostic.range)).toBe('target');
    expect(TextDocument.applyEdits(document, [problem.fix!])).toBe('\uFEFFconst found = 1;\n');
  });

  it('ignores messages that belong to no next-db rule, and clamps positions past the end', () => {
    const document = TextDocument.create('file:///x.js', 'javascript', 1, 'a\n');
    const mapper = createPositionMapper(document);
    expect(toProblem({ ruleId: null, message: 'Parsing error', line: 1, column: 1, severity: 2, fatal: true }, mapper, undefined)).toBeUndefined();
    expect(toProblem({ ruleId: 'other/rule', message: 'x', line: 1, column: 1, severity: 2 }, mapper, undefined)).toBeUndefined();
    const problem = toProblem({ ruleId: 'next-db/x', message: 'x', line: 9, column: 40, severity: 1 }, mapper, undefined)!;
    expect(problem.diagnostic.range).toEqual({ start: { line: 1, character: 0 }, end: { line: 1, character: 0 } });
    expect(problem.diagnostic.severity).toBe(DiagnosticSeverity.Warning);
  });
});
