// Drives the bundled next-db language server over stdio, the way an editor
// does: it answers the server's requests (configuration, applyEdit, progress)
// and keeps its own copy of each open document, updated by applied edits.
// Shared by the protocol test and the latency benchmark.
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const LANGUAGE_IDS = { ts: 'typescript', tsx: 'typescriptreact', js: 'javascript', jsx: 'javascriptreact', mjs: 'javascript', cjs: 'javascript', mts: 'typescript', cts: 'typescript' };

export function toUri(filePath) {
  return pathToFileURL(filePath).href;
}

export async function startServer({ serverPath, rootPath, settings = {}, initializationOptions = { debounceMs: 0 } }) {
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const session = {
    child,
    connection,
    settings,
    logs: [],
    /** Every `workspace/applyEdit` the server sent. */
    appliedEdits: [],
    /** URLs the server asked the editor to open. */
    shownDocuments: [],
    /** Notifications by method, for the custom ones. */
    notifications: [],
    /** `$/progress` values per token. */
    progress: new Map(),
    documents: new Map(),
    diagnostics: new Map(),
    waiters: [],
    exited: false,
  };
  child.on('exit', () => {
    session.exited = true;
  });
  child.stderr.on('data', (chunk) => session.logs.push(String(chunk)));

  connection.onRequest('workspace/configuration', ({ items }) => items.map(() => session.settings));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('window/showDocument', ({ uri }) => {
    session.shownDocuments.push(uri);
    return { success: true };
  });
  connection.onNotification((method, params) => session.notifications.push({ method, params }));
  connection.onNotification('window/logMessage', ({ message }) => session.logs.push(message));
  connection.onNotification('$/progress', ({ token, value }) => {
    const values = session.progress.get(token) ?? [];
    values.push(value);
    session.progress.set(token, values);
  });
  connection.onRequest('workspace/applyEdit', ({ edit }) => {
    session.appliedEdits.push(edit);
    for (const change of edit.documentChanges ?? []) {
      const document = session.documents.get(change.textDocument.uri);
      if (document === undefined || document.version !== change.textDocument.version) {
        return { applied: false, failureReason: 'version mismatch' };
      }
      applyChange(session, change.textDocument.uri, TextDocument.applyEdits(document, change.edits));
    }
    return { applied: true };
  });
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    session.diagnostics.set(params.uri, params);
    session.waiters = session.waiters.filter((waiter) => !waiter(params));
  });
  connection.listen();

  const rootUri = toUri(rootPath);
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'workspace' }],
    capabilities: {
      workspace: { configuration: true, applyEdit: true, workspaceEdit: { documentChanges: true }, workspaceFolders: true },
      window: { workDoneProgress: true, showDocument: { support: true } },
    },
    initializationOptions,
  });
  await connection.sendNotification('initialized', {});
  return session;
}

function applyChange(session, uri, text) {
  const document = session.documents.get(uri);
  const version = document.version + 1;
  session.documents.set(uri, TextDocument.create(uri, document.languageId, version, text));
  void session.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });
  return version;
}

export async function openDocument(session, filePath, text) {
  const uri = toUri(filePath);
  const languageId = LANGUAGE_IDS[filePath.split('.').pop()] ?? 'typescript';
  session.documents.set(uri, TextDocument.create(uri, languageId, 1, text));
  await session.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  return uri;
}

/** Replaces the whole text, as an editor would after typing; returns the new version. */
export function changeDocument(session, uri, text) {
  return applyChange(session, uri, text);
}

export function getText(session, uri) {
  return session.documents.get(uri).getText();
}

/**
 * Resolves with the diagnostics published for `uri` at `version` (possibly
 * already received); without a version, with the next ones that arrive.
 */
export function waitForDiagnostics(session, uri, version, timeoutMs = 20_000) {
  const latest = session.diagnostics.get(uri);
  if (version !== undefined && latest?.version === version) return Promise.resolve(latest.diagnostics);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`No diagnostics for ${uri} (version ${version}) within ${timeoutMs} ms`)), timeoutMs);
    session.waiters.push((params) => {
      if (params.uri !== uri || (version !== undefined && params.version !== version)) return false;
      clearTimeout(timer);
      resolve(params.diagnostics);
      return true;
    });
  });
}

export function requestCodeActions(session, uri, diagnostics, only) {
  const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const context = only === undefined ? { diagnostics } : { diagnostics, only };
  return session.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context });
}

export function executeCommand(session, command) {
  return session.connection.sendRequest('workspace/executeCommand', { command: command.command, arguments: command.arguments });
}

export async function stopServer(session) {
  if (session.exited) return;
  try {
    await Promise.race([session.connection.sendRequest('shutdown'), new Promise((resolve) => setTimeout(resolve, 2000))]);
    await session.connection.sendNotification('exit');
  } catch {
    // The server may already be gone.
  }
  await new Promise((resolve) => {
    const timer = setTimeout(() => {
      session.child.kill();
      resolve();
    }, 2000);
    session.child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  session.connection.dispose();
}
