/**
 * The layered fixture app, linted in place as `eslint .` would: the query sits
 * in lib/meals.ts, the database comes from a lazy getDb() in lib/db.ts, and the
 * pages, the Server Action and the sitemap call the data functions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintProject } from '../support/project-lint';

const LAYERED_APP = path.resolve('test/fixtures/layered-app');

describe('the layered app', () => {
  it('reports exactly the queries a prerendered route reaches, at the query, naming the route', async () => {
    const findings = await lintProject(LAYERED_APP);
    expect(findings.map(({ file, line, column, ruleId, message, kind }) => ({ file, line, column, ruleId, message, kind }))).toEqual([
      {
        file: 'lib/meals.ts',
        line: 11,
        column: 83,
        ruleId: 'next-db/require-connection',
        message:
          "The build freezes this query's result: call `await connection()` before it. The synchronous `all()` runs while Next.js prerenders /meals (app/meals/page.tsx); `connection()` from next/server defers the rest to request time.",
        kind: 'autofix',
      },
      {
        file: 'lib/meals.ts',
        line: 27,
        column: 74,
        ruleId: 'next-db/require-connection',
        message:
          "The build freezes this query's result: call `await connection()` before it. The synchronous `all()` runs while Next.js prerenders /sitemap.xml (app/sitemap.ts); `connection()` from next/server defers the rest to request time.",
        kind: 'suggestion',
      },
    ]);
  });

  it('inserts await connection() at the start of the async data function, as the Next.js doc does', async () => {
    const [getMeals] = await lintProject(LAYERED_APP);
    const original = fs.readFileSync(path.join(LAYERED_APP, 'lib/meals.ts'), 'utf8');
    expect(getMeals?.fixed).toBe(
      original
        .replace("import { getDb } from './db';", "import { getDb } from './db';\nimport { connection } from 'next/server';")
        .replace(
          'export async function getMeals(): Promise<Meal[]> {\n',
          'export async function getMeals(): Promise<Meal[]> {\n  await connection();\n',
        ),
    );
  });

  it('offers to make a synchronous data function async only as a suggestion (its callers change)', async () => {
    const findings = await lintProject(LAYERED_APP);
    const sitemapQuery = findings.find((finding) => finding.line === 27);
    expect(sitemapQuery?.kind).toBe('suggestion');
    expect(sitemapQuery?.fixed).toContain('export async function listMealSlugs(): Promise<string[]> {\n  await connection();\n');
  });
});
