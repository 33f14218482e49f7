import * as fs from 'node:fs';
import * as path from 'node:path';
import { createEpochCache } from './epoch';

/**
 * The one way next-db reads a workspace file other than the one being linted.
 * A cloned repository may hold a FIFO (reading blocks forever), a symlink to
 * /dev/zero (reading never ends) or a multi-megabyte generated file (parsing
 * costs minutes), so a file is read only when it is a regular file under the
 * size cap, and never more bytes than the cap even if it grows meanwhile.
 */

/** Files larger than this are skipped: hand-written modules and configs are far smaller. */
const MAX_FILE_BYTES = 1_000_000;

export type SkipReason = 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'unreadable';

export type FileRead = { ok: true; text: string } | { ok: false; reason: SkipReason; size?: number };

interface RegularFile {
  size: number;
  /** Whether the path itself is a symlink (its real path is then the link's target, asked in full). */
  isLink: boolean;
}

/** The file's size when it is a regular file (symlinks followed), else why not. */
function statRegularFile(filePath: string): RegularFile | SkipReason {
  let stat: fs.Stats | undefined;
  let isLink = false;
  try {
    stat = fs.lstatSync(filePath, { throwIfNoEntry: false });
    if (stat?.isSymbolicLink()) {
      isLink = true;
      stat = fs.statSync(filePath, { throwIfNoEntry: false });
    }
  } catch {
    return 'unreadable';
  }
  if (stat === undefined) return 'missing';
  return stat.isFile() ? { size: stat.size, isLink } : 'not-a-file';
}

/**
 * Reads up to `maxBytes` + 1 bytes, so a file that grew past the cap after the
 * stat is still refused. The buffer starts at the file's size (a cap-sized one
 * per read cost more than the read) and grows only if the file does.
 */
function readBounded(filePath: string, maxBytes: number): Buffer | undefined {
  // O_NONBLOCK: should the path have become a FIFO since the stat, open() does not wait for a writer.
  const fd = fs.openSync(filePath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return undefined;
    let buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) break;
        const grown = Buffer.allocUnsafe(Math.min(length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return length > maxBytes ? undefined : buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

export interface ReadOptions {
  /** Refuse the file unless its real path (symlinks resolved) is inside this folder's real path. */
  root?: string;
  maxBytes?: number;
}

/** Reads a regular file as UTF-8 (without a leading BOM), or says why it was skipped. */
export function readRegularFile(filePath: string, { root, maxBytes = MAX_FILE_BYTES }: ReadOptions = {}): FileRead {
  const stat = statRegularFile(filePath);
  if (typeof stat === 'string') return { ok: false, reason: stat };
  if (root !== undefined && !isRealPathInside(filePath, stat.isLink, root)) return { ok: false, reason: 'outside-root' };
  if (stat.size > maxBytes) return { ok: false, reason: 'too-large', size: stat.size };
  try {
    const buffer = readBounded(filePath, maxBytes);
    if (buffer === undefined) return { ok: false, reason: 'too-large' };
    return { ok: true, text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
}

/** Whether `filePath` is `root` or inside it, after resolving `..` segments (not symlinks). */
export function isInsideRoot(filePath: string, root: string): boolean {
  const relative = path.relative(path.resolve(root), path.resolve(filePath));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Real paths of project roots and of the folders files are read from, asked
 * once per epoch rather than once per file read: resolving a real path walks
 * every folder of it, one system call each.
 */
const realFolders = createEpochCache<string, string>({ keepOnDocumentChange: true });

function realFolder(dir: string): string {
  let real = realFolders.get(dir);
  if (real === undefined) {
    real = fs.realpathSync.native(dir);
    realFolders.set(dir, real);
  }
  return real;
}

/**
 * Whether the file's real path is inside the root's real path, so a symlink
 * cannot lead out of the project: the file's own link, or any folder's on
 * the way to it. A file that is no link is where its folder really is.
 */
function isRealPathInside(filePath: string, isLink: boolean, root: string): boolean {
  try {
    const real = isLink ? fs.realpathSync.native(filePath) : path.join(realFolder(path.dirname(filePath)), path.basename(filePath));
    return isInsideRoot(real, realFolder(root));
  } catch {
    return false;
  }
}
