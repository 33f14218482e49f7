/**
 * Builds the VSIX as `npm run package` does (production bundles, then vsce,
 * whose prepublish step type-checks the shipped code) and checks what is
 * inside. Then runs the packaged server from a folder with no node_modules
 * anywhere above it: the bundle must be self-contained.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LspSession, openDocument, startServer, stopServer, toUri, waitForDiagnostics } from './lsp-session.mjs';
import { EXAMPLE_APP, ROOT } from './helpers';
import { type ZipEntry, readZip } from './zip';

const VSIX = path.join(ROOT, 'test/.tmp', `packaging-${process.pid}`, 'next-db.vsix');

let entries: ZipEntry[];
afterAll(() => fs.rmSync(path.dirname(VSIX), { recursive: true, force: true }));

const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

/** The vsce arguments of `npm run package`, without its `--out`: the test packages as users' builds do. */
function packageScriptVsceArgs(): string[] {
  const command = rootManifest.scripts.package?.split('&&').map((part) => part.trim()).find((part) => part.startsWith('vsce '));
  if (command === undefined) throw new Error('`npm run package` does not run vsce');
  const args = command.split(/\s+/).slice(1);
  const out = args.indexOf('--out');
  if (out !== -1) args.splice(out, 2);
  return args;
}

function entry(name: string): ZipEntry {
  const found = entries.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`${name} is not in the VSIX`);
  return found;
}

beforeAll(() => {
  fs.mkdirSync(path.dirname(VSIX), { recursive: true });
  // `npm run package` also builds the plugin's own dist/, which the VSIX does not use (it bundles the source).
  execFileSync(process.execPath, ['esbuild.js', '--production'], { cwd: ROOT, stdio: 'pipe' });
  execFileSync(path.join(ROOT, 'node_modules/.bin/vsce'), [...packageScriptVsceArgs(), '--out', VSIX], { cwd: ROOT, stdio: 'pipe' });
  entries = readZip(VSIX);
}, 300_000);

describe('the VSIX', () => {
  it('holds only the bundles, the manifest and the listing files', () => {
    expect(entries.map((candidate) => candidate.name).sort()).toEqual([
      '[Content_Types].xml',
      'extension.vsixmanifest',
      'extension/LICENSE.txt',
      'extension/changelog.md',
      'extension/dist/client.js',
      'extension/dist/lint.js',
      'extension/dist/server-main.js',
      'extension/dist/server.js',
      'extension/extension/images/icon.png',
      'extension/package.json',
      'extension/readme.md',
    ]);
    expect(entries.some((candidate) => /node_modules|\.ts$|\.map$|(^|\/)src\//.test(candidate.name))).toBe(false);
  });

  it("has the users' README, with images from the package or the one address `npm run package` states", () => {
    const readme = entry('extension/readme.md').read().toString('utf8');
    expect(readme).toMatch(/^# next-db for VS Code\n/);
    expect(readme).not.toContain('npm test');
    const baseImagesUrl = packageScriptVsceArgs()[packageScriptVsceArgs().indexOf('--baseImagesUrl') + 1];
    const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((match) => match[1]!);
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      const localPath = image.startsWith(`${baseImagesUrl}/`) ? path.join(ROOT, 'extension', image.slice(baseImagesUrl!.length + 1)) : undefined;
      expect(localPath !== undefined && fs.existsSync(localPath), `${image} is neither in extension/ nor under ${baseImagesUrl}`).toBe(true);
    }
  });

  it('ships minified bundles without source maps', () => {
    for (const name of ['extension/dist/client.js', 'extension/dist/server-main.js', 'extension/dist/lint.js']) {
      const code = entry(name).read().toString('utf8');
      // Booleans, not the code itself, in the assertions: the bundles are megabytes long.
      expect(/\/\/# sourceMappingURL=\S+\s*$/.test(code), `${name} links a source map`).toBe(false);
      expect(code.split('\n').length < code.length / 1000, `${name} is not minified`).toBe(true);
    }
  });

  it('declares the manifest the editor needs', () => {
    const manifest = JSON.parse(entry('extension/package.json').read().toString('utf8')) as Record<string, unknown> & {
      contributes: { commands: Array<{ command: string; title: string; category: string }>; configuration: { properties: Record<string, { scope: string; order: number; type: string }> } };
    };
    expect(manifest.main).toBe('./dist/client.js');
    expect(manifest.engines).toMatchObject({ vscode: '^1.91.0' });
    expect(manifest.capabilities).toMatchObject({ untrustedWorkspaces: { supported: true } });
    expect(manifest.contributes.commands).toContainEqual({ command: 'next-db.lintWorkspace', title: 'Lint Workspace', category: 'next-db' });
    const settings = manifest.contributes.configuration.properties;
    // The settings UI sorts by `order`: the two everyone needs first.
    expect(Object.keys(settings).sort((a, b) => settings[a]!.order - settings[b]!.order)).toEqual([
      'next-db.enable',
      'next-db.run',
      'next-db.rules',
      'next-db.poolSize',
      'next-db.poolFactories',
      'next-db.next.rootDir',
      'next-db.next.host',
      'next-db.deferToESLintExtension',
    ]);
    // An array of strings, so the settings UI can edit it (a string|array setting is JSON-only).
    expect(settings['next-db.next.rootDir']).toMatchObject({ type: 'array', items: { type: 'string' }, default: ['.'] });
    expect(Object.values(settings).every((setting) => setting.scope === 'resource')).toBe(true);
  });

  describe('its server, run from a folder without node_modules', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-vsix-'));
    let session: LspSession;

    afterAll(async () => {
      if (session !== undefined) await stopServer(session);
      fs.rmSync(folder, { recursive: true, force: true });
    });

    it('lints a file of the example app', async () => {
      const serverPath = path.join(folder, 'server.js');
      fs.writeFileSync(serverPath, entry('extension/dist/server.js').read());
      for (const bundle of ['server-main.js', 'lint.js']) fs.writeFileSync(path.join(folder, bundle), entry(`extension/dist/${bundle}`).read());
      session = await startServer({ serverPath, rootPath: EXAMPLE_APP });
      const filePath = path.join(EXAMPLE_APP, 'pages/api/users.ts');
      const diagnostics = waitForDiagnostics(session, toUri(filePath), 1);
      await openDocument(session, filePath, fs.readFileSync(filePath, 'utf8'));
      expect((await diagnostics).map((diagnostic) => diagnostic.code)).toEqual(['no-pool-in-handler']);
    });
  });
});
