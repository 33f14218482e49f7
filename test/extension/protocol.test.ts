/**
 * Speaks LSP, for real, to the BUNDLED server (built by esbuild.js into a
 * private folder) running as a child process, as VS Code would.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from '../../eslint-plugin/src/index';
import { listFixtureFiles } from '../support/fixture-apps';
import { applyFix, recommendedFlatConfig } from '../support/lint-config.mjs';
import { EXAMPLE_APP, ROOT } from './helpers';
import {
  type LspSession,
  changeDocument,
  executeCommand,
  getText,
  openDocument,
  requestCodeActions,
  startServer,
  stopServer,
  toUri,
  waitForDiagnostics,
} from './lsp-session.mjs';

const BUNDLE_DIR = path.join(ROOT, 'test/.tmp/protocol-dist');
const SERVER = path.join(BUNDLE_DIR, 'server.js');

/** What `eslint` on the CLI reports for a file of the example app. */
function eslintMessages(relativePath: string, text: string): Linter.LintMessage[] {
  const linter = new Linter({ cwd: EXAMPLE_APP });
  return linter.verify(text, recommendedFlatConfig(plugin), { filename: path.join(EXAMPLE_APP, relativePath) });
}

function read(relativePath: string): string {
  return fs.readFileSync(path.join(EXAMPLE_APP, relativePath), 'utf8');
}

function insertLine(text: string, line: number, newLine: string): string {
  const lines = text.split('\n');
  lines.splice(line, 0, newLine);
  return lines.join('\n');
}

beforeAll(() => {
  execFileSync(process.execPath, ['esbuild.js', `--outdir=${BUNDLE_DIR}`], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('the bundled language server', () => {
  let session: LspSession;

  beforeAll(async () => {
    session = await startServer({ serverPath: SERVER, rootPath: EXAMPLE_APP });
  });
  afterAll(async () => {
    await stopServer(session);
  });

  /** Opens a fixture file (fresh copy of its text) and waits for its first diagnostics. */
  async function open(relativePath: string, text = read(relativePath)) {
    const uri = toUri(path.join(EXAMPLE_APP, relativePath));
    const diagnostics = waitForDiagnostics(session, uri, 1);
    await openDocument(session, path.join(EXAMPLE_APP, relativePath), text);
    return { uri, diagnostics: await diagnostics };
  }

  async function close(uri: string) {
    session.documents.delete(uri);
    session.diagnostics.delete(uri);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** Executes the action's command; returns the new text and the diagnostics for it. */
  async function apply(uri: string, action: CodeAction) {
    const before = session.documents.get(uri)!.version;
    expect(await executeCommand(session, action.command!)).toBe(true);
    const version = session.documents.get(uri)!.version;
    expect(version).toBe(before + 1);
    return { text: getText(session, uri), diagnostics: await waitForDiagnostics(session, uri, version) };
  }

  it.each([
    ['pages/api/users.ts', 'Pages API route'],
    ['app/api/users/route.ts', 'App Router route handler'],
    ['app/actions.ts', 'server action'],
    ['app/lib/data.ts', 'better-sqlite3 data function of a server component'],
  ])('publishes the same diagnostics as eslint for %s (%s)', async (relativePath) => {
    const { uri, diagnostics } = await open(relativePath);
    const expected = eslintMessages(relativePath, read(relativePath));
    expect(expected.length).toBeGreaterThan(0);
    expect(
      diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line + 1, diagnostic.range.start.character + 1, diagnostic.message]),
    ).toEqual(expected.map((message) => [message.ruleId, message.line, message.column, message.message]));
    expect(diagnostics.every((diagnostic) => diagnostic.source === 'next-db')).toBe(true);
    await close(uri);
  });

  it('publishes nothing for correct files', async () => {
    for (const relativePath of ['lib/db.ts', 'scripts/seed.ts', 'app/page.tsx', 'app/components/visitor-badge.tsx']) {
      const { uri, diagnostics } = await open(relativePath);
      expect(diagnostics, relativePath).toEqual([]);
      await close(uri);
    }
  });

  describe('code actions on the Pages API route', () => {
    const relativePath = 'pages/api/users.ts';
    let original: string;
    let diagnostic: Diagnostic;

    async function freshActions() {
      const { uri, diagnostics } = await open(relativePath);
      original = getText(session, uri);
      diagnostic = diagnostics[0]!;
      return { uri, actions: await requestCodeActions(session, uri, diagnostics) };
    }

    it('offers the hoist, which yields exactly the rule suggestion output and clears the problem', async () => {
      const { uri, actions } = await freshActions();
      const [message] = eslintMessages(relativePath, original);
      const suggestion = message!.suggestions![0]!;
      expect(actions[0]!.title).toBe(suggestion.desc);
      const { text, diagnostics } = await apply(uri, actions[0]!);
      expect(text).toBe(applyFix(original, suggestion.fix));
      expect(diagnostics).toEqual([]);
      await close(uri);
    });

    it('disables the rule for the line, with the line indentation', async () => {
      const { uri, actions } = await freshActions();
      const action = actions.find((candidate) => candidate.title === 'Disable no-pool-in-handler for this line')!;
      const { text, diagnostics } = await apply(uri, action);
      const line = diagnostic.range.start.line;
      expect(text).toBe(insertLine(original, line, '  // eslint-disable-next-line next-db/no-pool-in-handler'));
      expect(diagnostics).toEqual([]);
      await close(uri);
    });

    it('disables the rule for the file', async () => {
      const { uri, actions } = await freshActions();
      const action = actions.find((candidate) => candidate.title === 'Disable no-pool-in-handler for this file')!;
      const { text, diagnostics } = await apply(uri, action);
      expect(text).toBe(`/* eslint-disable next-db/no-pool-in-handler */\n${original}`);
      expect(diagnostics).toEqual([]);
      await close(uri);
    });

    it('opens the rule documentation', async () => {
      const { uri, actions } = await freshActions();
      const action = actions.find((candidate) => candidate.title === 'Show documentation for no-pool-in-handler')!;
      expect(await executeCommand(session, action.command!)).toBe(true);
      expect(session.shownDocuments.at(-1)).toBe('https://github.com/next-db/next-db/blob/main/docs/rules/no-pool-in-handler.md');
      await close(uri);
    });

    it('refuses an action computed for an older version of the text', async () => {
      const { uri, actions } = await freshActions();
      const edited = `${original}\n// typed after the quick fix menu opened\n`;
      const version = changeDocument(session, uri, edited);
      await waitForDiagnostics(session, uri, version);
      const editsBefore = session.appliedEdits.length;
      expect(await executeCommand(session, actions[0]!.command!)).toBe(false);
      expect(session.appliedEdits).toHaveLength(editsBefore);
      expect(getText(session, uri)).toBe(edited);
      await close(uri);
    });
  });

  describe('the require-connection autofix on the data function', () => {
    const relativePath = 'app/lib/data.ts';

    it('applies the preferred fix, which matches eslint --fix', async () => {
      const { uri, diagnostics } = await open(relativePath);
      const original = getText(session, uri);
      const actions = await requestCodeActions(session, uri, diagnostics);
      const preferred = actions.filter((action) => action.isPreferred);
      expect(preferred.map((action) => action.title)).toEqual(['Fix this require-connection problem']);
      const [message] = eslintMessages(relativePath, original);
      const { text, diagnostics: after } = await apply(uri, preferred[0]!);
      expect(text).toBe(applyFix(original, message!.fix!));
      expect(text).toContain('await connection()');
      expect(text).toContain("from 'next/server'");
      expect(after).toEqual([]);
      await close(uri);
    });

    it('offers "fix all" as a quick fix and as source.fixAll.next-db, both giving the eslint --fix output', async () => {
      const { uri, diagnostics } = await open(relativePath);
      const original = getText(session, uri);
      const expected = new Linter({ cwd: EXAMPLE_APP }).verifyAndFix(original, recommendedFlatConfig(plugin), {
        filename: path.join(EXAMPLE_APP, relativePath),
      }).output;

      const [sourceAction] = await requestCodeActions(session, uri, [], ['source.fixAll.next-db']);
      expect(sourceAction?.kind).toBe('source.fixAll.next-db');
      const change = sourceAction!.edit!.documentChanges![0] as TextDocumentEdit;
      expect(change.textDocument.version).toBe(1);
      expect(TextDocument.applyEdits(session.documents.get(uri)!, change.edits as TextEdit[])).toBe(expected);

      const actions = await requestCodeActions(session, uri, diagnostics);
      const fixAll = actions.find((action) => action.title === 'Fix all next-db problems in this file')!;
      const { text, diagnostics: after } = await apply(uri, fixAll);
      expect(text).toBe(expected);
      expect(after).toEqual([]);
      await close(uri);
    });
  });

  it('reports a pool typed into a route handler, for the new version, without saving', async () => {
    const relativePath = 'app/api/users/route.ts';
    const clean = "import { Pool } from 'pg';\n\nexport async function GET() {\n  return Response.json({});\n}\n";
    const { uri, diagnostics } = await open(relativePath, clean);
    expect(diagnostics).toEqual([]);
    const typed = clean.replace('  return', '  const pool = new Pool();\n  return');
    const version = changeDocument(session, uri, typed);
    const after = await waitForDiagnostics(session, uri, version);
    expect(after.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([['next-db/no-pool-in-handler', 3]]);
    await close(uri);
  });

  it('survives a file with a syntax error and reports nothing for it', async () => {
    const { uri, diagnostics } = await open('pages/api/users.ts', `${read('pages/api/users.ts')}\nconst broken = (;\n`);
    expect(diagnostics).toEqual([]);
    const version = changeDocument(session, uri, read('pages/api/users.ts'));
    expect(await waitForDiagnostics(session, uri, version)).toHaveLength(1);
    expect(session.exited).toBe(false);
    await close(uri);
  });

  it('applies settings changes without a restart', async () => {
    const { uri, diagnostics } = await open('pages/api/users.ts');
    expect(diagnostics).toHaveLength(1);
    session.settings = { rules: { 'no-pool-in-handler': 'off' } };
    let next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect(await next).toEqual([]);

    session.settings = { rules: { 'no-pool-in-handler': 'warn' } };
    next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).map((diagnostic) => diagnostic.severity)).toEqual([2]);

    session.settings = {};
    next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).map((diagnostic) => diagnostic.severity)).toEqual([1]);
    await close(uri);
  });

  it('does not lint a minified file over the size limit, says so once, and lints the next file', async () => {
    const handler = "import{Pool}from'pg';export async function GET(){const p=new Pool();return Response.json(await p.query('x'))}";
    const minified = `${handler};var data=[${'1,'.repeat(600_000)}];`;
    const { uri, diagnostics } = await open('app/api/bundle/route.ts', minified);
    expect(diagnostics).toEqual([]);
    expect(session.logs.filter((line) => line.includes('Not linting') && line.includes('bundle/route.ts'))).toHaveLength(1);
    await close(uri);
    const small = await open('app/api/small/route.ts', handler);
    expect(small.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['next-db/no-pool-in-handler']);
    await close(small.uri);
  });

  it('ignores settings of the wrong type, with a log line, and keeps linting', async () => {
    const { uri } = await open('pages/api/users.ts');
    session.settings = { enable: 'yes', run: 7, rules: { 'no-pool-in-handler': true, 'no-pool': 'off' }, poolSize: 'five', poolFactories: {} };
    const next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).map((diagnostic) => diagnostic.code)).toEqual(['next-db/no-pool-in-handler']);
    const warnings = session.logs.filter((line) => line.includes('Invalid setting ignored'));
    expect(warnings.some((line) => line.includes('next-db.poolSize') && line.includes('"five"'))).toBe(true);
    expect(warnings.some((line) => line.includes('next-db.rules.no-pool-in-handler'))).toBe(true);
    expect(warnings.some((line) => line.includes('there is no rule "no-pool"'))).toBe(true);
    expect(session.exited).toBe(false);
    session.settings = {};
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await close(uri);
  });

  it('lints the whole workspace on request, with progress, into diagnostics for unopened files', async () => {
    const files = listFixtureFiles()
      .filter((file) => file.appRoot === EXAMPLE_APP)
      .map((file) => path.relative(EXAMPLE_APP, file.filePath));
    const findings = files.map((file) => [file, eslintMessages(file, read(file)).length] as const);
    const result = await session.connection.sendRequest('next-db/lintWorkspace', { progressToken: 'lint-1' });
    expect(result).toEqual({
      files: files.length,
      problems: findings.reduce((sum, [, count]) => sum + count, 0),
      cancelled: false,
    });
    const published = [...session.diagnostics.values()].filter((params) => params.diagnostics.length > 0);
    expect(published.map((params) => path.relative(EXAMPLE_APP, new URL(params.uri).pathname)).sort()).toEqual(
      findings.filter(([, count]) => count > 0).map(([file]) => file),
    );
    expect(session.progress.get('lint-1')?.length).toBe(files.length);
  });
});

describe('a cancelled Lint Workspace', () => {
  const workspace = path.join(ROOT, 'test/.tmp/many-files-app');
  let session: LspSession;

  beforeAll(async () => {
    fs.rmSync(workspace, { recursive: true, force: true });
    for (let index = 0; index < 200; index++) {
      const file = path.join(workspace, `pages/api/route-${index}.ts`);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, read('pages/api/users.ts'));
    }
    session = await startServer({ serverPath: SERVER, rootPath: workspace });
  });
  afterAll(async () => {
    await stopServer(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('stops between files and says it was cancelled', async () => {
    const source = new CancellationTokenSource();
    const request = session.connection.sendRequest<{ files: number; cancelled: boolean }>(
      'next-db/lintWorkspace',
      { progressToken: 'cancelled' },
      source.token,
    );
    // Cancel once the first files are done.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if ((session.progress.get('cancelled')?.length ?? 0) >= 3) {
          clearInterval(timer);
          resolve();
        }
      }, 5);
    });
    source.cancel();
    const result = await request;
    expect(result.cancelled).toBe(true);
    expect(result.files).toBeLessThan(200);
    expect(session.exited).toBe(false);
  });
});

describe('not twice: a workspace whose ESLint config enables next-db, with the ESLint extension active', () => {
  const workspace = path.join(ROOT, 'test/.tmp/not-twice-app');
  let session: LspSession;

  beforeAll(async () => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.cpSync(EXAMPLE_APP, workspace, { recursive: true });
    fs.writeFileSync(
      path.join(workspace, 'eslint.config.mjs'),
      "import nextDb from 'eslint-plugin-next-db';\n\nexport default [nextDb.configs.recommended];\n",
    );
  });
  afterAll(async () => {
    await stopServer(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('leaves the rules to the ESLint extension, says so once, and reports them again when told to', async () => {
    session = await startServer({
      serverPath: SERVER,
      rootPath: workspace,
      initializationOptions: { debounceMs: 0, eslintExtensionActive: true },
    });
    const filePath = path.join(workspace, 'pages/api/users.ts');
    const uri = toUri(filePath);
    const first = waitForDiagnostics(session, uri, 1);
    await openDocument(session, filePath, fs.readFileSync(filePath, 'utf8'));
    expect(await first).toEqual([]);
    const announcements = session.notifications.filter((notification) => notification.method === 'next-db/deferringToEslint');
    expect(announcements).toEqual([
      {
        method: 'next-db/deferringToEslint',
        params: { folder: workspace, configFile: path.join(workspace, 'eslint.config.mjs'), rules: Object.keys(plugin.configs.recommended.rules).map((id) => id.replace('next-db/', '')) },
      },
    ]);

    session.settings = { deferToEslintExtension: false };
    const next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).map((diagnostic) => diagnostic.code)).toEqual(['next-db/no-pool-in-handler']);
  });
});

describe('source.fixAll.next-db on save, for text typed since the last lint', () => {
  let session: LspSession;

  beforeAll(async () => {
    // `run: onSave` leaves the last lint behind the text, as typing within the debounce does.
    session = await startServer({ serverPath: SERVER, rootPath: EXAMPLE_APP, settings: { run: 'onSave' } });
  });
  afterAll(async () => {
    await stopServer(session);
  });

  it('lints on save, not while typing; run: off and enable: false clear the diagnostics', async () => {
    const relativePath = 'app/api/users/route.ts';
    const filePath = path.join(EXAMPLE_APP, relativePath);
    const uri = toUri(filePath);
    const clean = "import { Pool } from 'pg';\n\nexport async function GET() {\n  return Response.json({});\n}\n";
    const opened = waitForDiagnostics(session, uri, 1);
    await openDocument(session, filePath, clean);
    expect(await opened).toEqual([]);

    const version = changeDocument(session, uri, clean.replace('  return', '  const pool = new Pool();\n  return'));
    await expect(waitForDiagnostics(session, uri, version, 500)).rejects.toThrow();
    const saved = waitForDiagnostics(session, uri, version);
    await session.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    expect((await saved).map((diagnostic) => diagnostic.code)).toEqual(['next-db/no-pool-in-handler']);

    for (const settings of [{ run: 'off' }, { enable: false }]) {
      session.settings = settings;
      const cleared = waitForDiagnostics(session, uri);
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      expect(await cleared).toEqual([]);
      session.settings = { run: 'onSave' };
      const back = waitForDiagnostics(session, uri);
      await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      expect(await back).toHaveLength(1);
    }
    session.documents.delete(uri);
    await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });

  it('computes the fixes for the text being saved', async () => {
    const relativePath = 'app/lib/data.ts';
    const filePath = path.join(EXAMPLE_APP, relativePath);
    const uri = toUri(filePath);
    const opened = waitForDiagnostics(session, uri, 1);
    await openDocument(session, filePath, read(relativePath));
    expect(await opened).toHaveLength(1);

    const typed = `// typed before saving\n${read(relativePath)}`;
    const version = changeDocument(session, uri, typed);
    const expected = new Linter({ cwd: EXAMPLE_APP }).verifyAndFix(typed, recommendedFlatConfig(plugin), { filename: filePath });
    expect(expected.fixed).toBe(true);

    const [action] = await requestCodeActions(session, uri, [], ['source.fixAll']);
    const change = action?.edit?.documentChanges?.[0] as TextDocumentEdit | undefined;
    expect(change?.textDocument.version).toBe(version);
    expect(TextDocument.applyEdits(session.documents.get(uri)!, change!.edits as TextEdit[])).toBe(expected.output);
  });
});

describe('a file opened outside every workspace folder', () => {
  const elsewhere = path.join(ROOT, 'test/.tmp/unrelated-folder');
  let session: LspSession;

  beforeAll(async () => {
    fs.mkdirSync(elsewhere, { recursive: true });
    session = await startServer({ serverPath: SERVER, rootPath: elsewhere });
  });
  afterAll(async () => {
    await stopServer(session);
    fs.rmSync(elsewhere, { recursive: true, force: true });
  });

  it.each(['app/api/users/route.ts', 'app/lib/data.ts'])(
    'reports %s as eslint run in its project (the folder with its package.json) does',
    async (relativePath) => {
      const filePath = path.join(EXAMPLE_APP, relativePath);
      const uri = toUri(filePath);
      const published = waitForDiagnostics(session, uri, 1);
      await openDocument(session, filePath, read(relativePath));
      const expected = eslintMessages(relativePath, read(relativePath));
      expect(expected).toHaveLength(1);
      expect((await published).map((diagnostic) => [diagnostic.code, diagnostic.range.start.line + 1])).toEqual(
        expected.map((message) => [message.ruleId, message.line]),
      );
    },
  );
});

describe('not twice in a monorepo: the ESLint config of an app below the workspace folder', () => {
  const workspace = path.join(ROOT, 'test/.tmp/not-twice-monorepo');
  const app = path.join(workspace, 'apps/web');
  let session: LspSession;

  beforeAll(async () => {
    fs.rmSync(workspace, { recursive: true, force: true });
    fs.cpSync(EXAMPLE_APP, app, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'package.json'), '{ "private": true, "workspaces": ["apps/*"] }\n');
    fs.writeFileSync(path.join(app, 'eslint.config.mjs'), "import nextDb from 'eslint-plugin-next-db';\n\nexport default [nextDb.configs.recommended];\n");
    // The rules find the app below the workspace folder by its next.config.*.
    fs.writeFileSync(path.join(app, 'next.config.mjs'), 'export default {};\n');
    session = await startServer({
      serverPath: SERVER,
      rootPath: workspace,
      initializationOptions: { debounceMs: 0, eslintExtensionActive: true },
    });
  });
  afterAll(async () => {
    await stopServer(session);
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it("is the one that applies to the app's files (ESLint 10 looks from the file's folder up)", async () => {
    const filePath = path.join(app, 'pages/api/users.ts');
    const uri = toUri(filePath);
    const first = waitForDiagnostics(session, uri, 1);
    await openDocument(session, filePath, fs.readFileSync(filePath, 'utf8'));
    expect(await first).toEqual([]);
    const announcements = session.notifications.filter((notification) => notification.method === 'next-db/deferringToEslint');
    expect(announcements.map((notification) => (notification.params as { configFile: string }).configFile)).toEqual([
      path.join(app, 'eslint.config.mjs'),
    ]);

    session.settings = { deferToEslintExtension: false };
    const next = waitForDiagnostics(session, uri);
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    expect((await next).map((diagnostic) => diagnostic.code)).toEqual(['next-db/no-pool-in-handler']);
  });
});
