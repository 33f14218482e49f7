import * as fs from 'node:fs';
import * as path from 'node:path';

import { createEpochCache } from './epoch';
import { isInsideRoot } from './read-file';

/**
 * Folder lookups: which names a folder holds. A lint asks the same folders
 * again and again (is there a next.config.* here? a tsconfig.json? under five
 * names each), so a listing is read once per epoch instead of one stat per name.
 */

interface Listing {
  names: ReadonlySet<string>;
  /** The entries that are folders (not symlinks to folders: a walk never follows links). */
  folders: ReadonlySet<string>;
}

/** Listings are read once per epoch (see epoch.ts). */
const listings = createEpochCache<string, Listing>();
const EMPTY: Listing = { names: new Set(), folders: new Set() };

function getListing(dir: string): Listing {
  const known = listings.get(dir);
  if (known) return known;
  let listing = EMPTY;
  try {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    listing = {
      names: new Set(entries.map((entry) => entry.name)),
      folders: new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)),
    };
  } catch {
    // Not a folder, or unreadable: nothing in it.
  }
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
