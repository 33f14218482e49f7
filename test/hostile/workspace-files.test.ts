/**
 * Hostile workspaces a cloned repository can hold (issue 9, items 1-5): after
 * each hostile action the server answers a trivial request within 1 s and
 * holds under 500 MB.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Linter } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import {
  type LspSession,
  executeCommand,
  getText,
  openDocument,
  requestCodeActions,
  toUri,
  waitForDiagnostics,
} from '../extension/lsp-session.mjs';
import { POOL_ROUTE, type HostileFolder, expectResponsive, useHostileServers } from './harness';

interface LintWorkspaceResult {
  files: number;
  problems: number;
  cancelled: boolean;
}

const hostile = useHostileServers('workspace-files');
const { openAndLint } = hostile;
let folder: HostileFolder;
let session: LspSession;

async function start(initializationOptions: Record<string, unknown> = {}): Promise<LspSession> {
  session = await hostile.start(initializationOptions);
  return session;
}

function lintWorkspace(): Promise<LintWorkspaceResult> {
  return session.connection.sendRequest<LintWorkspaceResult>('next-db/lintWorkspace', { progressToken: 'hostile' });
}

describe('1. a .gitignore built to make regular expressions backtrack', () => {
  it('Lint Workspace walks 50 long names past it, drops only the invalid [z-a] line, and the server stays responsive', async () => {
    folder = hostile.createFolder();
    folder.write('.gitignore', '*a*a*a*a*a*a*a*a*a*a*a*b\n[z-a]\nignored/\n');
    for (let index = 0; index < 50; index++) folder.write(`app/${'a'.repeat(150 + index)}.ts`, 'export const value = 1;\n');
    folder.write('ignored/route.ts', POOL_ROUTE);
    await start();
    const result = lintWorkspace();
    await expectResponsive(session);
    // As regular expressions, these names kept the server busy for minutes: the test would time out.
    expect(await result).toEqual({ files: 50, problems: 0, cancelled: false });
    expect(session.diagnostics.has(toUri(path.join(folder.workspace, 'ignored/route.ts')))).toBe(false);
    await expectResponsive(session);
  });
});

describe('2-3. FIFOs and links to /dev/zero where files are expected', () => {
  it.each([
    ['FIFOs (reading one blocks forever)', (file: string) => execFileSync('mkfifo', [file])],
    ['links to /dev/zero (reading one never ends)', (file: string) => fs.symlinkSync('/dev/zero', file)],
  ])('%s as eslint.config.mjs (ESLint extension active), .gitignore and a route file are not read', async (_, make) => {
    folder = hostile.createFolder();
    folder.write('app/api/users/route.ts', POOL_ROUTE);
    fs.mkdirSync(path.join(folder.workspace, 'app/api/odd'), { recursive: true });
    for (const name of ['eslint.config.mjs', '.gitignore', 'app/api/odd/route.ts']) make(path.join(folder.workspace, name));
    await start({ eslintExtensionActive: true });
    // The config cannot be read, so no rule is left to the ESLint extension: next-db reports.
    expect(await openAndLint('app/api/users/route.ts', POOL_ROUTE)).toEqual(['no-pool-in-handler']);
    await expectResponsive(session);
    expect(await lintWorkspace()).toEqual({ files: 1, problems: 1, cancelled: false });
    await expectResponsive(session);
  });
});

describe('4. a handler creating 2,000 pools', () => {
  it('reports every pool, and the server answers right after', async () => {
    folder = hostile.createFolder();
    const lines = ["import { Pool } from 'pg';", '', 'export async function GET() {'];
    for (let index = 0; index < 2000; index++) lines.push(`  const p${index} = new Pool({ max: 1 }); await p${index}.end();`);
    lines.push('  return Response.json({});', '}', '');
    await start();
    // The wait allows for a busy two-core machine; linearity is checked by counting
    // (test/rules/no-pool-in-handler-linear.test.ts) and timed by `npm run bench:hostile`.
    const codes = await openAndLint('app/api/many/route.ts', lines.join('\n'), 100_000);
    expect(codes).toHaveLength(2000);
    await expectResponsive(session);
  }, 150_000);
});

describe('5. a file starting with two byte order marks', () => {
  it('gets a hoist suggestion that parses and does what it says', async () => {
    folder = hostile.createFolder();
    await start();
    const file = path.join(folder.workspace, 'app/api/users/route.ts');
    const uri = toUri(file);
    const diagnostics = waitForDiagnostics(session, uri, 1);
    await openDocument(session, file, `\uFEFF\uFEFF${POOL_ROUTE}`);
    const [diagnostic] = await diagnostics;
    expect(diagnostic?.range.start).toEqual({ line: 3, character: POOL_ROUTE.split('\n')[3]!.indexOf('new Pool()') });
    const actions = await requestCodeActions(session, uri, [diagnostic!]);
    const hoist = actions.find((action) => action.title.startsWith('Create `pool` once at module scope'));
    expect(await executeCommand(session, hoist!.command!)).toBe(true);
    const fixed = getText(session, uri);
    expect(fixed).toContain('const pool = new Pool({ max: 5 });');
    const parsed = new Linter().verify(fixed.slice(2), { languageOptions: { parser: tsParser as Linter.Parser } }, { filename: file });
    expect(parsed.filter((message) => message.fatal === true)).toEqual([]);
    await expectResponsive(session);
  });
});
