// The plugin under oxlint's JS plugins: the same findings as ESLint on the
// example app, and `--fix` writes the same autofix. Runs the real oxlint on a
// copy of the app (the fix writes files), loading the built plugin (dist/).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { applyFix, recommendedFlatConfig } from '../support/lint-config.mjs';
import { EXAMPLE_APP_DIR, EXPECTED_FINDINGS } from '../support/example-app-findings';

const repoRoot = path.join(__dirname, '..', '..');
const oxlint = path.join(repoRoot, 'node_modules/.bin/oxlint');
// Outside the repository, whose .gitignore (test/.tmp/) oxlint would honour.
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-oxlint-'));
afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

fs.cpSync(EXAMPLE_APP_DIR, app, { recursive: true });
fs.writeFileSync(
  path.join(app, '.oxlintrc.json'),
  JSON.stringify({
    jsPlugins: [path.join(repoRoot, 'eslint-plugin/dist/index.js')],
    rules: Object.fromEntries(Object.keys(plugin.rules).map((rule) => [`next-db/${rule}`, 'error'])),
  }),
);

/** oxlint exits 1 when it finds errors; its JSON report is on stdout either way. */
function runOxlint(...args: string[]): string {
  try {
    return execFileSync(oxlint, ['-c', '.oxlintrc.json', ...args, '.'], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    return String((error as { stdout?: string }).stdout);
  }
}

describe('eslint-plugin-next-db under oxlint', () => {
  it('reports the example app as ESLint does', () => {
    const report = JSON.parse(runOxlint('--format', 'json')) as {
      diagnostics: Array<{ code: string; filename: string; labels: Array<{ span: { line: number; column: number } }> }>;
    };
    const findings = report.diagnostics
      .map((diagnostic) => ({
        file: diagnostic.filename,
        line: diagnostic.labels[0]?.span.line,
        column: diagnostic.labels[0]?.span.column,
        ruleId: diagnostic.code.replace(/^next-db\((.+)\)$/, 'next-db/$1'),
      }))
      .sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
    expect(findings).toEqual(EXPECTED_FINDINGS.map(({ file, line, column, ruleId }) => ({ file, line, column, ruleId })));
  }, 60_000);

  it('applies the same autofix with --fix', () => {
    const file = 'app/lib/data.ts';
    const original = fs.readFileSync(path.join(EXAMPLE_APP_DIR, file), 'utf8');
    const [message] = new Linter({ cwd: EXAMPLE_APP_DIR }).verify(original, recommendedFlatConfig(plugin), { filename: path.join(EXAMPLE_APP_DIR, file) });
    if (message?.fix === undefined) throw new Error(`ESLint offers no autofix for ${file}`);
    runOxlint('--fix');
    expect(fs.readFileSync(path.join(app, file), 'utf8')).toBe(applyFix(original, message.fix));
  }, 60_000);
});
