import type { Linter as LinterType, SourceCode } from 'eslint';
import { Linter } from 'eslint/universal';
import * as tsParser from '@typescript-eslint/parser';
import { plugin } from '../../../eslint-plugin/src/editor';
import { DEFAULT_SETTINGS, type NextDbSettings } from '../shared/settings';
import { countLeadingBoms } from './positions';
import { buildRulesConfig, hasEnabledRule } from './rule-config';
import { LINTABLE_EXTENSIONS, MAX_LINT_LENGTH } from './lintable';
import { mayConcernRules } from './trigger-words';

export { LINTABLE_EXTENSIONS, MAX_LINT_LENGTH, isLintablePath } from './lintable';
// The server reaches the plugin only through this module (a bundle of its own, dist/lint.js), so that
// dist/server-main.js stays free of TypeScript and the rules and the server share one project model.
export { RULE_NAMES, getDocsUrl, getPresetRules, getRuleFacts } from './rule-config';
export { findUnrecognisedApp } from './app-recognition';
export { forgetOpenDocument, forgetProjectFiles, logSkippedFiles, trackOpenDocument } from './project-sync';

export interface LintRequest {
  text: string;
  /** Absolute path of the file, so that file-kind detection works as on the CLI. */
  filename: string;
  /** The workspace folder: ESLint's cwd, which `next.rootDir` is relative to. */
  cwd: string;
  settings: NextDbSettings;
  /** Rules left to the ESLint extension ("not twice"). */
  excludedRules?: ReadonlySet<string>;
  /** Lint even when no trigger word occurs (tests compare both ways). */
  noSkip?: boolean;
}

export interface LintOutcome {
  messages: LinterType.LintMessage[];
  /** True when the text contained no trigger word and was not parsed. */
  skipped: boolean;
  /** Set when a rule or the parser threw; the messages are then empty. */
  error?: string;
  /** The parsed file, when it was linted. */
  sourceCode?: SourceCode;
  /** True when the text is over `MAX_LINT_LENGTH` and was not parsed. */
  tooLarge?: boolean;
}

function buildConfig(settings: NextDbSettings, rules: LinterType.RulesRecord): LinterType.Config[] {
  return [
    {
      files: LINTABLE_EXTENSIONS.map((extension) => `**/*.${extension}`),
      languageOptions: {
        parser: tsParser as LinterType.Parser,
        ecmaVersion: 'latest',
        sourceType: 'module',
        // No rule reads JSDoc; skipping it makes parsing, most of a lint, a little cheaper.
        parserOptions: { ecmaFeatures: { jsx: true }, jsDocParsingMode: 'none' },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      plugins: { 'next-db': plugin },
      settings: { next: { rootDir: settings.next.rootDir, host: settings.next.host === 'auto' ? undefined : settings.next.host } },
      rules,
    },
    { files: ['**/*.cjs', '**/*.cts'], languageOptions: { sourceType: 'commonjs' } },
  ];
}

const linters = new Map<string, Linter>();

/** One Linter per cwd: the rules read `context.cwd`. */
function getLinter(cwd: string): Linter {
  let linter = linters.get(cwd);
  if (linter === undefined) {
    linter = new Linter({ cwd });
    linters.set(cwd, linter);
  }
  return linter;
}

function prepare(request: LintRequest): { linter: Linter; config: LinterType.Config[] } | undefined {
  const rules = buildRulesConfig(request.settings, request.excludedRules ?? new Set());
  if (!hasEnabledRule(rules)) return undefined;
  if (request.noSkip !== true && !mayConcernRules(request.text, request.filename, request.cwd, request.settings.poolFactories)) return undefined;
  return { linter: getLinter(request.cwd), config: buildConfig(request.settings, rules) };
}

/** The text ESLint is given: with no byte order mark, parser and rules count offsets alike (see `countLeadingBoms`). */
function withoutBoms(text: string): string {
  return text.slice(countLeadingBoms(text));
}

/** Lints one text. Never throws: a crashing rule or parser yields no messages and an `error`. */
export function lintText(request: LintRequest): LintOutcome {
  if (request.text.length > MAX_LINT_LENGTH) return { messages: [], skipped: true, tooLarge: true };
  const prepared = prepare(request);
  if (prepared === undefined) return { messages: [], skipped: true };
  try {
    const messages = prepared.linter.verify(withoutBoms(request.text), prepared.config, { filename: request.filename });
    return { messages, skipped: false, sourceCode: prepared.linter.getSourceCode() };
  } catch (error) {
    return { messages: [], skipped: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

/** The text after all autofixes (up to ESLint's 10 passes, like `eslint --fix`), or undefined if nothing changes. */
export function fixText(request: LintRequest): string | undefined {
  if (request.text.length > MAX_LINT_LENGTH) return undefined;
  const prepared = prepare(request);
  if (prepared === undefined) return undefined;
  try {
    const boms = request.text.slice(0, countLeadingBoms(request.text));
    const report = prepared.linter.verifyAndFix(withoutBoms(request.text), prepared.config, { filename: request.filename });
    return report.fixed ? boms + report.output : undefined;
  } catch {
    return undefined;
  }
}

/** A folder that does not exist: the warm-up reads nothing of the user's workspace. */
const WARM_UP_ROOT = '/next-db-warm-up';
const WARM_UP_FILE = `${WARM_UP_ROOT}/app/api/warm-up/route.ts`;
const WARM_UP_TEXT = `import { Pool } from 'pg';
import Database from 'better-sqlite3';
const db = new Database(':memory:');
export async function GET(request: Request): Promise<Response> {
  const pool = new Pool();
  const rows = db.prepare('SELECT 1').all();
  const { rowCount } = await pool.query('SELECT 1');
  return Response.json({ rows, rowCount, url: request.url });
}
`;

/**
 * Lints a small made-up route once, with a linter of its own, so that the
 * parser, ESLint and the rules are compiled before the user's first file:
 * the first lint of a process took 0.5–0.7 s, later ones a few milliseconds.
 * Returns the time it took; the result is dropped.
 */
export function warmUp(): number {
  const started = performance.now();
  try {
    const config = buildConfig(DEFAULT_SETTINGS, buildRulesConfig(DEFAULT_SETTINGS, new Set()));
    new Linter({ cwd: WARM_UP_ROOT }).verify(WARM_UP_TEXT, config, { filename: WARM_UP_FILE });
  } catch {
    // A warm-up that fails costs the first lint its speed, nothing else.
  }
  return performance.now() - started;
}
