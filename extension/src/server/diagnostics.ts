import type { Linter } from 'eslint';
import { DiagnosticSeverity } from 'vscode-languageserver/node';
import type { Diagnostic, TextEdit } from 'vscode-languageserver/node';
import { RULE_ID_PREFIX, SETTINGS_SECTION, toRuleName } from '../shared/settings';
import type { PositionMapper } from './positions';

/** The plugin's namespace (test/plugin/editor.test.ts checks they agree). */
const DIAGNOSTIC_SOURCE = SETTINGS_SECTION;

/** What the plugin says of a message's rule, looked up by the lint module (the only one that loads the rules). */
export interface RuleFacts {
  docsUrl?: string;
  /** What the autofix does, when the rule names it (ESLint autofixes carry no title). */
  autofixTitle?: string;
}

/** One reported problem with its edits, converted for the document version it was linted at. */
export interface Problem {
  ruleId: string;
  /** The rule's message id, which tells what its autofix does. */
  messageId: string | undefined;
  diagnostic: Diagnostic;
  /** The autofix, if the rule offers one. */
  fix: TextEdit | undefined;
  /** The autofix's quick-fix title, when the rule names one. */
  fixTitle: string | undefined;
  suggestions: Array<{ title: string; edit: TextEdit }>;
  /** The problem's line starts among JSX children, where a disable comment must be `{/* … *\/}`. */
  inJsxChildren: boolean;
  /** The problem's line starts inside a template literal, where no disable-next-line comment can go. */
  inString: boolean;
}

type RuleTextEdit = NonNullable<Linter.LintMessage['fix']>;

function toTextEdit(fix: RuleTextEdit, mapper: PositionMapper): TextEdit {
  return {
    range: { start: mapper.fromOffset(fix.range[0]), end: mapper.fromOffset(fix.range[1]) },
    newText: fix.text,
  };
}

/**
 * Converts one ESLint message into an LSP diagnostic. Messages without a rule
 * (parse errors, unused-directive reports) are not next-db's to show: a file
 * with a syntax error gets no next-db diagnostics.
 */
export function toProblem(
  message: Linter.LintMessage,
  mapper: PositionMapper,
  rule: RuleFacts | undefined,
  startsInJsxChildren: (line: number) => boolean = () => false,
  startsInsideString: (line: number) => boolean = () => false,
): Problem | undefined {
  if (message.fatal === true || message.ruleId === null || !message.ruleId.startsWith(RULE_ID_PREFIX)) return undefined;
  const start = mapper.fromLineColumn(message.line, message.column);
  const end =
    message.endLine === undefined
      ? start
      : mapper.fromLineColumn(message.endLine, message.endColumn ?? message.column);
  const diagnostic: Diagnostic = {
    range: { start, end },
    severity: message.severity === 2 ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    source: DIAGNOSTIC_SOURCE,
    // The Problems view shows `source(code)`: "next-db(require-connection)", not "next-db(next-db/require-connection)".
    code: toRuleName(message.ruleId),
    message: message.message,
  };
  if (rule?.docsUrl !== undefined) diagnostic.codeDescription = { href: rule.docsUrl };
  return {
    ruleId: message.ruleId,
    messageId: message.messageId,
    diagnostic,
    fix: message.fix === undefined ? undefined : toTextEdit(message.fix, mapper),
    fixTitle: message.fix === undefined ? undefined : rule?.autofixTitle,
    suggestions: (message.suggestions ?? []).map((suggestion) => ({
      title: suggestion.desc,
      edit: toTextEdit(suggestion.fix, mapper),
    })),
    inJsxChildren: startsInJsxChildren(message.line),
    inString: startsInsideString(message.line),
  };
}

/** A key that finds a stored problem again from the diagnostic the client sends back. */
export function getDiagnosticKey(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}|${String(diagnostic.code)}|${diagnostic.message}`;
}
