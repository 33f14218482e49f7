import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Linter } from 'eslint';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Problem, toProblem } from '../../extension/src/server/diagnostics';
import { type LintRequest, lintText } from '../../extension/src/server/lint';
import { startsInJsxChildren } from '../../extension/src/server/jsx-context';
import { startsInsideString } from '../../extension/src/server/string-context';
import { createPositionMapper } from '../../extension/src/server/positions';
import { getRuleFacts } from '../../extension/src/server/rule-config';
import { normalizeSettings } from '../../extension/src/shared/settings';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const EXAMPLE_APP = path.join(ROOT, 'test/fixtures/example-app');

export function readFixture(relativePath: string): string {
  return fs.readFileSync(path.join(EXAMPLE_APP, relativePath), 'utf8');
}

/** The raw ESLint messages the server's lint step gives for a file of the example app. */
export function lintMessages(relativePath: string, text: string, overrides: Partial<LintRequest> = {}): Linter.LintMessage[] {
  const filename = path.join(EXAMPLE_APP, relativePath);
  return lintText({ text, filename, cwd: EXAMPLE_APP, settings: normalizeSettings({}), ...overrides }).messages;
}

/** Lints like the server does (same lint and conversion code, no LSP) and returns the problems. */
export function lintAsServer(
  relativePath: string,
  text: string,
  overrides: Partial<LintRequest> = {},
): { document: TextDocument; problems: Problem[] } {
  const filename = path.join(EXAMPLE_APP, relativePath);
  const document = TextDocument.create(`file://${filename}`, 'typescript', 1, text);
  const mapper = createPositionMapper(document);
  const outcome = lintText({ text, filename, cwd: EXAMPLE_APP, settings: normalizeSettings({}), ...overrides });
  const inJsxChildren = (line: number) => outcome.sourceCode !== undefined && startsInJsxChildren(outcome.sourceCode, line);
  const inString = (line: number) => outcome.sourceCode !== undefined && startsInsideString(outcome.sourceCode, line);
  const problems = outcome.messages.flatMap(
    (message) => toProblem(message, mapper, getRuleFacts(message), inJsxChildren, inString) ?? [],
  );
  return { document, problems };
}
