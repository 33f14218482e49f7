import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isInsideRoot, readRegularFile } from '../../eslint-plugin/src/project/read-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-read-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string | Buffer): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('readRegularFile', () => {
  it('reads a regular file without its BOM', () => {
    expect(readRegularFile(write('a.ts', '\uFEFFexport const a = 1;'))).toEqual({ ok: true, text: 'export const a = 1;' });
  });

  it('refuses a FIFO without opening it (opening would block)', () => {
    const fifo = path.join(dir, 'fifo.mjs');
    execFileSync('mkfifo', [fifo]);
    expect(readRegularFile(fifo)).toEqual({ ok: false, reason: 'not-a-file' });
  });

  it('refuses a symlink to a device such as /dev/zero', () => {
    const link = path.join(dir, 'zero.mjs');
    fs.symlinkSync('/dev/zero', link);
    expect(readRegularFile(link)).toEqual({ ok: false, reason: 'not-a-file' });
  });

  it('skips a file over the cap, reporting its size', () => {
    const file = write('big.js', 'x'.repeat(2_000));
    expect(readRegularFile(file, { maxBytes: 1_000 })).toEqual({ ok: false, reason: 'too-large', size: 2_000 });
    expect(readRegularFile(file, { maxBytes: 2_000 }).ok).toBe(true);
  });

  it('says missing for a file that does not exist, and not-a-file for a folder', () => {
    expect(readRegularFile(path.join(dir, 'nope.ts'))).toEqual({ ok: false, reason: 'missing' });
    expect(readRegularFile(dir)).toEqual({ ok: false, reason: 'not-a-file' });
  });

  it('refuses a symlink inside the root that leads outside it', () => {
    const outside = write('outside/secret.txt', 'secret');
    const root = path.join(dir, 'project');
    fs.mkdirSync(root, { recursive: true });
    fs.symlinkSync(outside, path.join(root, 'link.ts'));
    expect(readRegularFile(path.join(root, 'link.ts'), { root })).toEqual({ ok: false, reason: 'outside-root' });
    expect(readRegularFile(path.join(root, '../outside/secret.txt'), { root })).toEqual({ ok: false, reason: 'outside-root' });
    expect(readRegularFile(write('project/inner.ts', 'ok'), { root })).toEqual({ ok: true, text: 'ok' });
  });

  it('refuses a file reached through a linked folder that leads outside the root, and reads one that stays inside', () => {
    write('elsewhere/secret.ts', 'secret');
    const root = path.join(dir, 'linked-project');
    fs.mkdirSync(path.join(root, 'src'), { recursive: true });
    fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(root, 'lib'));
    fs.symlinkSync(path.join(root, 'src'), path.join(root, 'alias'));
    fs.writeFileSync(path.join(root, 'src/db.ts'), 'inside');
    expect(readRegularFile(path.join(root, 'lib/secret.ts'), { root })).toEqual({ ok: false, reason: 'outside-root' });
    expect(readRegularFile(path.join(root, 'alias/db.ts'), { root })).toEqual({ ok: true, text: 'inside' });
  });
});

describe('isInsideRoot', () => {
  it('resolves .. before deciding', () => {
    expect(isInsideRoot('/p/app/../lib/db.ts', '/p')).toBe(true);
    expect(isInsideRoot('/p/../../etc/passwd', '/p')).toBe(false);
    expect(isInsideRoot('/p2/x', '/p')).toBe(false);
    expect(isInsideRoot('/p', '/p')).toBe(true);
  });
});
