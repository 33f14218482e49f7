/**
 * A client (or anything speaking LSP to the server) sending what it should
 * not (issue 9, items 9 and 10): edits for files that are not open, and
 * notifications with missing or mistyped fields.
 */
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type LspSession,
  executeCommand,
  openDocument,
  requestCodeActions,
  startServer,
  stopServer,
  toUri,
  waitForDiagnostics,
} from '../extension/lsp-session.mjs';
import { POOL_ROUTE, type HostileFolder, buildServer, createHostileFolder, expectResponsive, removeServer } from './harness';

let folder: HostileFolder;
let session: LspSession;
let routeUri: string;
let serverPath: string;

beforeAll(async () => {
  folder = createHostileFolder();
  serverPath = buildServer('client-input');
  session = await startServer({ serverPath, rootPath: folder.workspace, initializationOptions: { debounceMs: 0 } });
  const file = folder.write('app/api/users/route.ts', POOL_ROUTE);
  routeUri = toUri(file);
  const diagnostics = waitForDiagnostics(session, routeUri, 1);
  await openDocument(session, file, POOL_ROUTE);
  await diagnostics;
}, 120_000);

afterAll(async () => {
  await stopServer(session);
  folder.remove();
  removeServer(serverPath);
});

const EDIT = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'pwned\n' };

function applyEdits(args: unknown): Promise<unknown> {
  return executeCommand(session, { title: 'apply', command: 'next-db.applyEdits', arguments: [args] });
}

/** Server log lines that show a handler threw. */
function errorLogs(): string[] {
  return session.logs.filter((line) => /TypeError|failed with message|Cannot read prop/i.test(line));
}

describe('9. next-db.applyEdits', () => {
  it('refuses a URI that is not open, with or without a version', async () => {
    expect(await applyEdits({ uri: 'file:///etc/passwd', edits: [EDIT] })).toBe(false);
    expect(await applyEdits({ uri: toUri(path.join(folder.workspace, 'package.json')), version: 1, edits: [EDIT] })).toBe(false);
    expect(session.appliedEdits).toEqual([]);
  });

  it('refuses an open document without the version the edit was computed for, or with malformed edits', async () => {
    expect(await applyEdits({ uri: routeUri, edits: [EDIT] })).toBe(false);
    expect(await applyEdits({ uri: routeUri, version: 7, edits: [EDIT] })).toBe(false);
    expect(await applyEdits({ uri: routeUri, version: 1, edits: [{ newText: 'x' }] })).toBe(false);
    expect(await applyEdits(null)).toBe(false);
    expect(await executeCommand(session, { title: 'fix all', command: 'next-db.fixAllInFile', arguments: [{ uri: routeUri }] })).toBe(false);
    expect(session.appliedEdits).toEqual([]);
  });

  it('applies an edit for an open document at its version (control)', async () => {
    expect(await applyEdits({ uri: routeUri, version: 1, edits: [{ ...EDIT, newText: '// reviewed\n' }] })).toBe(true);
    expect(session.appliedEdits).toHaveLength(1);
  });
});

describe('10. malformed notifications and requests', () => {
  it('are ignored without a TypeError, and the server keeps answering', async () => {
    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: null } });
    await session.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: null });
    await session.connection.sendNotification('next-db/eslintExtensionState', null);
    await session.connection.sendNotification('next-db/eslintExtensionState', { active: 'yes' });
    const actions = await session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: routeUri },
      range: EDIT.range,
      context: { diagnostics: [], only: 5 },
    });
    expect(Array.isArray(actions)).toBe(true);
    expect(await requestCodeActions(session, routeUri, [{ range: null } as never])).toEqual([]);
    expect(await session.connection.sendRequest('next-db/lintWorkspace', null)).toMatchObject({ cancelled: false });
    await expectResponsive(session);
    expect(errorLogs()).toEqual([]);
  });
});
