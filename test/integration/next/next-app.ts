import { cpSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES } from '../paths';

const BUILD_OUTPUTS = new Set(['.next', 'node_modules', 'next-env.d.ts', 'counter.db']);

export interface NextApp {
  dir: string;
  /** The SQLite file the page reads (COUNTER_DB_PATH). */
  databasePath: string;
}

/** Writes the counter the page shows. */
export function setCounter(databasePath: string, value: number): void {
  const db = new Database(databasePath);
  try {
    db.prepare('INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value').run(
      'visits',
      value,
    );
  } finally {
    db.close();
  }
}

/** Copies a fixture app (test/fixtures/<fixture>) to `dir` (inside the repository) and creates its database holding `value`. */
export function prepareNextApp(dir: string, value: number, fixture = 'next-build-app'): NextApp {
  cpSync(path.join(FIXTURES, fixture), dir, { recursive: true, filter: (source) => !BUILD_OUTPUTS.has(path.basename(source)) });
  const databasePath = path.join(dir, 'counter.db');
  const db = new Database(databasePath);
  db.exec('CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)');
  db.close();
  setCounter(databasePath, value);
  return { dir, databasePath };
}
