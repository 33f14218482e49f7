import { copySqliteApp, runSql, type NextApp, type SqliteFixtureApp } from './next-app';

const MEALS = {
  databaseEnv: 'MEALS_DB_PATH',
  databaseFile: 'meals.db',
  schema: 'CREATE TABLE meals (slug TEXT PRIMARY KEY, title TEXT NOT NULL, servings INTEGER NOT NULL)',
};

/** test/fixtures/layered-app: lib/db.ts's lazy getDb(), lib/meals.ts's data functions, and the pages that call them. */
export const LAYERED_APP: SqliteFixtureApp = { layers: ['layered-app'], ...MEALS };

/** The same app with `cacheComponents: true` (test/fixtures/layered-app-cache-components over layered-app). */
export const LAYERED_APP_CACHE_COMPONENTS: SqliteFixtureApp = { layers: ['layered-app', 'layered-app-cache-components'], ...MEALS };

/** The one meal the tests store; /meals lists it and /meals/pasta shows it. */
export const MEAL = { slug: 'pasta', title: 'Pasta' };

/** Sets the servings of the test's meal (adding the meal if needed). */
export function setServings(databasePath: string, servings: number): void {
  runSql(
    databasePath,
    'INSERT INTO meals (slug, title, servings) VALUES (?, ?, ?) ON CONFLICT (slug) DO UPDATE SET servings = excluded.servings',
    MEAL.slug,
    MEAL.title,
    servings,
  );
}

/** Copies the app to `dir` and creates its database holding the meal with `servings`. */
export function prepareMealsApp(fixture: SqliteFixtureApp, dir: string, servings: number): NextApp {
  const app = copySqliteApp(fixture, dir);
  setServings(app.databasePath, servings);
  return app;
}

/** The servings /meals lists for the meal, from `<span class="servings">`. */
export function readListedServings(html: string): number | undefined {
  const match = /<span class="servings">(\d+)<\/span>/.exec(html);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The servings /meals/<slug> shows, from `<p id="meal">Title (servings)</p>` (streamed in after its fallback, or inline). */
export function readMealServings(html: string): number | undefined {
  const match = /<p id="meal">[^<(]*\((\d+)\)<\/p>/.exec(html);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
