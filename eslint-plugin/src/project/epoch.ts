/**
 * How long the project model trusts what it read: facts about other files
 * (a file's version, a folder's listing, a resolved import, whether a module
 * can reach a database) are kept for one epoch of about a second, then read
 * again. One `eslint` run lints hundreds of files a second; re-checking every
 * file it depends on for each of them cost more than the rules themselves.
 * An edit on disk is therefore seen within a second, and at once when
 * `forgetProjectCaches()` is called (the editor does, on every change it sees).
 */

const EPOCH_MS = 1000;
let epochStart = -Infinity;
const caches = new Set<Map<unknown, unknown>>();

/** A map emptied whenever the epoch ends. */
export function createEpochCache<K, V>(): Map<K, V> {
  const cache = new Map<K, V>();
  caches.add(cache as Map<unknown, unknown>);
  return cache;
}

/** Starts a new epoch when the current one is over; call before a question to the model. */
export function refreshEpoch(): void {
  const now = performance.now();
  if (now - epochStart > EPOCH_MS) forgetProjectCaches(now);
}

/** Forgets every fact about other files at once (their parses stay cached per file version). */
export function forgetProjectCaches(now = performance.now()): void {
  epochStart = now;
  for (const cache of caches) cache.clear();
}
