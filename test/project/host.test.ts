import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetProjectCaches } from '../../eslint-plugin/src/project/epoch';
import { detectHost, getHost } from '../../eslint-plugin/src/project/host';
import { getNextSettings } from '../../eslint-plugin/src/utils/next/next-settings';

const FIXTURES = path.resolve('test/fixtures/hosts');
const TMP = path.resolve('test/.tmp', `host-${process.pid}`);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
beforeEach(() => forgetProjectCaches());

/** A throwaway app: its files, written under a fresh folder. */
function makeApp(name: string, files: Record<string, string>): string {
  const root = path.join(TMP, name);
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
}

const NEXT = { next: '16.4.5' };
/** A package.json that depends on next, plus the given packages. */
function manifest(fields: { dependencies?: Record<string, string>; devDependencies?: Record<string, string> }): string {
  return JSON.stringify({ dependencies: { ...NEXT, ...fields.dependencies }, devDependencies: fields.devDependencies ?? {} });
}

describe('detectHost', () => {
  it('reads each fixture app as its host', () => {
    const host = (app: string) => detectHost(path.join(FIXTURES, app), path.join(FIXTURES, app));
    expect(host('vercel')).toBe('vercel');
    expect(host('vercel-json')).toBe('vercel');
    expect(host('cloudflare')).toBe('cloudflare');
    expect(host('cloudflare-wrangler')).toBe('cloudflare');
    expect(host('node')).toBe('node');
  });

  it('knows every wrangler config name, and the OpenNext adapter in devDependencies', () => {
    for (const config of ['wrangler.toml', 'wrangler.json', 'wrangler.jsonc']) {
      const root = makeApp(`wrangler-${config}`, { 'package.json': manifest({}), [config]: '' });
      expect(detectHost(root, root)).toBe('cloudflare');
    }
    const adapter = makeApp('adapter-dev', { 'package.json': manifest({ devDependencies: { '@opennextjs/cloudflare': '1.14.0' } }) });
    expect(detectHost(adapter, adapter)).toBe('cloudflare');
  });

  it('counts @vercel/functions in dependencies only: a devDependency is a test or a tool', () => {
    const runtime = makeApp('vercel-runtime', { 'package.json': manifest({ dependencies: { '@vercel/functions': '3.11.1' } }) });
    const devOnly = makeApp('vercel-dev', { 'package.json': manifest({ devDependencies: { '@vercel/functions': '3.11.1' } }) });
    expect(detectHost(runtime, runtime)).toBe('vercel');
    expect(detectHost(devOnly, devOnly)).toBe('node');
  });

  it('prefers Cloudflare when both hosts show', () => {
    const root = makeApp('both', { 'package.json': manifest({ dependencies: { '@vercel/functions': '3.11.1' } }), 'vercel.json': '{}', 'wrangler.jsonc': '{}' });
    expect(detectHost(root, root)).toBe('cloudflare');
  });

  it('looks in the folders above the app up to the project root, never above it', () => {
    const repo = makeApp('monorepo', { 'vercel.json': '{}', 'apps/web/package.json': manifest({}) });
    expect(detectHost(path.join(repo, 'apps/web'), repo)).toBe('vercel');
    expect(detectHost(path.join(repo, 'apps/web'), path.join(repo, 'apps/web'))).toBe('node');
  });

  it('reads a broken or odd package.json as no signal, without throwing', () => {
    const manifests: Array<[string, string]> = [
      ['broken', '{"dependencies": {'],
      ['array', '[]'],
      ['odd-fields', '{"dependencies": ["@vercel/functions"], "devDependencies": null}'],
    ];
    for (const [name, text] of manifests) {
      const root = makeApp(`manifest-${name}`, { 'package.json': text });
      expect(detectHost(root, root)).toBe('node');
    }
  });

  it('sees a change on disk once the caches are forgotten', () => {
    const root = makeApp('changing', { 'package.json': manifest({}) });
    const file = { filename: path.join(root, 'app/api/route.ts'), cwd: root };
    expect(getHost(file, getNextSettings({}))).toBe('node');
    fs.writeFileSync(path.join(root, 'vercel.json'), '{}');
    forgetProjectCaches();
    expect(getHost(file, getNextSettings({}))).toBe('vercel');
  });
});

describe('settings.next.host', () => {
  const file = { filename: path.join(FIXTURES, 'vercel/lib/db.ts'), cwd: FIXTURES };

  it('overrides the detected host', () => {
    expect(getHost(file, getNextSettings({}))).toBe('vercel');
    expect(getHost(file, getNextSettings({ next: { host: 'cloudflare' } }))).toBe('cloudflare');
    expect(getHost(file, getNextSettings({ next: { host: 'node' } }))).toBe('node');
  });

  it('ignores any other value, and detects instead', () => {
    for (const host of ['Vercel', 'aws', '', 1, null, ['vercel'], { name: 'vercel' }]) {
      expect(getNextSettings({ next: { host } }).host).toBeUndefined();
      expect(getHost(file, getNextSettings({ next: { host } }))).toBe('vercel');
    }
  });
});
