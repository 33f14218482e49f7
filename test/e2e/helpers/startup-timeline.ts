import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Where a fresh window's wait for its first diagnostics goes, read from the timestamps VS Code's
 * extension host and next-db's output channel write to their logs. For printed figures only.
 */

// "2026-12-03 16:33:16.123 [info] message"
const LOG_LINE = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}\.\d{3}) \[\w+\] (.*)$/;

interface Milestone {
  label: string;
  log: 'exthost' | 'next-db';
  pattern: RegExp;
}

const MILESTONES: Milestone[] = [
  { label: 'extension host started', log: 'exthost', pattern: /Extension host with pid \d+ started/ },
  { label: 'next-db activation began', log: 'exthost', pattern: /_doActivateExtension next-db\.next-db\b/ },
  { label: 'TypeScript extension activation began (competes for the CPU)', log: 'exthost', pattern: /_doActivateExtension vscode\.typescript-language-features\b/ },
  { label: 'server answered initialize', log: 'next-db', pattern: /Answered initialize/ },
  { label: 'next-db activated (client running)', log: 'next-db', pattern: /Activated in \d+ ms/ },
  { label: 'server loaded the linter', log: 'next-db', pattern: /Loaded the linter in/ },
  { label: 'server finished the first lint', log: 'next-db', pattern: /First lint \(/ },
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

/** The log's time (local, as VS Code writes it) of the first line matching `pattern`, plus the message. */
function findLine(file: string | undefined, pattern: RegExp): { time: number; message: string } | undefined {
  if (file === undefined) return undefined;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const match = LOG_LINE.exec(line);
    if (match && pattern.test(match[3]!)) return { time: new Date(`${match[1]}T${match[2]}`).getTime(), message: match[3]! };
  }
  return undefined;
}

/**
 * Lines for the cold-start figure: each milestone in ms after `openedAt` (Date.now() when the
 * first file was opened), with the server's own figures. Waits briefly for the logs to be flushed.
 */
export async function describeStartup(logsDir: string, openedAt: number): Promise<string[]> {
  const deadline = Date.now() + 5_000;
  let serverLog: string | undefined;
  while (Date.now() < deadline) {
    serverLog = newest(findFiles(logsDir, 'next-db.log'));
    if (findLine(serverLog, /First lint \(/) !== undefined) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  // The extension host's own log sits above the extension's folder: window<N>/exthost/exthost.log.
  const besideServerLog = serverLog === undefined ? undefined : path.join(path.dirname(path.dirname(serverLog)), 'exthost.log');
  const hostLog = besideServerLog !== undefined && existsSync(besideServerLog) ? besideServerLog : newest(findFiles(logsDir, 'exthost.log'));
  return MILESTONES.map(({ label, log, pattern }) => {
    const found = findLine(log === 'exthost' ? hostLog : serverLog, pattern);
    if (found === undefined) return `  ${label}: not in the logs`;
    const detail = log === 'next-db' && /\d+ ms/.test(found.message) ? ` (${found.message.replace(/ \(\/.*?\)/, '')})` : '';
    return `  ${`${label}:`.padEnd(64)} ${String(found.time - openedAt).padStart(6)} ms${detail}`;
  });
}
