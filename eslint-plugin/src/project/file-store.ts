import * as fs from 'node:fs';
import { createEpochCache, createRevalidatedCache, dependOn, noteDocumentChange, type Dependency } from './epoch';
import { readRegularFile, type SkipReason } from './read-file';

/**
 * The project model's view of file contents. On disk, a file's version is its
 * mtime and size; the editor can lay its open documents over the disk
 * (`setOpenDocument`), and their version is the document version. Values
 * derived from a file (a parse, a summary) are cached per version, so one
 * ESLint run or one editor session never parses a file twice for the same
 * content.
 */

interface OpenDocument {
  text: string;
  version: number;
}

interface Derived {
  stamp: string;
  value: unknown;
}

const openDocuments = new Map<string, OpenDocument>();
const derived = new Map<string, Derived>();
const skipListeners = new Set<(filePath: string, reason: SkipReason, size?: number) => void>();
const reportedSkips = new Set<string>();

/** Lays an editor's unsaved text over the file on disk (the editor owns the version). */
export function setOpenDocument(filePath: string, text: string, version: number): void {
  const known = openDocuments.get(filePath);
  if (known?.version === version && known.text === text) return;
  openDocuments.set(filePath, { text, version });
  noteDocumentChange();
}

export function closeOpenDocument(filePath: string): void {
  if (openDocuments.delete(filePath)) noteDocumentChange();
}

/** The open documents laid over the disk: path and version. */
export function listOpenDocuments(): Array<[filePath: string, version: number]> {
  return [...openDocuments].map(([filePath, { version }]) => [filePath, version]);
}

/** Called once per skipped file and reason (too large), so the editor can log it. */
export function onSkippedFile(listener: (filePath: string, reason: SkipReason, size?: number) => void): () => void {
  skipListeners.add(listener);
  return () => skipListeners.delete(listener);
}

/** File versions on disk, checked once per epoch. */
const diskStamps = createEpochCache<string, string | undefined>({ keepOnDocumentChange: true });

function readDiskStamp(filePath: string): string | undefined {
  try {
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    return stat?.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
  } catch {
    return undefined;
  }
}

function readStamp(filePath: string): string | undefined {
  const open = openDocuments.get(filePath);
  if (open) return `v${open.version}`;
  if (!diskStamps.has(filePath)) diskStamps.set(filePath, readDiskStamp(filePath));
  return diskStamps.get(filePath);
}

/** What facts computed from a file depend on: the version they saw (one object per file and version). */
const versionDependencies = createRevalidatedCache<string, Dependency & { stamp: string | undefined }>();

function getStamp(filePath: string): string | undefined {
  const stamp = readStamp(filePath);
  let dependency = versionDependencies.get(filePath);
  if (dependency === undefined || dependency.stamp !== stamp) {
    dependency = { stamp, isCurrent: () => readStamp(filePath) === stamp };
    versionDependencies.set(filePath, dependency);
  }
  dependOn(dependency);
  return stamp;
}

function readText(filePath: string, root: string): string | undefined {
  const open = openDocuments.get(filePath);
  if (open) return open.text;
  const read = readRegularFile(filePath, { root });
  if (read.ok) return read.text;
  if (read.reason === 'too-large' && !reportedSkips.has(filePath)) {
    reportedSkips.add(filePath);
    for (const listener of skipListeners) listener(filePath, read.reason, read.size);
  }
  return undefined;
}

/** Whether a regular file (or an open document) exists at this path. */
export function fileExists(filePath: string): boolean {
  return getStamp(filePath) !== undefined;
}

/**
 * `compute(text)` for the file's current version, cached per `kind`.
 * Undefined when the file is missing, not a regular file, outside `root`,
 * over the size cap, or `compute` throws.
 */
export function getDerived<T>(kind: string, filePath: string, root: string, compute: (text: string) => T): T | undefined {
  const stamp = getStamp(filePath);
  if (stamp === undefined) return undefined;
  const key = `${kind}\0${filePath}`;
  const entry = derived.get(key);
  if (entry?.stamp === stamp) return entry.value as T;
  let value: T | undefined;
  const text = readText(filePath, root);
  try {
    value = text === undefined ? undefined : compute(text);
  } catch {
    value = undefined;
  }
  derived.set(key, { stamp, value });
  return value;
}
