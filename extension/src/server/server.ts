import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionKind,
  ProposedFeatures,
  TextDocumentEdit,
  TextDocumentSyncKind,
  TextDocuments,
  WorkDoneProgress,
  createConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic, InitializeResult, TextEdit } from 'vscode-languageserver/node';
import {
  EslintExtensionStateNotification,
  FIX_ALL_KIND,
  type InitializationOptions,
  LintWorkspaceRequest,
  ServerCommands,
} from '../shared/protocol';
import {
  readApplyEditsArgs,
  readCodeActionParams,
  readEslintExtensionState,
  readFixAllArgs,
  readFolderUris,
  readInitialFolderUris,
  readProgressToken,
} from './client-input';
import { type LintedDocument, createLintedDocument, getSourceFixAllAction, hasAutofix, toCodeActions } from './code-actions';
import { type Problem, toProblem } from './diagnostics';
import { EslintDeferral } from './eslint-deferral';
import { findProjectRoot, findWorkspaceFolder, toFilePath } from './folders';
import type * as LintModule from './lint';
import type { LintRequest } from './lint';
import { MAX_LINT_LENGTH, isLintablePath } from './lintable';
import { startsInJsxChildren } from './jsx-context';
import { startsInsideString } from './string-context';
import { type LintTrigger, LintScheduler } from './lint-scheduler';
import { lintWorkspace } from './lint-workspace';
import { UnrecognisedAppNotice } from './unrecognised-app';
import { createPositionMapper } from './positions';
import { SettingsStore } from './settings-store';
import { getReplaceAllEdit } from './text-edits';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let workspaceFolders: string[] = [];
let supportsWorkspaceFolders = false;

const settingsStore = new SettingsStore(connection, async () => (await loadLinter()).RULE_NAMES);
const eslintDeferral = new EslintDeferral(connection);
/** Problems of open documents, with the version they were found in. */
const lintedDocuments = new Map<string, LintedDocument>();
/** Files whose diagnostics "Lint Workspace" published; closing them keeps their diagnostics. */
const workspaceLintedUris = new Set<string>();

// ---------------------------------------------------------------- settings

async function buildLintRequest(linter: typeof LintModule, filePath: string, text: string, scopeUri: string): Promise<LintRequest | undefined> {
  const settings = await settingsStore.get(scopeUri);
  if (!settings.enable) return undefined;
  const cwd = findWorkspaceFolder(workspaceFolders, filePath) ?? findProjectRoot(filePath);
  const excludedRules = eslintDeferral.getExcludedRules(filePath, cwd, settings, linter.getPresetRules());
  return { text, filename: filePath, cwd, settings, excludedRules };
}

// ----------------------------------------------------------------- linting

let linterLoading: Promise<typeof LintModule> | undefined;
/**
 * The linter module: ESLint, the plugin with its project model, the parser and TypeScript. It is
 * a bundle of its own (dist/lint.js, nine tenths of the code), loaded once, after `initialize` is answered.
 */
function loadLinter(): Promise<typeof LintModule> {
  linterLoading ??= timeLinterLoad(import('./lint'));
  return linterLoading;
}

/** Logs the load time: with the first lint, what the first file of a fresh window waits for. */
async function timeLinterLoad(loading: Promise<typeof LintModule>): Promise<typeof LintModule> {
  const started = performance.now();
  const linter = await loading;
  const now = performance.now();
  connection.console.info(`Loaded the linter in ${Math.round(now - started)} ms, ${Math.round(now)} ms after the server process started.`);
  return linter;
}

/** Runs `action` once the linter is loaded, in the order asked (the project model's overlay must precede lints). */
function withLinter(action: (linter: typeof LintModule) => void): void {
  loadLinter().then(action, (error: unknown) => connection.console.error(`The linter did not load: ${String(error)}`));
}

const unrecognisedAppNotice = new UnrecognisedAppNotice((message) => connection.console.info(message));

/** Files already reported as too large, so that typing in one does not repeat the line. */
const tooLargeLogged = new Set<string>();

function logTooLarge(request: LintRequest): void {
  if (tooLargeLogged.has(request.filename)) return;
  tooLargeLogged.add(request.filename);
  const megabytes = (request.text.length / 1_000_000).toFixed(1);
  connection.console.info(
    `Not linting ${request.filename}: it is ${megabytes} million characters long, over next-db's limit of ${MAX_LINT_LENGTH / 1_000_000} million.`,
  );
}

let firstLintLogged = false;

function logFirstLint(filePath: string, elapsed: string): void {
  if (firstLintLogged) return;
  firstLintLogged = true;
  connection.console.info(`First lint (${filePath}) took ${elapsed} ms, done ${Math.round(performance.now())} ms after the server process started (at ${Date.now()}, wall clock).`);
}

function lintToProblems(linter: typeof LintModule, request: LintRequest, document: TextDocument): Problem[] {
  const started = performance.now();
  const outcome = linter.lintText(request);
  const elapsed = (performance.now() - started).toFixed(1);
  logFirstLint(request.filename, elapsed);
  if (outcome.error !== undefined) {
    connection.console.error(`Linting ${request.filename} failed; no diagnostics for it.\n${outcome.error}`);
  } else if (outcome.tooLarge === true) {
    logTooLarge(request);
  } else {
    connection.console.debug(`${outcome.skipped ? 'Skipped' : 'Linted'} ${request.filename} in ${elapsed} ms`);
    if (!outcome.skipped && outcome.messages.length === 0) unrecognisedAppNotice.check(linter.findUnrecognisedApp, request.filename, request.cwd, request.settings.next.rootDir);
  }
  const mapper = createPositionMapper(document);
  const { sourceCode } = outcome;
  const inJsxChildren = (line: number) => sourceCode !== undefined && startsInJsxChildren(sourceCode, line);
  const inString = (line: number) => sourceCode !== undefined && startsInsideString(sourceCode, line);
  return outcome.messages.flatMap((message) => {
    return toProblem(message, mapper, linter.getRuleFacts(message), inJsxChildren, inString) ?? [];
  });
}

async function lintDocument(uri: string, trigger: LintTrigger): Promise<void> {
  const document = documents.get(uri);
  const filePath = toFilePath(uri);
  if (document === undefined || filePath === undefined || !isLintablePath(filePath)) return;
  const { version } = document;
  const settings = await settingsStore.get(uri);
  if (trigger === 'change' && settings.run !== 'onType') return;
  const linter = await loadLinter();
  // `run: off` silences open files; "Lint Workspace" still works on request.
  const request = settings.run === 'off' ? undefined : await buildLintRequest(linter, filePath, document.getText(), uri);
  // Results for a version the user has already typed past are dropped.
  if (documents.get(uri)?.version !== version) return;
  const problems = request === undefined ? [] : lintToProblems(linter, request, document);
  lintedDocuments.set(uri, createLintedDocument(uri, version, problems));
  void connection.sendDiagnostics({ uri, version, diagnostics: problems.map((problem) => problem.diagnostic) });
}

const lintScheduler = new LintScheduler(lintDocument, (error) => connection.console.error(String(error)));

function relintOpenDocuments(): void {
  for (const document of documents.all()) lintScheduler.schedule(document, 'refresh', 0);
}

// ------------------------------------------------------------ code actions

/** One edit applying every autofix to the document (as `eslint --fix` would), or undefined if none applies. */
async function computeFixAllEdit(document: TextDocument): Promise<TextEdit | undefined> {
  const filePath = toFilePath(document.uri);
  if (filePath === undefined) return undefined;
  const linter = await loadLinter();
  const request = await buildLintRequest(linter, filePath, document.getText(), document.uri);
  const output = request === undefined ? undefined : linter.fixText(request);
  if (output === undefined || documents.get(document.uri)?.version !== document.version) return undefined;
  return getReplaceAllEdit(document, output);
}

connection.onCodeAction(async (params: unknown) => {
  const { uri, only, diagnostics } = readCodeActionParams<Diagnostic>(params);
  const document = uri === undefined ? undefined : documents.get(uri);
  if (document === undefined) return [];
  const linted = lintedDocuments.get(document.uri);
  const isCurrent = linted !== undefined && linted.version === document.version;
  // `source`, `source.fixAll` and `source.fixAll.next-db` all include our fix-all action.
  const wantsFixAll = only?.some((kind) => kind === FIX_ALL_KIND || FIX_ALL_KIND.startsWith(`${kind}.`)) ?? false;
  if (wantsFixAll) {
    // On save the last lint is often older than the text (typed within the debounce, or `run: onSave`),
    // so the fixes are computed from the text at hand; a current lint without autofixes saves the work.
    if ((isCurrent && !hasAutofix(linted)) || (await settingsStore.get(document.uri)).run === 'off') return [];
    const edit = await computeFixAllEdit(document);
    return edit === undefined ? [] : [getSourceFixAllAction(document.uri, document.version, edit)];
  }
  if (!isCurrent) return [];
  if (only !== undefined && !only.some((kind) => kind === CodeActionKind.QuickFix || kind === '')) return [];
  return toCodeActions(document, linted, diagnostics, (await loadLinter()).getDocsUrl);
});

/**
 * Applies edits only to an open document, at the version they were computed
 * for; the client refuses them too if it has moved on. A closed document or
 * any other URI is refused: the command's arguments come from the client.
 */
async function applyEdits(uri: string, version: number, edits: TextEdit[], label: string): Promise<boolean> {
  const document = documents.get(uri);
  if (document === undefined || document.version !== version) {
    connection.console.info(`Not applying "${label}": ${uri} is not open at the version it was computed for.`);
    return false;
  }
  const result = await connection.workspace.applyEdit({
    label,
    edit: { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] },
  });
  if (!result.applied) connection.console.info(`"${label}" was not applied: ${result.failureReason ?? 'refused'}`);
  return result.applied;
}

connection.onExecuteCommand(async ({ command, arguments: rawArgs }) => {
  const args: unknown[] = Array.isArray(rawArgs) ? rawArgs : [];
  if (command === ServerCommands.applyEdits) {
    const edit = readApplyEditsArgs(args[0]);
    return edit !== undefined && applyEdits(edit.uri, edit.version, edit.edits, 'next-db quick fix');
  }
  if (command === ServerCommands.fixAll) {
    const target = readFixAllArgs(args[0]);
    if (target === undefined) return false;
    const { uri, version } = target;
    const document = documents.get(uri);
    if (document === undefined || document.version !== version) return false;
    const edit = await computeFixAllEdit(document);
    return edit === undefined ? false : applyEdits(uri, version, [edit], 'Fix all next-db problems');
  }
  if (command === ServerCommands.showDocumentation) {
    const url = args[0];
    if (typeof url !== 'string') return false;
    return (await connection.window.showDocument({ uri: url, external: true })).success;
  }
  return undefined;
});

// ------------------------------------------------------- lint the workspace

connection.onRequest(LintWorkspaceRequest, async (params: unknown, token) => {
  const progressToken = readProgressToken(params);
  const linter = await loadLinter();
  const result = await lintWorkspace({
    folders: workspaceFolders,
    token,
    openText: (uri) => documents.get(uri)?.getText(),
    buildRequest: (filePath, text, folder) => buildLintRequest(linter, filePath, text, folder),
    lint: (request, document) => lintToProblems(linter, request, document),
    publish: (uri, problems) => {
      workspaceLintedUris.add(uri);
      if (documents.get(uri) !== undefined) {
        lintScheduler.schedule(documents.get(uri)!, 'refresh', 0);
        return;
      }
      void connection.sendDiagnostics({ uri, diagnostics: problems.map((problem) => problem.diagnostic) });
    },
    report: (message, percentage) => {
      if (progressToken === undefined) return;
      void connection.sendProgress(WorkDoneProgress.type, progressToken, { kind: 'report', message, percentage });
    },
  });
  // The client logs the summary.
  return result;
});

// ------------------------------------------------------------------ events

/** Lays the document over the disk for the project model, and lints the open files that may depend on it. */
function syncWithProject(document: TextDocument): void {
  const filePath = toFilePath(document.uri);
  if (filePath === undefined) return;
  const { version } = document;
  const text = document.getText();
  withLinter((linter) => linter.trackOpenDocument(filePath, text, version));
  for (const other of documents.all()) if (other.uri !== document.uri) lintScheduler.schedule(other, 'refresh', lintScheduler.debounceMs);
}

documents.onDidOpen(({ document }) => lintScheduler.schedule(document, 'open', 0));
documents.onDidChangeContent(({ document }) => {
  lintScheduler.schedule(document, 'change', lintScheduler.debounceMs);
  syncWithProject(document);
});
documents.onDidSave(({ document }) => {
  lintScheduler.schedule(document, 'save', 0);
  // Other open files may import the saved one (cross-file lookups read from disk).
  for (const other of documents.all()) if (other.uri !== document.uri) lintScheduler.schedule(other, 'refresh', lintScheduler.debounceMs);
});
documents.onDidClose(({ document }) => {
  const closedPath = toFilePath(document.uri);
  if (closedPath !== undefined) withLinter((linter) => linter.forgetOpenDocument(closedPath));
  lintScheduler.cancel(document.uri);
  lintedDocuments.delete(document.uri);
  settingsStore.forget(document.uri);
  // Diagnostics from "Lint Workspace" stay in the Problems panel; the editor's own go with the editor.
  if (!workspaceLintedUris.has(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

/** The last `next-db` section the client pushed; undefined until its first push. */
let pushedSettings: string | undefined;

connection.onDidChangeConfiguration(({ settings }) => {
  // The client pushes the section once at start, and again on every change; a pull-only client sends null.
  if (settings !== null && settings !== undefined) {
    const pushed = JSON.stringify(settings);
    const isFirstPush = pushedSettings === undefined;
    const isSame = pushed === pushedSettings;
    pushedSettings = pushed;
    // The settings already pulled for open files are the ones the first push carries.
    if (isFirstPush || isSame) return;
  }
  settingsStore.clear();
  connection.console.info('Settings changed; linting open files again.');
  relintOpenDocuments();
});

connection.onDidChangeWatchedFiles((params) => {
  const changes: unknown[] = Array.isArray(params?.changes) ? params.changes : [];
  const isEslintConfig = (change: unknown) => /\/eslint\.config\.[cm]?[jt]s$/.test(String((change as { uri?: unknown } | null)?.uri));
  if (changes.some(isEslintConfig)) eslintDeferral.clearConfigCache();
  withLinter((linter) => linter.forgetProjectFiles());
  relintOpenDocuments();
});

connection.onNotification(EslintExtensionStateNotification, (params: unknown) => {
  const state = readEslintExtensionState(params);
  if (state === undefined || eslintDeferral.eslintExtensionActive === state.active) return;
  eslintDeferral.eslintExtensionActive = state.active;
  relintOpenDocuments();
});

connection.onInitialize((params): InitializeResult => {
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  eslintDeferral.eslintExtensionActive = options.eslintExtensionActive === true;
  if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) lintScheduler.debounceMs = options.debounceMs;
  settingsStore.canPull = params.capabilities?.workspace?.configuration === true;
  supportsWorkspaceFolders = params.capabilities?.workspace?.workspaceFolders === true;
  workspaceFolders = readInitialFolderUris(params).flatMap((uri) => toFilePath(uri) ?? []);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
      executeCommandProvider: { commands: Object.values(ServerCommands) },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'next-db' },
  };
});

connection.onInitialized(() => {
  connection.console.info(`Answered initialize ${Math.round(performance.now())} ms after the server process started.`);
  // `initialize` is answered: load the linter now, while the editor opens its first file.
  withLinter((linter) => {
    linter.logSkippedFiles((message) => connection.console.info(message));
    connection.console.info(`Warmed up the linter in ${Math.round(linter.warmUp())} ms.`);
  });
  if (supportsWorkspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((event: unknown) => {
      const { added, removed } = (event ?? {}) as { added?: unknown; removed?: unknown };
      const removedPaths = new Set(readFolderUris(removed).flatMap((uri) => toFilePath(uri) ?? []));
      workspaceFolders = [
        ...workspaceFolders.filter((folder) => !removedPaths.has(folder)),
        ...readFolderUris(added).flatMap((uri) => toFilePath(uri) ?? []),
      ];
      relintOpenDocuments();
    });
  }
});

documents.listen(connection);
connection.listen();
