import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, TextDocumentEdit } from 'vscode-languageserver/node';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { toRuleName } from '../shared/settings';
import { type ApplyEditsArgs, FIX_ALL_KIND, type FixAllArgs, ServerCommands } from '../shared/protocol';
import { type Problem, getDiagnosticKey } from './diagnostics';
import { getDisableFileEdit, getDisableLineEdit } from './disable-comments';

/** The problems found in one version of one document, kept for its code actions. */
export interface LintedDocument {
  uri: string;
  version: number;
  problems: Map<string, Problem>;
}

export function createLintedDocument(uri: string, version: number, problems: readonly Problem[]): LintedDocument {
  return { uri, version, problems: new Map(problems.map((problem) => [getDiagnosticKey(problem.diagnostic), problem])) };
}

export function hasAutofix(linted: LintedDocument): boolean {
  return [...linted.problems.values()].some((problem) => problem.fix !== undefined);
}

/** ESLint autofixes carry no title: the rule names what each one does, by the message it fixes. */
function getFixTitle(problem: Problem): string {
  return problem.fixTitle ?? `Fix this ${toRuleName(problem.ruleId)} problem`;
}

/**
 * Every action runs through a server command carrying the version it was
 * computed for, so the server refuses it once the text has changed.
 */
function editAction(
  title: string,
  linted: LintedDocument,
  edits: TextEdit[],
  diagnostic: Diagnostic,
  isPreferred = false,
): CodeAction {
  const args: ApplyEditsArgs = { uri: linted.uri, version: linted.version, edits };
  const action: CodeAction = {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: ServerCommands.applyEdits, arguments: [args] },
  };
  if (isPreferred) action.isPreferred = true;
  return action;
}

function ruleActions(document: TextDocument, linted: LintedDocument, problem: Problem, docsUrl: string | undefined): CodeAction[] {
  const { ruleId, diagnostic } = problem;
  const name = toRuleName(ruleId);
  const line = diagnostic.range.start.line;
  const actions: CodeAction[] = [];
  // A comment above a line that starts inside a template literal would land in the string.
  if (!problem.inString) {
    const edit = getDisableLineEdit(document, line, ruleId, problem.inJsxChildren);
    actions.push(editAction(`Disable ${name} for this line`, linted, [edit], diagnostic));
  }
  actions.push(editAction(`Disable ${name} for this file`, linted, [getDisableFileEdit(document, ruleId)], diagnostic));
  if (docsUrl !== undefined) {
    const title = `Show documentation for ${name}`;
    actions.push({
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      command: { title, command: ServerCommands.showDocumentation, arguments: [docsUrl] },
    });
  }
  return actions;
}

const FIX_ALL_TITLE = 'Fix all next-db problems in this file';

/** "Fix all" in the quick-fix menu: a command, so the edit is computed for the version at hand when chosen. */
function getFixAllAction(linted: LintedDocument): CodeAction {
  const args: FixAllArgs = { uri: linted.uri, version: linted.version };
  return {
    title: FIX_ALL_TITLE,
    kind: CodeActionKind.QuickFix,
    command: { title: FIX_ALL_TITLE, command: ServerCommands.fixAll, arguments: [args] },
  };
}

/** `source.fixAll.next-db` for `editor.codeActionsOnSave`: the edit itself, for the version it was computed for. */
export function getSourceFixAllAction(uri: string, version: number, edit: TextEdit): CodeAction {
  return {
    title: FIX_ALL_TITLE,
    kind: FIX_ALL_KIND,
    edit: { documentChanges: [TextDocumentEdit.create({ uri, version }, [edit])] },
  };
}

/**
 * The quick fixes for the diagnostics the client asks about, in this order:
 * each autofix (preferred), fix all, each suggestion, then per rule: disable
 * for the line, disable for the file, and the documentation.
 * `document` must be at `linted.version`; otherwise there is nothing to offer.
 */
export function toCodeActions(
  document: TextDocument,
  linted: LintedDocument,
  diagnostics: readonly Diagnostic[],
  getDocsUrl: (ruleId: string) => string | undefined,
): CodeAction[] {
  if (document.version !== linted.version) return [];
  const problems = diagnostics.flatMap((diagnostic) => {
    const problem = linted.problems.get(getDiagnosticKey(diagnostic));
    return problem === undefined ? [] : [problem];
  });
  if (problems.length === 0) return [];

  const actions = problems.flatMap((problem) =>
    problem.fix === undefined ? [] : [editAction(getFixTitle(problem), linted, [problem.fix], problem.diagnostic, true)],
  );
  if (hasAutofix(linted)) actions.push(getFixAllAction(linted));
  for (const problem of problems) {
    for (const suggestion of problem.suggestions) actions.push(editAction(suggestion.title, linted, [suggestion.edit], problem.diagnostic));
  }

  const seenRules = new Set<string>();
  for (const problem of problems) {
    if (seenRules.has(problem.ruleId)) continue;
    seenRules.add(problem.ruleId);
    actions.push(...ruleActions(document, linted, problem, getDocsUrl(problem.ruleId)));
  }
  return actions;
}
