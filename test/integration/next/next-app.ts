import { cpSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { FIXTURES } from '../paths';

const BUILD_OUTPUTS = new Set(['.next', 'node_modules', 'next-env.d.ts']);

export interface NextApp {
  dir: string;
  /** The SQLite file the app reads. */
  databasePath: string;
  /** The environment that points the app at that file. */
  env: Record<string, string>;
}

/** A fixture app that reads a SQLite database whose path it takes from an environment variable. */
export interface SqliteFixtureApp {
  /** Folders under test/fixtures, copied in order: a later one adds files or replaces the earlier ones'. */
  layers: readonly string[];
  /** The environment variable the app reads the database path from. */
  databaseEnv: string;
  /** The database's file name in the app folder. */
  databaseFile: string;
  /** SQL that creates its tables. */
  schema: string;
}

/** Runs one statement against the app's database (the test's hand on the data the app shows). */
export function runSql(databasePath: string, sql: string, ...parameters: unknown[]): void {
  const db = new Database(databasePath);
  try {
    db.prepare(sql).run(...parameters);
  } finally {
    db.close();
  }
}

/**
 * Copies fixture folders (test/fixtures/<layer>) to `dir`, in order, a later
 * one adding files or replacing the earlier ones', without build outputs or
 * the `skippedFiles`. `dir` is inside the repository, so packages resolve from
 * the root node_modules.
 */
export function copyFixtureLayers(layers: readonly string[], dir: string, skippedFiles: readonly string[] = []): void {
  const skipped = (source: string) => BUILD_OUTPUTS.has(path.basename(source)) || skippedFiles.includes(path.basename(source));
  for (const layer of layers) {
    cpSync(path.join(FIXTURES, layer), dir, { recursive: true, filter: (source) => !skipped(source) });
  }
}

/** Copies the fixture's layers to `dir` (see copyFixtureLayers) and creates its empty database. */
export function copySqliteApp(fixture: SqliteFixtureApp, dir: string): NextApp {
  copyFixtureLayers(fixture.layers, dir, [fixture.databaseFile]);
  const databasePath = path.join(dir, fixture.databaseFile);
  const db = new Database(databasePath);
  db.exec(fixture.schema);
  db.close();
  return { dir, databasePath, env: { [fixture.databaseEnv]: databasePath } };
}
