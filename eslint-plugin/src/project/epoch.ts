/**
 * How long the project model trusts what it read: facts about other files
 * (a file's version, a resolved import, whether a module can reach a
 * database) are kept for one epoch of about a second, then read again. One
 * `eslint` run lints hundreds of files a second; re-checking every file it
 * depends on for each of them cost more than the rules themselves. An edit on
 * disk is therefore seen within a second, and at once when
 * `forgetProjectCaches()` is called (the editor does, on every change it sees).
 * Folder listings outlive an epoch: in the next one, a folder whose
 * modification time is unchanged is not read again (see folders.ts).
 */

const EPOCH_MS = 1000;
let epochStart = -Infinity;
let epochNumber = 0;
const epochCaches = new Set<Map<unknown, unknown>>();
const revalidatedCaches = new Set<Map<unknown, unknown>>();

/** A map emptied whenever the epoch ends. */
export function createEpochCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  epochCaches.add(cache as Map<unknown, unknown>);
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
  for (const cache of epochCaches) cache.clear();
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
