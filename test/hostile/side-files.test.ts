/**
 * Hostile side files: huge imported modules and next.config, paths that lead
 * out of the workspace, and config files TypeScript reads but a hand-written
 * JSON reader drops. The project model (eslint-plugin/src/project/) reads
 * every side file: inside the root, under the size cap, parsed without tokens,
 * JSON read as TypeScript reads it.
 */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type LspSession, openDocument, toUri, waitForDiagnostics } from '../extension/lsp-session.mjs';
import { DATABASE_MODULE, expectResponsive, pageQuerying, useHostileServers } from './harness';

const hostile = useHostileServers('side-files');
let session: LspSession;

/** Starts the server on the folder, opens the file and returns the codes of its first diagnostics. */
async function openAndLint(relativePath: string, text: string, timeoutMs?: number): Promise<string[]> {
  session = await hostile.start();
  return hostile.openAndLint(relativePath, text, timeoutMs);
}

describe('paths and imports that lead outside the workspace (item 7)', () => {
  it('control: a database module inside the workspace, imported through paths, is followed', async () => {
    const folder = hostile.createFolder();
    folder.write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } }));
    folder.write('lib/db.ts', DATABASE_MODULE);
    expect(await openAndLint('app/page.tsx', pageQuerying('@/lib/db'))).toEqual(['require-connection']);
    await expectResponsive(session);
  });

  it('a paths entry climbing to a canary outside the workspace is not followed', async () => {
    const folder = hostile.createFolder();
    folder.write(`../canary/db.ts`, DATABASE_MODULE);
    const climb = `${'../'.repeat(folder.workspace.split(path.sep).length + 2)}${folder.canary.slice(1)}/*`;
    folder.write('tsconfig.json', JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': [climb] } } }));
    expect(await openAndLint('app/page.tsx', pageQuerying('@/db'))).toEqual([]);
    await expectResponsive(session);
  });

  it('a relative import with many ../ reaching the canary is not followed', async () => {
    const folder = hostile.createFolder();
    folder.write(`../canary/db.ts`, DATABASE_MODULE);
    const specifier = `${'../'.repeat(folder.workspace.split(path.sep).length + 4)}${folder.canary.slice(1)}/db`;
    expect(await openAndLint('app/page.tsx', pageQuerying(specifier))).toEqual([]);
    await expectResponsive(session);
  });
});

/** About `megabytes` MB of plain functions after `head`. */
function padModule(head: string, megabytes: number, line: (index: number) => string): string {
  const lines = [head];
  let size = head.length;
  for (let index = 0; size < megabytes * 1_000_000; index++) {
    const next = line(index);
    lines.push(next);
    size += next.length + 1;
  }
  return lines.join('\n');
}

describe('huge side files (item 6)', () => {
  // imported modules over the size cap are skipped, and parsed without tokens.
  it('a 2.9 MB imported module neither freezes the server nor exhausts its memory', async () => {
    const folder = hostile.createFolder();
    folder.write('lib/db.ts', padModule(DATABASE_MODULE, 2.9, (index) => `export function helper${index}(value: number) { return value + ${index}; }`));
    await openAndLint('app/page.tsx', pageQuerying('../lib/db'), 15_000);
    await expectResponsive(session);
  });

  // next.config.* over the size cap is skipped.
  it('a 9.5 MB next.config.js neither freezes the server nor exhausts its memory', async () => {
    const folder = hostile.createFolder();
    folder.write('next.config.js', padModule('module.exports = { env: {', 9.5, (index) => `  KEY_${index}: 'value ${index}',`) + '\n} };\n');
    // A GET route handler makes the rule look for cacheComponents in next.config.
    const route = `${DATABASE_MODULE}\nexport async function GET() {\n  return Response.json(db.prepare('select 1').all());\n}\n`;
    expect(await openAndLint('app/api/rows/route.ts', route, 15_000)).toEqual([]);
    await expectResponsive(session);
  });
});

describe('config files TypeScript and Node read (item 8)', () => {
  // tsconfig read as JSONC, the way TypeScript reads it.
  it('a tsconfig with a trailing comma before a comment keeps its paths', async () => {
    const folder = hostile.createFolder();
    folder.write('tsconfig.json', '{"compilerOptions": {"baseUrl": ".", "paths": {"@/*": ["./*"]}, /* c */ }}');
    folder.write('lib/db.ts', DATABASE_MODULE);
    expect(await openAndLint('app/page.tsx', pageQuerying('@/lib/db'))).toEqual(['require-connection']);
  });

  it('a tsconfig starting with a BOM keeps its paths', async () => {
    const folder = hostile.createFolder();
    folder.write('tsconfig.json', `\uFEFF${JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./*'] } } })}`);
    folder.write('lib/db.ts', DATABASE_MODULE);
    expect(await openAndLint('app/page.tsx', pageQuerying('@/lib/db'))).toEqual(['require-connection']);
  });

  // with Next 14 read from package.json, the message offers noStore().
  it('a package.json starting with a BOM still gives the Next.js version', async () => {
    const folder = hostile.createFolder();
    folder.write('package.json', `\uFEFF${JSON.stringify({ name: 'bom', dependencies: { next: '14.2.0' } })}`);
    folder.write('lib/db.ts', DATABASE_MODULE);
    session = await hostile.start();
    const file = path.join(folder.workspace, 'app/page.tsx');
    const diagnostics = waitForDiagnostics(session, toUri(file), 1);
    await openDocument(session, file, `${DATABASE_MODULE}\nexport const rows = db.prepare('select 1').all();\n`);
    expect((await diagnostics).map((diagnostic) => diagnostic.message).join('\n')).toContain('noStore()');
  });
});
