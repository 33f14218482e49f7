import * as fs from 'node:fs';
import * as path from 'node:path';

import { isInsideRoot } from './read-file';

/**
 * Folder lookups: which names a folder holds. A lint asks the same folders
 * again and again (is there a next.config.* here? a tsconfig.json? under five
 * names each), so a listing is read once and kept while the folder's mtime
 * (which changes when an entry is added, removed or renamed) stays the same:
 * one stat per folder instead of one per name.
 */

interface Listing {
  mtime: number;
  names: ReadonlySet<string>;
  /** The entries that are folders (not symlinks to folders: a walk never follows links). */
  folders: ReadonlySet<string>;
  /** The snapshot in which the mtime was last checked. */
  checkedIn: number;
}

const listings = new Map<string, Listing>();
const EMPTY: ReadonlySet<string> = new Set();
let snapshot = 0;
let snapshotDepth = 0;

/**
 * Runs `work` with each folder's mtime checked at most once: one question to
 * the project model resolves thousands of specifiers against the same folders.
 */
export function withFolderSnapshot<T>(work: () => T): T {
  if (snapshotDepth === 0) snapshot++;
  snapshotDepth++;
  try {
    return work();
  } finally {
    snapshotDepth--;
  }
}

const EMPTY_LISTING = { names: EMPTY, folders: EMPTY };

function getListing(dir: string): Pick<Listing, 'names' | 'folders'> {
  const known = listings.get(dir);
  if (known && snapshotDepth > 0 && known.checkedIn === snapshot) return known;
  let mtime: number;
  try {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (!stat?.isDirectory()) return EMPTY_LISTING;
    mtime = stat.mtimeMs;
  } catch {
    return EMPTY_LISTING;
  }
  if (known?.mtime === mtime) {
    known.checkedIn = snapshot;
    return known;
  }
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    entries = [];
  }
  const listing: Listing = {
    mtime,
    names: new Set(entries.map((entry) => entry.name)),
    folders: new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)),
    checkedIn: snapshot,
  };
  listings.set(dir, listing);
  return listing;
}

/** The names a folder holds (files, folders, links). */
export function listFolder(dir: string): ReadonlySet<string> {
  return getListing(dir).names;
}

/** The sub-folders of a folder, not counting links to folders. */
export function listSubfolders(dir: string): ReadonlySet<string> {
  return getListing(dir).folders;
}

/** Whether the folder holds an entry with this name (file or folder; the reader checks the kind). */
export function hasEntry(filePath: string): boolean {
  return listFolder(path.dirname(filePath)).has(path.basename(filePath));
}

/** Folders from `dir` up to and including `root`; none when `dir` is not inside `root`. */
export function* ancestorDirs(dir: string, root: string): Generator<string> {
  let current = path.resolve(dir);
  const stop = path.resolve(root);
  if (!isInsideRoot(current, stop)) return;
  for (;;) {
    yield current;
    if (current === stop) return;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
