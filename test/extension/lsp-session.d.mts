import type { ChildProcess } from 'node:child_process';
import type { MessageConnection } from 'vscode-jsonrpc/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Command, Diagnostic, WorkspaceEdit } from 'vscode-languageserver/node';

export interface LspSession {
  child: ChildProcess;
  connection: MessageConnection;
  /** Answered to every `workspace/configuration` request; change it, then send didChangeConfiguration. */
  settings: Record<string, unknown>;
  logs: string[];
  appliedEdits: WorkspaceEdit[];
  shownDocuments: string[];
  notifications: Array<{ method: string; params: unknown }>;
  progress: Map<string, Array<{ kind: string; message?: string; percentage?: number }>>;
  documents: Map<string, TextDocument>;
  diagnostics: Map<string, { uri: string; version?: number; diagnostics: Diagnostic[] }>;
  exited: boolean;
}

export function toUri(filePath: string): string;
export function startServer(options: {
  serverPath: string;
  rootPath: string;
  settings?: Record<string, unknown>;
  initializationOptions?: Record<string, unknown>;
}): Promise<LspSession>;
export function openDocument(session: LspSession, filePath: string, text: string): Promise<string>;
export function changeDocument(session: LspSession, uri: string, text: string): number;
export function getText(session: LspSession, uri: string): string;
export function waitForDiagnostics(session: LspSession, uri: string, version?: number, timeoutMs?: number): Promise<Diagnostic[]>;
export function requestCodeActions(session: LspSession, uri: string, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]>;
export function executeCommand(session: LspSession, command: Command): Promise<unknown>;
export function stopServer(session: LspSession): Promise<void>;
