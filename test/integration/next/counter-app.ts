import { copySqliteApp, runSql, type NextApp, type SqliteFixtureApp } from './next-app';

/** A fixture app that reads counters through better-sqlite3 from COUNTER_DB_PATH (by default next-build-app, whose /counter shows one). */
const counterApp = (fixture: string): SqliteFixtureApp => ({
  layers: [fixture],
  databaseEnv: 'COUNTER_DB_PATH',
  databaseFile: 'counter.db',
  schema: 'CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL)',
});

/** Writes the counter the page shows. */
export function setCounter(databasePath: string, value: number): void {
  runSql(
    databasePath,
    'INSERT INTO counters (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
    'visits',
    value,
  );
}

/** Copies a counter app (test/fixtures/<fixture>) to `dir` and creates its database holding `value`. */
export function prepareCounterApp(dir: string, value: number, fixture = 'next-build-app'): NextApp {
  const app = copySqliteApp(counterApp(fixture), dir);
  setCounter(app.databasePath, value);
  return app;
}

/** The counter value a page's HTML shows, from `<output id="counter">`. */
export function readCounter(html: string): number | undefined {
  const match = /<output id="counter">(\d+)<\/output>/.exec(html);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
