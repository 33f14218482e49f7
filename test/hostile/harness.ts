/**
 * Builds hostile workspaces in temp folders and checks the bundled language
 * server after each hostile action: it must answer a trivial request within
 * 1 s and stay under 500 MB of resident memory (issue 9).
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ROOT } from '../extension/helpers';
import { type LspSession, openDocument, startServer, stopServer, toUri, waitForDiagnostics } from '../extension/lsp-session.mjs';

export const MAX_ANSWER_MS = 1_000;
export const MAX_RSS_MB = 500;

/**
 * Builds the bundled server into a folder of its own (test files, and other test runs of this
 * checkout, run at the same time) and returns its path; `removeServer` deletes the folder.
 */
export function buildServer(name: string): string {
  const outdir = path.join(ROOT, 'test/.tmp', `hostile-${name}-${process.pid}`);
  execFileSync(process.execPath, ['esbuild.js', `--outdir=${outdir}`], { cwd: ROOT, stdio: 'pipe' });
  return path.join(outdir, 'server.js');
}

export function removeServer(serverPath: string): void {
  fs.rmSync(path.dirname(serverPath), { recursive: true, force: true });
}

export interface HostileFolder {
  /** The workspace folder the server is given. */
  workspace: string;
  /** A folder next to the workspace, outside it: nothing there may be read. */
  canary: string;
  write(relativePath: string, text: string | Buffer): string;
  remove(): void;
}

/** A temp folder holding `workspace/` (with a package.json) and `canary/` beside it. */
export function createHostileFolder(): HostileFolder {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-hostile-'));
  const workspace = path.join(base, 'workspace');
  const canary = path.join(base, 'canary');
  fs.mkdirSync(workspace);
  fs.mkdirSync(canary);
  const write = (relativePath: string, text: string | Buffer) => {
    const file = path.join(workspace, relativePath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  write('package.json', JSON.stringify({ name: 'hostile', private: true, dependencies: { next: '16.0.0' } }));
  return { workspace, canary, write, remove: () => fs.rmSync(base, { recursive: true, force: true }) };
}

export interface HostileServers {
  /** A fresh hostile folder for the current test (removed after it). */
  createFolder(): HostileFolder;
  /** Starts the server on the current test's folder (stopped after the test). */
  start(initializationOptions?: Record<string, unknown>): Promise<LspSession>;
  /** Opens a file of the folder in the started server and returns the codes of its first diagnostics. */
  openAndLint(relativePath: string, text: string, timeoutMs?: number): Promise<string[]>;
}

/** One bundled server for the test file, started per test on a hostile folder of its own. */
export function useHostileServers(name: string): HostileServers {
  let serverPath = '';
  let folder: HostileFolder | undefined;
  let session: LspSession | undefined;
  beforeAll(() => {
    serverPath = buildServer(name);
  }, 120_000);
  afterAll(() => removeServer(serverPath));
  afterEach(async () => {
    if (session !== undefined) await stopServer(session);
    folder?.remove();
    session = undefined;
    folder = undefined;
  });
  return {
    createFolder() {
      folder = createHostileFolder();
      return folder;
    },
    async start(initializationOptions = {}) {
      session = await startServer({ serverPath, rootPath: folder!.workspace, initializationOptions: { debounceMs: 0, ...initializationOptions } });
      return session;
    },
    async openAndLint(relativePath, text, timeoutMs) {
      const file = path.join(folder!.workspace, relativePath);
      const diagnostics = waitForDiagnostics(session!, toUri(file), 1, timeoutMs);
      await openDocument(session!, file, text);
      return (await diagnostics).map((diagnostic) => String(diagnostic.code));
    },
  };
}

/** Milliseconds the server takes to answer a code action request for a file that is not open (an empty list). */
async function timeTrivialRequest(session: LspSession): Promise<number> {
  const started = performance.now();
  const answer = await Promise.race([
    session.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: 'file:///next-db-hostile/not-open.ts' },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [] },
    }),
    new Promise((resolve) => setTimeout(() => resolve('no answer'), 10 * MAX_ANSWER_MS)),
  ]);
  expect(answer).toEqual([]);
  return performance.now() - started;
}

/** Resident memory of the server process, in MB (Linux). */
export function getRssMb(session: LspSession): number {
  const status = fs.readFileSync(`/proc/${session.child.pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? Infinity) / 1024;
}

/**
 * The server answers a trivial request within 1 s and holds under 500 MB.
 * The best of three tries counts, so that a busy machine (two cores, other
 * jobs) does not fail a server that is free; a frozen one fails all three.
 */
export async function expectResponsive(session: LspSession): Promise<void> {
  const times: number[] = [];
  for (let attempt = 0; attempt < 3; attempt++) times.push(await timeTrivialRequest(session));
  expect(Math.min(...times), `answer times: ${times.map((time) => time.toFixed(0)).join(', ')} ms`).toBeLessThan(MAX_ANSWER_MS);
  expect(getRssMb(session)).toBeLessThan(MAX_RSS_MB);
  expect(session.exited).toBe(false);
}

/** A module exporting a better-sqlite3 database: a page that queries it synchronously gets a require-connection report. */
export const DATABASE_MODULE = "import Database from 'better-sqlite3';\n\nexport const db = new Database('app.db');\n";

/** A Server Component querying `db` from `specifier` synchronously. */
export function pageQuerying(specifier: string): string {
  return [
    `import { db } from '${specifier}';`,
    '',
    'export default function Page() {',
    "  const rows = db.prepare('select 1').all();",
    '  return <p>{rows.length}</p>;',
    '}',
    '',
  ].join('\n');
}

/** A route handler that creates a pool per request: one no-pool-in-handler report. */
export const POOL_ROUTE = [
  "import { Pool } from 'pg';",
  '',
  'export async function GET() {',
  '  const pool = new Pool();',
  "  const { rows } = await pool.query('select 1');",
  '  return Response.json(rows);',
  '}',
  '',
].join('\n');
