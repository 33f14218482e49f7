/**
 * Issue 8, the layered app: the query sits in a data module (lib/meals.ts)
 * behind a lazy getDb() accessor, reached from pages. A real `next build`
 * freezes what the static /meals page reads; after `require-connection`'s own
 * autofix (in the data function, not the page) /meals is dynamic and
 * `next start` serves fresh values. With `cacheComponents: true`, the query
 * after `await params` in the dynamic meal page really runs per request, and
 * the rule leaves it alone.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyAutofixes, lintFindings } from './lint/rule-fixes';
import {
  LAYERED_APP,
  LAYERED_APP_CACHE_COMPONENTS,
  MEAL,
  prepareMealsApp,
  readListedServings,
  readMealServings,
  setServings,
} from './next/meals-app';
import type { NextApp } from './next/next-app';
import { getRouteMarker, readPrerenderedRoute } from './next/next-build';
import { createNextRun } from './next/next-run';
import { fetchPage, type NextServer } from './next/next-server';

const RULE = 'next-db/require-connection';
const LINTED = ['app/**/*.{ts,tsx}', 'lib/**/*.ts'];
const DATA_MODULE = 'lib/meals.ts';
const BUILD_TIME_SERVINGS = 4;
/** Text that finds each query's line in lib/meals.ts. */
const QUERY = {
  getMeals: 'SELECT slug, title, servings FROM meals ORDER BY slug',
  getMeal: 'WHERE slug = ?',
  listMealSlugs: 'SELECT slug FROM meals ORDER BY slug',
};

const run = createNextRun('layered-app');

/** The 1-based line of `lib/meals.ts` in `app` that holds `text`. */
function dataModuleLine(app: NextApp, text: string): number {
  const index = readFileSync(path.join(app.dir, DATA_MODULE), 'utf8').split('\n').findIndex((line) => line.includes(text));
  if (index === -1) throw new Error(`${DATA_MODULE} has no line with ${text}`);
  return index + 1;
}

async function listedServings(server: NextServer): Promise<number | undefined> {
  return readListedServings(await fetchPage(server, '/meals'));
}

describe.sequential('layered app, before the fix', () => {
  let app: NextApp;
  beforeAll(() => {
    app = prepareMealsApp(LAYERED_APP, path.join(run.dir, 'before'), BUILD_TIME_SERVINGS);
  });

  it('next build prerenders /meals with the build-time value read in lib/meals.ts', async () => {
    const build = await run.build(app, 'layered app, before fix');
    expect(getRouteMarker(build.output, '/meals')).toBe('○');
    expect(getRouteMarker(build.output, '/meals/[slug]')).toBe('ƒ');
    const prerendered = readPrerenderedRoute(app, '/meals');
    expect(prerendered.inManifest).toBe(true);
    expect(readListedServings(prerendered.html ?? '')).toBe(BUILD_TIME_SERVINGS);
  });

  it('next start keeps serving the frozen value after the database changes', async () => {
    const server = await run.serve(app);
    setServings(app.databasePath, 5);
    expect(await listedServings(server)).toBe(BUILD_TIME_SERVINGS);
    expect(await listedServings(server)).toBe(BUILD_TIME_SERVINGS);
    await server.stop();
  });
});

describe.sequential('layered app, after the require-connection autofix', () => {
  let app: NextApp;
  let fixApplied = false;
  beforeAll(() => {
    app = prepareMealsApp(LAYERED_APP, path.join(run.dir, 'after'), BUILD_TIME_SERVINGS);
  });

  it('the rule reports the data module and its autofix puts await connection() at the start of getMeals', async () => {
    const dataModule = path.join(app.dir, DATA_MODULE);
    const result = await applyAutofixes(RULE, app.dir, LINTED);
    const fixed = readFileSync(dataModule, 'utf8');
    console.log(`${DATA_MODULE} after the autofix:\n${fixed}`);

    expect(result.reportedFiles).toEqual([dataModule]);
    expect(result.fixedFiles).toEqual([dataModule]);
    expect(fixed).toMatch(/^import \{ connection \} from 'next\/server';$/m);
    expect(fixed).toMatch(/export async function getMeals\(\): Promise<Meal\[\]> \{\n {2}await connection\(\);\n {2}return getDb\(\)/);
    // getMeal (dynamic page) and saveMeal (Server Action) run per request: untouched.
    expect(fixed.match(/await connection\(\)/g)).toHaveLength(1);
    // listMealSlugs, reached from the sitemap, is not async: a suggestion only, so it is still reported.
    expect(result.findingsAfter.map(({ filePath, message }) => [filePath, message.line, message.fix === undefined])).toEqual([
      [dataModule, dataModuleLine(app, QUERY.listMealSlugs), true],
    ]);
    fixApplied = true;
  });

  it('next build leaves /meals dynamic', async () => {
    if (!fixApplied) throw new Error('The autofix was not applied (see the previous test), so there is nothing to build.');
    const build = await run.build(app, 'layered app, after fix');
    expect(getRouteMarker(build.output, '/meals')).toBe('ƒ');
    const prerendered = readPrerenderedRoute(app, '/meals');
    expect(prerendered.inManifest).toBe(false);
    expect(prerendered.html).toBeUndefined();
  });

  it('next start reads the database on every request', async () => {
    if (!fixApplied) throw new Error('The autofix was not applied (see the previous tests), so there is nothing to serve.');
    const server = await run.serve(app);
    setServings(app.databasePath, 6);
    expect(await listedServings(server)).toBe(6);
    setServings(app.databasePath, 7);
    expect(await listedServings(server)).toBe(7);
    await server.stop();
  });
});

describe.sequential('layered app with cacheComponents: the query after await params', () => {
  let app: NextApp;
  beforeAll(() => {
    app = prepareMealsApp(LAYERED_APP_CACHE_COMPONENTS, path.join(run.dir, 'cache-components'), BUILD_TIME_SERVINGS);
  });

  it('require-connection reports the query /meals freezes into its shell, and not the one in getMeal', async () => {
    const dataModule = path.join(app.dir, DATA_MODULE);
    const linesReported = (await lintFindings(RULE, app.dir, LINTED))
      .filter(({ filePath }) => filePath === dataModule)
      .map(({ message }) => message.line);
    // The rule sees this app (so its silence below means something).
    expect(linesReported).toContain(dataModuleLine(app, QUERY.getMeals));
    expect(linesReported).not.toContain(dataModuleLine(app, QUERY.getMeal));
  });

  it('next build marks the meal page partial prerender (◐)', async () => {
    const build = await run.build(app, 'layered app, cacheComponents');
    expect(getRouteMarker(build.output, '/meals/[slug]')).toBe('◐');
  });

  it('next start runs the query per request', async () => {
    const server = await run.serve(app);
    const mealServings = async () => readMealServings(await fetchPage(server, `/meals/${MEAL.slug}`));
    expect(await mealServings()).toBe(BUILD_TIME_SERVINGS);
    setServings(app.databasePath, 8);
    expect(await mealServings()).toBe(8);
    setServings(app.databasePath, 9);
    expect(await mealServings()).toBe(9);
    await server.stop();
  });
});

afterAll(() => run.finish('layered-app-build-times'));
