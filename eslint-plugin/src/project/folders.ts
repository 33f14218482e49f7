import * as fs from 'node:fs';
import * as path from 'node:path';

import { createRevalidatedCache, currentEpoch, dependOn, type Dependency } from './epoch';
import { isInsideRoot } from './read-file';

/**
 * Folder lookups: which names a folder holds. A lint asks the same folders
 * again and again (is there a next.config.* here? a tsconfig.json? under five
 * names each), so a listing is read once and kept for the run: in each later
 * epoch (see epoch.ts) one stat of the folder confirms it, and the folder is
 * read again only when its modification time changed.
 */

/** A listing is also what facts computed from it depend on: it is current while the folder is unchanged. */
interface Listing extends Dependency {
  names: ReadonlySet<string>;
  /** The entries that are folders (not symlinks to folders: a walk never follows links). */
  folders: ReadonlySet<string>;
  /** The folder's modification time when read; undefined when the listing may not be trusted later. */
  stamp: string | undefined;
  /** The epoch in which the listing was last read or confirmed. */
  epoch: number;
}

/**
 * A folder changed this recently may change again within the same tick of
 * its modification time (whole seconds on some file systems), so its listing
 * is read again in the next epoch instead of being confirmed by the stamp.
 */
const RACY_MS = 2000;

const listings = createRevalidatedCache<string, Listing>();
const NO_NAMES: ReadonlySet<string> = new Set();
/** The stamp of a path where nothing is: an import resolver asks for many such folders. */
const MISSING = 'missing';

/** The folder's modification time (`missing` when there is none), or undefined when it is too recent to vouch for the listing. */
function readFolderStamp(dir: string): string | undefined {
  try {
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat === undefined) return MISSING;
    return Date.now() - stat.mtimeMs > RACY_MS ? `${stat.isDirectory()}:${stat.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

function readListing(dir: string, stamp: string | undefined, epoch: number): Listing {
  const listing = (names: ReadonlySet<string>, folders: ReadonlySet<string>): Listing => {
    const read: Listing = { names, folders, stamp, epoch, isCurrent: () => confirmListing(dir) === read };
    return read;
  };
  if (stamp === MISSING) return listing(NO_NAMES, NO_NAMES);
  try {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    return listing(
      new Set(entries.map((entry) => entry.name)),
      new Set(entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name)),
    );
  } catch {
    // Not a folder, or unreadable: nothing in it.
    return listing(NO_NAMES, NO_NAMES);
  }
}

function getListing(dir: string): Listing {
  const listing = confirmListing(dir);
  dependOn(listing);
  return listing;
}

function confirmListing(dir: string): Listing {
  const epoch = currentEpoch();
  const known = listings.get(dir);
  if (known?.epoch === epoch) return known;
  // The stamp is taken before the read: a change after it shows as a new stamp next epoch.
  const stamp = readFolderStamp(dir);
  if (known !== undefined && stamp !== undefined && known.stamp === stamp) {
    known.epoch = epoch;
    return known;
  }
  const listing = readListing(dir, stamp, epoch);
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
