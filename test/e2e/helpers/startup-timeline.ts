import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a fresh window's wait for its first diagnostics goes. The extension host's log gives when
 * activations began (its lines are stamped as they are logged); next-db's output channel gives the
 * client's and the server's own measurements (its lines are stamped when the channel is written,
 * which can lag far behind under load, so only the figures inside them are used). For printing only.
 */

// "2026-12-03 16:33:16.123 [info] message"
const LOG_LINE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) \[\w+\] (.*)$/;

// The extension host's own log: remoteexthost.log in code-server, exthost.log in desktop VS Code.
const HOST_LOG_NAMES = ['remoteexthost.log', 'exthost.log'];

const HOST_EVENTS: Array<[label: string, pattern: RegExp]> = [
  ['extension host started, after the open', /Extension host with pid \d+ started/],
  ['TypeScript extension activation began, after the open', /_doActivateExtension vscode\.typescript-language-features\b/],
  ['next-db activation began, after the open', /_doActivateExtension next-db\.next-db\b/],
];

// next-db's wall-clock stamps (Date.now() written inside the line), shown after the open like the host's events.
const FIRST_DIAGNOSTICS_RECEIVED = /^First diagnostics received at (\d+)/;
const OWN_EVENTS: Array<[label: string, pattern: RegExp]> = [
  ['client: the first document handed to the server, after the open', /^First document sent to the server at (\d+)/],
  ['server: the first lint done, after the open', /^First lint .* \(at (\d+), wall clock\)/],
  ['client: the first diagnostics received, after the open', FIRST_DIAGNOSTICS_RECEIVED],
];

const OWN_FIGURES: Array<[label: string, pattern: RegExp]> = [
  ['client: activate() until the server is ready', /^Activated in (\d+) ms/],
  ['server: process start until initialize answered', /^Answered initialize (\d+) ms/],
  ['server: linter load (ESLint, plugin, parser, TypeScript)', /^Loaded the linter in (\d+) ms/],
  ['server: process start until the linter is loaded', /^Loaded the linter in \d+ ms, (\d+) ms after/],
  ['server: warm-up lint of a made-up route, before any file', /^Warmed up the linter in (\d+) ms/],
  ['server: the first lint', /^First lint \(.*\) took ([\d.]+) ms/],
  ['server: process start until the first lint is done', /^First lint .* done (\d+) ms after/],
];

/** All files called `name` under `dir`. */
function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

function newest(files: string[]): string | undefined {
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}

function readEntries(file: string | undefined): Array<{ time: number; message: string }> {
  if (file === undefined || !existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').flatMap((line) => {
    const match = LOG_LINE.exec(line);
    return match ? [{ time: new Date(`${match[1]}T${match[2]}`).getTime(), message: match[3]! }] : [];
  });
}

/** The number the first line matching `pattern` captures. */
function findFigure(entries: Array<{ message: string }>, pattern: RegExp): number | undefined {
  const value = entries.map(({ message }) => pattern.exec(message)?.[1]).find((figure) => figure !== undefined);
  return value === undefined ? undefined : Number(value);
}

const row = (label: string, value: string) => `  ${`${label}:`.padEnd(64)} ${value}`;

export interface StartupTimeline {
  /** The extension host's and next-db's events in ms after the open, then next-db's own durations. */
  lines: string[];
  /** When (Date.now()) next-db's client got the first diagnostics, handing them to VS Code; undefined if not logged. */
  diagnosticsReceivedAt: number | undefined;
}

/**
 * The cold-start timeline after `openedAt` (Date.now() when the first file was opened). Waits briefly for the logs.
 */
export async function describeStartup(logsDir: string, openedAt: number): Promise<StartupTimeline> {
  const deadline = Date.now() + 10_000;
  let serverLog = newest(findFiles(logsDir, 'next-db.log'));
  while (Date.now() < deadline && !readEntries(serverLog).some(({ message }) => message.startsWith('First diagnostics received'))) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    serverLog = newest(findFiles(logsDir, 'next-db.log'));
  }
  // window<N>/exthost/next-db.next-db/next-db.log: the host's log is two folders up.
  const hostDir = serverLog === undefined ? undefined : path.dirname(path.dirname(serverLog));
  const hostEntries = readEntries(HOST_LOG_NAMES.map((name) => hostDir && path.join(hostDir, name)).find((file) => file && existsSync(file)));
  const serverEntries = readEntries(serverLog);
  const lines = [
    ...HOST_EVENTS.map(([label, pattern]) => {
      const found = hostEntries.find(({ message }) => pattern.test(message));
      return row(label, found === undefined ? 'not in the log' : `${String(found.time - openedAt).padStart(6)} ms`);
    }),
    ...OWN_EVENTS.map(([label, pattern]) => {
      const value = findFigure(serverEntries, pattern);
      return row(label, value === undefined ? 'not in the log' : `${String(value - openedAt).padStart(6)} ms`);
    }),
    ...OWN_FIGURES.map(([label, pattern]) => {
      const value = findFigure(serverEntries, pattern);
      return row(label, value === undefined ? 'not in the log' : `${String(Math.round(value)).padStart(6)} ms`);
    }),
  ];
  return { lines, diagnosticsReceivedAt: findFigure(serverEntries, FIRST_DIAGNOSTICS_RECEIVED) };
}

/**
 * Waits until next-db's server has loaded its linter in the window whose logs
 * are under `logsDir` (a window of a Next.js app starts it before any file is
 * opened); false when it did not within `timeoutMs`.
 */
export async function waitForLinterLoaded(logsDir: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const serverLog = newest(findFiles(logsDir, 'next-db.log'));
    if (readEntries(serverLog).some(({ message }) => message.startsWith('Loaded the linter'))) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
