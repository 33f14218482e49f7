/**
 * Names and payloads that client and server agree on, beyond plain LSP.
 * Kept free of `vscode` and of server code so both sides (and tests) can import it.
 */

/** Commands the server executes (`workspace/executeCommand`); the client registers them automatically. */
export const ServerCommands = {
  applyEdits: 'next-db.applyEdits',
  fixAll: 'next-db.fixAllInFile',
  showDocumentation: 'next-db.showDocumentation',
} as const;

/** Commands the client contributes to the palette. */
export const ClientCommands = {
  lintWorkspace: 'next-db.lintWorkspace',
  restartServer: 'next-db.restartServer',
  showOutput: 'next-db.showOutput',
} as const;

/** The code action kind for `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.next-db';

/** Arguments of `next-db.applyEdits`: edits computed for one version of one document. */
export interface ApplyEditsArgs {
  uri: string;
  version: number;
  edits: Array<{ range: { start: Position; end: Position }; newText: string }>;
}

interface Position {
  line: number;
  character: number;
}

/** Arguments of `next-db.fixAllInFile`. */
export interface FixAllArgs {
  uri: string;
  version: number;
}

/** Request `next-db/lintWorkspace`: lints every matching file of every workspace folder. */
export const LintWorkspaceRequest = 'next-db/lintWorkspace';

export interface LintWorkspaceParams {
  /** A `$/progress` token the server reports `WorkDoneProgressReport`s on. */
  progressToken?: string;
}

export interface LintWorkspaceResult {
  files: number;
  problems: number;
  cancelled: boolean;
}

/** Notification client → server: whether the ESLint extension is installed and enabled. */
export const EslintExtensionStateNotification = 'next-db/eslintExtensionState';

export interface EslintExtensionState {
  active: boolean;
}

/** Notification server → client: next-db leaves these rules, enabled by the config file in `folder`, to the ESLint extension. */
export const DeferringToEslintNotification = 'next-db/deferringToEslint';

export interface DeferringToEslintParams {
  folder: string;
  configFile: string;
  rules: string[];
}

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  eslintExtensionActive?: boolean;
  /** Milliseconds to wait after a change before linting (tests and benchmarks pass 0). */
  debounceMs?: number;
}
