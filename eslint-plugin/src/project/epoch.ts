/**
 * How long the project model trusts what it read: facts about other files
 * (a file's version, a resolved import, whether a module can reach a
 * database) are kept for one epoch of a few seconds, then read again. One
 * `eslint` run lints hundreds of files a second; re-checking every file it
 * depends on for each of them cost more than the rules themselves, and even
 * once a second the folder and file stamps cost about 1% of a lint. An edit
 * on disk is therefore seen within five seconds in a long-lived process
 * (vscode-eslint, eslint_d), and at once when `forgetProjectCaches()` is
 * called (next-db's editor does when its files change on disk). An edit of
 * an open document is seen at once (`noteDocumentChange()`), without reading
 * the disk again.
 * Folder listings outlive an epoch: in the next one, a folder whose
 * modification time is unchanged is not read again (see folders.ts). Facts
 * derived from listings and file versions (resolutions, tsconfig aliases, app
 * roots) outlive it too, confirmed by what they were read from
 * (`createTrackedCache`).
 */

export const EPOCH_MS = 5_000;
let epochStart = -Infinity;
let epochNumber = 0;
/**
 * Changes with each epoch and with each change of an open document: a fact
 * confirmed in this generation is trusted unchecked. An editor changes an
 * open document on every keystroke; what the disk said (stats, listings) is
 * still good for the epoch, so a fact from an earlier generation of the same
 * epoch is confirmed without a system call.
 */
let generation = 0;
const epochCaches = new Set<Map<unknown, unknown>>();
const documentCaches = new Set<Map<unknown, unknown>>();
const revalidatedCaches = new Set<Map<unknown, unknown>>();

/**
 * A map emptied whenever the epoch ends, and whenever an open document
 * changes unless `keepOnDocumentChange` (what the disk said, or a fact its
 * owner checks against the open documents).
 */
export function createEpochCache<K, V>({ keepOnDocumentChange = false } = {}): Map<K, V> {
  const cache = new Map<K, V>();
  epochCaches.add(cache as Map<unknown, unknown>);
  if (!keepOnDocumentChange) documentCaches.add(cache as Map<unknown, unknown>);
  return cache;
}

/**
 * A map kept across epochs, whose owner checks an entry again once per epoch
 * (`currentEpoch()` tells when); emptied only by `forgetProjectCaches()`.
 */
export function createRevalidatedCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  revalidatedCaches.add(cache as Map<unknown, unknown>);
  return cache;
}

/** A number that changes whenever an epoch ends. */
export function currentEpoch(): number {
  return epochNumber;
}

function startEpoch(now: number): void {
  epochStart = now;
  epochNumber += 1;
  generation += 1;
  for (const cache of epochCaches) cache.clear();
}

/** An open document changed (or opened, or closed): facts are confirmed again, against it, before they are trusted. */
export function noteDocumentChange(): void {
  generation += 1;
  for (const cache of documentCaches) cache.clear();
}

/** Starts a new epoch when the current one is over; call before a question to the model. */
export function refreshEpoch(): void {
  const now = performance.now();
  if (now - epochStart > EPOCH_MS) startEpoch(now);
}

/** Forgets every fact about other files at once (their parses stay cached per file version). */
export function forgetProjectCaches(now = performance.now()): void {
  startEpoch(now);
  for (const cache of revalidatedCaches) cache.clear();
}

/**
 * Something a fact was computed from (a folder listing, a file's version):
 * `isCurrent()` says whether it is unchanged, checking at most once per epoch.
 */
export interface Dependency {
  isCurrent(): boolean;
}

/** For an answer that holds for this generation only (one found while a cycle was still open). */
export const THIS_GENERATION_ONLY: Dependency = { isCurrent: () => false };

/** The most inputs a fact keeps across epochs; see `createTrackedCache`. */
const MAX_DEPENDENCIES = 256;

/** The dependencies being collected, one set per tracked computation in progress (innermost last). */
const collectors: Array<Set<Dependency>> = [];

/** Records that the computation in progress, if any, read `dependency`. */
export function dependOn(dependency: Dependency): void {
  collectors.at(-1)?.add(dependency);
}

/** Passes a fact's inputs on to the computation in progress; most lookups happen outside any, and skip the loop. */
function dependOnAll(dependencies: readonly Dependency[]): void {
  const collector = collectors.at(-1);
  if (collector !== undefined) for (const dependency of dependencies) collector.add(dependency);
}

export interface TrackedEntry<V> {
  value: V;
  dependencies: readonly Dependency[];
  /** The generation in which the entry was computed or last confirmed. */
  generation: number;
}

/**
 * A cache of facts derived from folder listings and file versions (an
 * import's resolution, a folder's tsconfig aliases, its app root) that
 * outlive an epoch: in a later epoch a fact is confirmed by checking what it
 * was computed from, which costs a map lookup per folder or file already
 * checked this epoch, instead of being computed again. Emptied by
 * `forgetProjectCaches()` (or with `entries`, when its owner drops them). A
 * fact computed from another one depends on what that one depends on.
 */
export function createTrackedCache<K, V>(
  entries: Map<K, TrackedEntry<V>> = createRevalidatedCache<K, TrackedEntry<V>>(),
): (key: K, compute: () => V) => V {
  return (key, compute) => {
    const known = entries.get(key);
    if (known !== undefined && (known.generation === generation || known.dependencies.every((dependency) => dependency.isCurrent()))) {
      known.generation = generation;
      dependOnAll(known.dependencies);
      return known.value;
    }
    const collected = new Set<Dependency>();
    collectors.push(collected);
    let value: V;
    try {
      value = compute();
    } finally {
      collectors.pop();
    }
    // A fact read from much of the project (a walk of its import graph) is recomputed each generation
    // instead: keeping its inputs would cost memory in proportion to the project for each such fact.
    const dependencies = collected.size > MAX_DEPENDENCIES ? [THIS_GENERATION_ONLY] : [...collected];
    entries.set(key, { value, dependencies, generation });
    dependOnAll(dependencies);
    return value;
  };
}
