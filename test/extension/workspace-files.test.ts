import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findWorkspaceFolder, toFileUri, toFilePath } from '../../extension/src/server/folders';
import { GitIgnore } from '../../extension/src/server/gitignore';
import { type Problem, toProblem } from '../../extension/src/server/diagnostics';
import { lintText } from '../../extension/src/server/lint';
import { lintWorkspace } from '../../extension/src/server/lint-workspace';
import { createPositionMapper } from '../../extension/src/server/positions';
import { MAX_GITIGNORE_BYTES, findLintableFiles } from '../../extension/src/server/workspace-files';
import { normalizeSettings } from '../../extension/src/shared/settings';

async function collect(files: AsyncIterable<string>): Promise<string[]> {
  const found: string[] = [];
  for await (const file of files) found.push(file);
  return found;
}

describe('GitIgnore', () => {
  const ignore = new GitIgnore(
    ['# comment', '', '*.log', '/dist', 'coverage/', 'docs/**/*.gen.ts', '!keep.log', 'a?c.ts', 'tmp[0-9].ts', '\\#hash.ts'].join('\n'),
  );

  it.each([
    ['error.log', false, true],
    ['nested/deep/error.log', false, true],
    ['keep.log', false, false],
    ['dist', true, true],
    ['src/dist', true, false],
    ['coverage', true, true],
    ['coverage', false, false],
    ['docs/a/b/x.gen.ts', false, true],
    ['docs/x.gen.ts', false, true],
    ['src/x.gen.ts', false, false],
    ['abc.ts', false, true],
    ['abbc.ts', false, false],
    ['tmp7.ts', false, true],
    ['tmpx.ts', false, false],
    ['#hash.ts', false, true],
    ['src/app/page.tsx', false, false],
  ])('%s (directory: %s) → ignored: %s', (relativePath, isDirectory, expected) => {
    expect(ignore.ignores(relativePath, isDirectory)).toBe(expected);
  });
});

describe('GitIgnore against hostile patterns (issue 9)', () => {
  it('matches a pattern that makes a backtracking regular expression explode, on names of 200 characters', () => {
    // As a regular expression, this took minutes per name: the test would time out.
    const ignore = new GitIgnore('*a*a*a*a*a*a*a*a*a*a*a*b\n');
    for (let length = 150; length <= 200; length++) {
      expect(ignore.ignores(`app/${'a'.repeat(length)}.ts`, false)).toBe(false);
    }
    expect(ignore.ignores(`app/${'a'.repeat(30)}b`, false)).toBe(true);
  });

  it('drops only the line of an invalid pattern such as [z-a]', () => {
    const ignore = new GitIgnore('[z-a].ts\ngenerated/\n*.log\n');
    expect(ignore.ignores('generated', true)).toBe(true);
    expect(ignore.ignores('debug.log', false)).toBe(true);
    expect(ignore.ignores('m.ts', false)).toBe(false);
  });

  it('handles a long run of trailing spaces and the escaped one git keeps', () => {
    expect(new GitIgnore(`x${' '.repeat(100_000)}y\n`).ignores(`x${' '.repeat(100_000)}y`, false)).toBe(true);
    expect(new GitIgnore('a\\  \n').ignores('a ', false)).toBe(true);
  });

  it.each([
    ['**/logs', 'a/b/logs', true],
    ['**/logs', 'logs', true],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'ab', false],
    ['abc/**', 'abc/x/y.ts', true],
    ['abc/**', 'abc', false],
    ['*.ts', 'src/a/b.ts', true],
    ['src/*.ts', 'src/a/b.ts', false],
    ['[!a]x.ts', 'bx.ts', true],
    ['[!a]x.ts', 'ax.ts', false],
    ['[]]x', ']x', true],
    ['[ab', '[ab', true],
    ['\\*x', '*x', true],
    ['\\*x', 'ax', false],
  ])('%s matches %s: %s', (pattern, relativePath, expected) => {
    expect(new GitIgnore(pattern).ignores(relativePath, false)).toBe(expected);
  });
});

describe('findLintableFiles', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-files-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  function write(relativePath: string, content = ''): void {
    fs.mkdirSync(path.dirname(path.join(root, relativePath)), { recursive: true });
    fs.writeFileSync(path.join(root, relativePath), content);
  }

  it('finds JS/TS files and skips node_modules, .next, out and build of project roots, .gitignore entries and declarations', async () => {
    write('.gitignore', 'generated/\n*.secret.ts\n');
    write('app/page.tsx');
    write('app/api/users/route.ts');
    write('lib/db.mjs');
    write('lib/legacy.cjs');
    write('lib/types.d.ts');
    write('lib/key.secret.ts');
    write('README.md');
    write('node_modules/pg/index.js');
    write('.next/server/app.js');
    write('out/index.js');
    write('build/x.js');
    write('generated/client.ts');
    write('packages/web/.gitignore', 'local.ts\n');
    write('packages/web/local.ts');
    // A deeper .gitignore overrides a shallower one, as in git.
    write('.gitignore', 'generated/\n*.secret.ts\n*.gen.ts\n');
    write('packages/web/.gitignore', 'local.ts\n!schema.gen.ts\n');
    write('packages/web/schema.gen.ts');
    write('packages/web/other.gen.ts');
    write('packages/web/app/page.jsx');
    write('packages/web/package.json', '{}');
    write('packages/web/out/index.js');
    write('packages/web/build/x.js');
    // Route segments named like build output are routes: eslint lints them.
    write('app/build/[id]/page.tsx');
    write('pages/api/out/index.ts');
    const found = (await collect(findLintableFiles(root))).map((file) => path.relative(root, file).split(path.sep).join('/'));
    expect(found.sort()).toEqual([
      'app/api/users/route.ts',
      'app/build/[id]/page.tsx',
      'app/page.tsx',
      'lib/db.mjs',
      'lib/legacy.cjs',
      'packages/web/app/page.jsx',
      'packages/web/schema.gen.ts',
      'pages/api/out/index.ts',
    ]);
  });

  it('lints what an ignored folder holds only when .gitignore does not skip it, despite a broken line', async () => {
    write('broken/.gitignore', '[z-a]\nvendor/\n');
    write('broken/vendor/x.ts');
    write('broken/own.ts');
    const found = await collect(findLintableFiles(path.join(root, 'broken')));
    expect(found.map((file) => path.basename(file))).toEqual(['own.ts']);
  });

  it('skips a .gitignore that is a FIFO or a link to /dev/zero, and one over the size cap', async () => {
    write('odd/fifo/a.ts');
    execFileSync('mkfifo', [path.join(root, 'odd/fifo/.gitignore')]);
    write('odd/zero/a.ts');
    fs.symlinkSync('/dev/zero', path.join(root, 'odd/zero/.gitignore'));
    write('odd/huge/a.ts');
    write('odd/huge/.gitignore', `a.ts\n${'#'.repeat(MAX_GITIGNORE_BYTES)}\n`);
    const found = await collect(findLintableFiles(path.join(root, 'odd')));
    expect(found.map((file) => path.relative(root, file)).sort()).toEqual(['odd/fifo/a.ts', 'odd/huge/a.ts', 'odd/zero/a.ts']);
  });

  it('stops part-way when cancelled while walking', async () => {
    for (let index = 0; index < 300; index++) write(`many/f${index}/a.ts`);
    let checks = 0;
    const found = await collect(findLintableFiles(path.join(root, 'many'), () => ++checks > 20));
    expect(found.length).toBeLessThan(300);
  });

  it('stops when cancelled', async () => {
    expect(await collect(findLintableFiles(root, () => true))).toEqual([]);
  });
});

describe('workspace folders', () => {
  it('picks the innermost folder holding the file, and none for files outside', () => {
    const folders = ['/w', '/w/apps/web', '/other'];
    expect(findWorkspaceFolder(folders, '/w/apps/web/app/page.tsx')).toBe('/w/apps/web');
    expect(findWorkspaceFolder(folders, '/w/lib/db.ts')).toBe('/w');
    expect(findWorkspaceFolder(folders, '/wx/lib/db.ts')).toBeUndefined();
    expect(findWorkspaceFolder(folders, '/w')).toBeUndefined();
  });

  it('turns file URIs into paths and ignores other schemes', () => {
    expect(toFilePath('file:///w/app/%C3%A9t%C3%A9/page.tsx')).toBe('/w/app/été/page.tsx');
    expect(toFilePath('untitled:Untitled-1')).toBeUndefined();
    expect(toFilePath(toFileUri('/w/a b/@x.ts'))).toBe('/w/a b/@x.ts');
  });
});

describe('lintWorkspace', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-bom-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('gives positions in the text without its byte order mark, as VS Code shows the file', async () => {
    const line = "import { Pool } from 'pg'; export default async function handler(req, res) { const pool = new Pool(); res.json(await pool.query('x')); }";
    fs.mkdirSync(path.join(root, 'pages/api'), { recursive: true });
    fs.writeFileSync(path.join(root, 'package.json'), '{}');
    fs.writeFileSync(path.join(root, 'pages/api/bom.ts'), `\uFEFF${line}\n`);
    const published: Problem[][] = [];
    await lintWorkspace({
      folders: [root],
      token: { isCancellationRequested: false, onCancellationRequested: () => ({ dispose() {} }) },
      openText: () => undefined,
      buildRequest: async (filename, text) => ({ text, filename, cwd: root, settings: normalizeSettings({}) }),
      lint: (request, document) =>
        lintText(request).messages.flatMap((message) => toProblem(message, createPositionMapper(document), undefined) ?? []),
      publish: (_, problems) => published.push(problems),
      report: () => {},
    });
    const ranges = published.flat().map((problem) => problem.diagnostic.range.start);
    expect(ranges).toEqual([{ line: 0, character: line.indexOf('new Pool()') }]);
  });
});
