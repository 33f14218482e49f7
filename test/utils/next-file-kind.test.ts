import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { getNextFileInfo, getNextFileKind, isServerComponentFile } from '../../eslint-plugin/src/utils/next/next-file-kind';
import { getNextSettings } from '../../eslint-plugin/src/utils/next/next-settings';

const cwd = path.resolve('/work/project');
const defaults = getNextSettings({});

function kindOf(filename: string, next: Record<string, unknown> = {}): string {
  return getNextFileKind(filename, cwd, getNextSettings({ next }));
}

describe('getNextFileKind', () => {
  it.each([
    ['app/page.tsx', 'app-page'],
    ['app/dashboard/page.js', 'app-page'],
    ['src/app/dashboard/layout.tsx', 'app-layout'],
    ['app/(marketing)/template.jsx', 'app-template'],
    ['app/@modal/default.tsx', 'app-default'],
    ['app/not-found.tsx', 'app-not-found'],
    ['app/blog/error.tsx', 'app-error'],
    ['app/api/users/route.ts', 'app-route'],
    ['app/api/users/route.mjs', 'app-route'],
    ['src/app/api/items/route.js', 'app-route'],
    ['app/lib/data.ts', 'app-other'],
    ['app/actions.ts', 'app-other'],
    ['app/page.md', 'app-other'],
    ['app/routes.ts', 'app-other'],
    ['pages/api/users.ts', 'pages-api'],
    ['src/pages/api/admin/users.js', 'pages-api'],
    ['pages/index.tsx', 'pages-page'],
    ['pages/api.ts', 'pages-page'],
    ['pages/styles.css', 'other'],
    ['middleware.ts', 'middleware'],
    ['src/proxy.js', 'middleware'],
    ['lib/middleware.ts', 'other'],
    ['lib/db.ts', 'other'],
    ['scripts/seed.ts', 'other'],
    ['app.ts', 'other'],
    ['app', 'other'],
  ])('%s is %s', (filename, kind) => {
    expect(kindOf(filename)).toBe(kind);
  });

  it('matches whole path segments, so `myapp/` and `mypages/` are not routers', () => {
    expect(kindOf('myapp/page.tsx')).toBe('other');
    expect(kindOf('myapp/api/users/route.ts')).toBe('other');
    expect(kindOf('mypages/api/users.ts')).toBe('other');
    expect(kindOf('src/myapp/page.tsx')).toBe('other');
  });

  it('only looks at the router folder at the project root', () => {
    expect(kindOf('packages/web/app/page.tsx')).toBe('other');
    expect(kindOf('lib/app/page.tsx')).toBe('other');
    expect(kindOf('src/lib/pages/api/x.ts')).toBe('other');
  });

  it('leaves tests alone, even inside the router folders', () => {
    expect(kindOf('app/page.test.tsx')).toBe('other');
    expect(kindOf('app/api/users/route.spec.ts')).toBe('other');
    expect(kindOf('app/__tests__/page.tsx')).toBe('other');
    expect(kindOf('pages/api/__mocks__/users.ts')).toBe('other');
  });

  it('accepts absolute filenames inside the cwd and ignores files outside it', () => {
    expect(kindOf(path.join(cwd, 'app/api/users/route.ts'))).toBe('app-route');
    expect(kindOf(path.resolve('/elsewhere/app/page.tsx'))).toBe('other');
    expect(kindOf('../other-project/app/page.tsx')).toBe('other');
  });

  it('accepts Windows separators', () => {
    expect(kindOf('app\\api\\users\\route.ts')).toBe('app-route');
    expect(kindOf('src\\pages\\api\\users.ts')).toBe('pages-api');
  });

  it('uses settings.next.rootDir (a string, a list, `*` for one folder, absolute or relative)', () => {
    expect(kindOf('apps/web/app/page.tsx', { rootDir: 'apps/web' })).toBe('app-page');
    expect(kindOf('apps/web/app/page.tsx', { rootDir: ['apps/docs', 'apps/web/'] })).toBe('app-page');
    expect(kindOf('apps/web/src/pages/api/x.ts', { rootDir: 'apps/*' })).toBe('pages-api');
    expect(kindOf('apps/web/app/page.tsx', { rootDir: path.join(cwd, 'apps/web') })).toBe('app-page');
    expect(kindOf('apps/web/app/page.tsx')).toBe('other');
    expect(kindOf('app/page.tsx', { rootDir: 'apps/*' })).toBe('other');
  });

  it('reports the project root the file belongs to', () => {
    expect(getNextFileInfo('apps/web/app/page.tsx', cwd, getNextSettings({ next: { rootDir: 'apps/*' } }))).toEqual({
      kind: 'app-page',
      projectRoot: path.join(cwd, 'apps/web'),
    });
    expect(getNextFileInfo('pages/api/x.ts', cwd, defaults)).toEqual({ kind: 'pages-api', projectRoot: cwd });
    expect(getNextFileInfo('lib/db.ts', cwd, defaults)).toEqual({ kind: 'other', projectRoot: undefined });
  });

  it('respects custom page extensions', () => {
    const next = { pageExtensions: ['page.tsx', '.api.ts'] };
    expect(kindOf('app/users/page.page.tsx', next)).toBe('app-page');
    expect(kindOf('app/users/page.tsx', next)).toBe('app-other');
    expect(kindOf('pages/api/users.api.ts', next)).toBe('pages-api');
    expect(kindOf('pages/api/users.ts', next)).toBe('other');
    expect(kindOf('pages/index.page.tsx', next)).toBe('pages-page');
  });
});

describe('isServerComponentFile', () => {
  it('is true for the files Next.js renders as Server Components', () => {
    const kinds = ['app-page', 'app-layout', 'app-template', 'app-default', 'app-not-found', 'app-error'] as const;
    for (const kind of kinds) expect(isServerComponentFile(kind)).toBe(true);
    for (const kind of ['app-route', 'app-other', 'pages-api', 'pages-page', 'middleware', 'other'] as const) {
      expect(isServerComponentFile(kind)).toBe(false);
    }
  });
});

describe('getNextFileInfo without settings in a monorepo', () => {
  // A real folder tree: apps/web is a Next.js app (it has a next.config), packages/ui is not.
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-monorepo-'));
  fs.mkdirSync(path.join(repo, 'apps/web/app/api/users'), { recursive: true });
  fs.writeFileSync(path.join(repo, 'apps/web/next.config.mjs'), 'export default {};\n');
  fs.mkdirSync(path.join(repo, 'packages/ui/app'), { recursive: true });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('finds the app from the nearest next.config below the cwd', () => {
    expect(getNextFileInfo('apps/web/app/api/users/route.ts', repo, defaults)).toEqual({
      kind: 'app-route',
      projectRoot: path.join(repo, 'apps/web'),
    });
    expect(getNextFileInfo(path.join(repo, 'apps/web/app/page.tsx'), repo, defaults).kind).toBe('app-page');
  });

  it('leaves folders without a next.config alone, and files outside the cwd', () => {
    expect(getNextFileInfo('packages/ui/app/page.tsx', repo, defaults)).toEqual({ kind: 'other', projectRoot: undefined });
    expect(getNextFileInfo(path.join(repo, 'apps/web/app/page.tsx'), path.join(repo, 'packages'), defaults).kind).toBe('other');
  });

  it('prefers a configured rootDir', () => {
    const settings = getNextSettings({ next: { rootDir: 'apps/web' } });
    expect(getNextFileInfo('apps/web/app/page.tsx', repo, settings).projectRoot).toBe(path.join(repo, 'apps/web'));
  });
});
