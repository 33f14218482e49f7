// A file with database code in a folder the rules do not take for a Next.js
// app is skipped by them in silence; the server says so once, naming the setting.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findUnrecognisedApp } from '../../extension/src/server/app-recognition';
import { UnrecognisedAppNotice } from '../../extension/src/server/unrecognised-app';
import { ROOT } from './helpers';

const workspace = path.join(ROOT, 'test/.tmp', `unrecognised-app-${process.pid}`);
afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

function write(relativePath: string, text = ''): string {
  const file = path.join(workspace, relativePath);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

const route = write('apps/web/app/api/users/route.ts');
const srcRoute = write('apps/shop/src/pages/api/users.ts');
const configured = write('apps/admin/app/api/users/route.ts');
write('apps/admin/next.config.mjs', 'export default {};\n');
const helper = write('packages/db/index.ts');

describe('findUnrecognisedApp', () => {
  it('names the folder above app/ or pages/ (and src/) when the rules see no app there', () => {
    expect(findUnrecognisedApp(route, workspace, ['.'])).toBe(path.join(workspace, 'apps/web'));
    expect(findUnrecognisedApp(srcRoute, workspace, ['.'])).toBe(path.join(workspace, 'apps/shop'));
  });

  it('is silent once next.rootDir or a next.config.* makes it an app, and for files with no router folder', () => {
    expect(findUnrecognisedApp(route, workspace, ['apps/*'])).toBeUndefined();
    expect(findUnrecognisedApp(configured, workspace, ['.'])).toBeUndefined();
    expect(findUnrecognisedApp(helper, workspace, ['.'])).toBeUndefined();
    expect(findUnrecognisedApp(path.join(path.dirname(workspace), 'elsewhere/app/page.tsx'), workspace, ['.'])).toBeUndefined();
  });
});

describe('UnrecognisedAppNotice', () => {
  it('says it once per workspace folder, naming the file, the folder and next-db.next.rootDir', () => {
    const lines: string[] = [];
    const notice = new UnrecognisedAppNotice((line) => lines.push(line));
    notice.check(findUnrecognisedApp, helper, workspace, ['.']);
    notice.check(findUnrecognisedApp, route, workspace, ['.']);
    notice.check(findUnrecognisedApp, srcRoute, workspace, ['.']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(route);
    expect(lines[0]).toContain('"apps/web"');
    expect(lines[0]).toContain('next-db.next.rootDir');
  });
});
