import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { findAppRoot } from '../../eslint-plugin/src/project/app-root';
import { createTrackedCache, dependOn, forgetProjectCaches, refreshEpoch, type Dependency } from '../../eslint-plugin/src/project/epoch';
import { resolveImport } from '../../eslint-plugin/src/project/resolve';
import { useEpochClock } from '../support/epoch-clock';

/**
 * Facts derived from folders and files (resolutions, tsconfig aliases, app
 * roots) outlive an epoch and are confirmed by what they were read from. These
 * tests change those inputs on disk, the way an editor's user does while a
 * long-lived ESLint process (vscode-eslint, eslint_d) keeps the plugin loaded,
 * and check the facts follow after an epoch, without being told to forget.
 */

const TMP = path.resolve('test/.tmp', `tracked-facts-${process.pid}`);
const passEpoch = useEpochClock();
let appCount = 0;

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));
beforeEach(() => forgetProjectCaches());

/** Passes the epoch and starts the next, as the model does before each question a rule asks. */
async function nextEpoch(): Promise<void> {
  passEpoch();
  refreshEpoch();
}

/** Sets every folder and file under `dir` to a time long past: a listing is only confirmed by a stamp that cannot still move. */
function ageTree(dir: string, secondsAgo: number): void {
  const time = new Date(Date.now() - secondsAgo * 1000);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    fs.utimesSync(path.join(entry.parentPath, entry.name), time, time);
  }
  fs.utimesSync(dir, time, time);
}

function writeApp(files: Record<string, string>): string {
  const root = path.join(TMP, `app-${++appCount}`);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), text);
  }
  ageTree(root, 600);
  return root;
}

const TSCONFIG = (target: string) => JSON.stringify({ compilerOptions: { paths: { '@/*': [target] } } });

describe('facts kept across epochs', () => {
  it('a resolution follows a file that moves, once the folder says it changed', async () => {
    const root = writeApp({ 'tsconfig.json': TSCONFIG('./*'), 'lib/db.ts': 'export const db = 1;\n', 'app/page.tsx': '' });
    const page = path.join(root, 'app/page.tsx');
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'lib/db.ts'));
    expect(resolveImport(page, '../lib/db', root)).toBe(path.join(root, 'lib/db.ts'));

    fs.renameSync(path.join(root, 'lib/db.ts'), path.join(root, 'lib/db.js'));
    ageTree(root, 300);
    await nextEpoch();
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'lib/db.js'));
    expect(resolveImport(page, '../lib/db', root)).toBe(path.join(root, 'lib/db.js'));
  });

  it('a resolution follows an edit of the tsconfig paths', async () => {
    const root = writeApp({ 'tsconfig.json': TSCONFIG('./*'), 'lib/db.ts': '', 'src/lib/db.ts': '', 'app/page.tsx': '' });
    const page = path.join(root, 'app/page.tsx');
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'lib/db.ts'));

    fs.writeFileSync(path.join(root, 'tsconfig.json'), TSCONFIG('./src/*'));
    ageTree(root, 300);
    await nextEpoch();
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'src/lib/db.ts'));
  });

  it('a nearer tsconfig added later takes over, and an app root appears with its next.config', async () => {
    const root = writeApp({ 'tsconfig.json': TSCONFIG('./*'), 'lib/db.ts': '', 'web/lib/db.ts': '', 'web/app/page.tsx': '' });
    const page = path.join(root, 'web/app/page.tsx');
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'lib/db.ts'));
    expect(findAppRoot(page, root)).toBeUndefined();

    fs.writeFileSync(path.join(root, 'web/tsconfig.json'), TSCONFIG('./*'));
    fs.writeFileSync(path.join(root, 'web/next.config.mjs'), 'export default {};\n');
    ageTree(root, 300);
    await nextEpoch();
    expect(resolveImport(page, '@/lib/db', root)).toBe(path.join(root, 'web/lib/db.ts'));
    expect(findAppRoot(page, root)).toBe(path.join(root, 'web'));
  });

  it('answers the same in a later epoch when nothing changed', async () => {
    const root = writeApp({ 'tsconfig.json': TSCONFIG('./*'), 'lib/db.ts': '', 'next.config.ts': '', 'app/page.tsx': '' });
    const page = path.join(root, 'app/page.tsx');
    const before = [resolveImport(page, '@/lib/db', root), resolveImport(page, 'react', root), findAppRoot(page, root)];
    await nextEpoch();
    expect([resolveImport(page, '@/lib/db', root), resolveImport(page, 'react', root), findAppRoot(page, root)]).toEqual(before);
    expect(before).toEqual([path.join(root, 'lib/db.ts'), undefined, root]);
  });
});

describe('createTrackedCache', () => {
  /** An input whose change the test decides. */
  const input = (): Dependency & { changed: boolean } => {
    const dependency = { changed: false, isCurrent: () => !dependency.changed };
    return dependency;
  };

  it('computes again in a later epoch only when an input changed, also an input of a fact it used', async () => {
    const [a, b] = [input(), input()];
    const inner = createTrackedCache<string, number>();
    const outer = createTrackedCache<string, number>();
    let computed = 0;
    const ask = () =>
      outer('outer', () => {
        computed += 1;
        dependOn(a);
        return inner('inner', () => {
          dependOn(b);
          return 1;
        });
      });
    ask();
    await nextEpoch();
    ask();
    expect(computed).toBe(1);
    b.changed = true;
    await nextEpoch();
    ask();
    expect(computed).toBe(2);
  });

  it('keeps a fact with many inputs for its epoch only, so memory does not grow with the project per fact', async () => {
    const inputs = Array.from({ length: 300 }, input);
    const cache = createTrackedCache<string, number>();
    let computed = 0;
    const ask = () =>
      cache('walk', () => {
        computed += 1;
        for (const dependency of inputs) dependOn(dependency);
        return 1;
      });
    ask();
    ask();
    expect(computed).toBe(1);
    await nextEpoch();
    ask();
    expect(computed).toBe(2);
  });
});
