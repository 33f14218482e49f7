/**
 * Findings that depend on other files of the app: each case writes a small app
 * to a temporary folder and lints all of it, as `eslint .` would.
 */
import { describe, expect, it } from 'vitest';
import { lintProject, summarize, writeProject } from '../support/project-lint';

const NEXT16 = JSON.stringify({ dependencies: { next: '16.0.0', 'better-sqlite3': '12.0.0', pg: '8.0.0' } });
const LAYOUT = `export default function Layout({ children }: { children: React.ReactNode }) { return <html><body>{children}</body></html>; }\n`;
const DB = `import Database from 'better-sqlite3';
let db: Database.Database | undefined;
export function getDb() {
  db ??= new Database('app.db');
  return db;
}
`;
const MEALS = `import { getDb } from './db';
export async function getMeals() {
  return getDb().prepare('SELECT * FROM meals').all();
}
`;
const STATIC_PAGE = (from: string) => `import { getMeals } from '${from}';
export default async function Page() {
  const meals = await getMeals();
  return <p>{meals.length}</p>;
}
`;

async function findings(files: Record<string, string>, settings?: Record<string, unknown>): Promise<string[]> {
  return summarize(await lintProject(writeProject({ 'package.json': NEXT16, 'app/layout.tsx': LAYOUT, ...files }), settings));
}

describe('require-connection across files', () => {
  it('follows a barrel (export *), a tsconfig alias declared in an extended config, and a JSX component', async () => {
    expect(
      await findings({
        'tsconfig.base.json': `{ "compilerOptions": { "paths": { "@/*": ["./src/*"] }, } /* trailing comma */ }`,
        'tsconfig.json': `\uFEFF{ "extends": "./tsconfig.base.json" }`,
        'src/lib/db.ts': DB,
        'src/lib/meals.ts': MEALS,
        'src/lib/index.ts': `export * from './meals';\n`,
        'src/components/meal-list.tsx': `import { getMeals } from '@/lib';\nexport async function MealList() {\n  const meals = await getMeals();\n  return <ul>{meals.length}</ul>;\n}\n`,
        'src/app/page.tsx': `import { MealList } from '@/components/meal-list';\nexport default function Home() {\n  return <MealList />;\n}\n`,
      }),
    ).toEqual(['src/lib/meals.ts:3 require-connection']);
  });

  it('stays silent when the only callers are a Server Action, a dynamic route, a force-dynamic page or a page after connection()', async () => {
    expect(
      await findings({
        'lib/db.ts': DB,
        'lib/meals.ts': MEALS,
        'app/actions.ts': `'use server';\nimport { getMeals } from '../lib/meals';\nexport async function refresh() { return getMeals(); }\n`,
        'app/meals/[slug]/page.tsx': STATIC_PAGE('../../../lib/meals'),
        'app/live/page.tsx': `export const dynamic = 'force-dynamic';\n${STATIC_PAGE('../../lib/meals')}`,
        'app/after/page.tsx': `import { connection } from 'next/server';\nimport { getMeals } from '../../lib/meals';\nexport default async function Page() {\n  await connection();\n  return <p>{(await getMeals()).length}</p>;\n}\n`,
      }),
    ).toEqual([]);
  });

  it('reports a query reached from a static page and from an action: the page freezes it', async () => {
    expect(
      await findings({
        'lib/db.ts': DB,
        'lib/meals.ts': MEALS,
        'app/actions.ts': `'use server';\nimport { getMeals } from '../lib/meals';\nexport async function refresh() { return getMeals(); }\n`,
        'app/meals/page.tsx': STATIC_PAGE('../../lib/meals'),
      }),
    ).toEqual(['lib/meals.ts:3 require-connection']);
  });

  it('reports a query inside React cache(): it only dedupes within one request', async () => {
    const findingsList = await lintProject(
      writeProject({
        'package.json': NEXT16,
        'lib/db.ts': DB,
        'lib/meals.ts': `import { cache } from 'react';\nimport { getDb } from './db';\nexport const getMeals = cache(async () => getDb().prepare('SELECT 1').all());\n`,
        'app/page.tsx': STATIC_PAGE('../lib/meals'),
      }),
    );
    expect(summarize(findingsList)).toEqual(['lib/meals.ts:3 require-connection']);
    expect(findingsList[0]?.message).toContain('prerenders / (app/page.tsx)');
  });

  it("stays silent under unstable_cache, 'use cache', and a request read in the page before the call", async () => {
    expect(
      await findings({
        'lib/db.ts': DB,
        'lib/meals.ts': `import { unstable_cache } from 'next/cache';\nimport { getDb } from './db';\nexport const getMeals = unstable_cache(async () => getDb().prepare('SELECT 1').all(), ['meals']);\nexport async function getCachedMeals() {\n  'use cache';\n  return getDb().prepare('SELECT 2').all();\n}\n`,
        'app/page.tsx': `import { getMeals, getCachedMeals } from '../lib/meals';\nexport default async function Page() {\n  return <p>{(await getMeals()).length}{(await getCachedMeals()).length}</p>;\n}\n`,
        'app/search/page.tsx': `import { getDb } from '../../lib/db';\nimport { getSession } from '../../lib/session';\nimport { readMeals } from '../../lib/read';\nexport default async function Page() {\n  await getSession();\n  return <p>{readMeals().length}</p>;\n}\n`,
        'lib/session.ts': `import { cookies } from 'next/headers';\nexport async function getSession() { return (await cookies()).get('s'); }\n`,
        'lib/read.ts': `import { getDb } from './db';\nexport function readMeals() { return getDb().prepare('SELECT 3').all(); }\n`,
      }),
    ).toEqual([]);
  });

  it("gives an app with output: 'export' no report: a build-time result is the point of a static export", async () => {
    expect(
      await findings({
        'next.config.mjs': `export default { output: 'export' };\n`,
        'lib/db.ts': DB,
        'lib/meals.ts': MEALS,
        'app/page.tsx': STATIC_PAGE('../lib/meals'),
        'app/inline/page.tsx': `import { getDb } from '../../lib/db';\nexport default function Page() {\n  return <p>{String(getDb().prepare('SELECT 1').get())}</p>;\n}\n`,
      }),
    ).toEqual([]);
  });

  it('with cacheComponents, a dynamic page reports its query before await params and not after it', async () => {
    expect(
      await findings({
        'next.config.ts': `export default { cacheComponents: true };\n`,
        'lib/db.ts': DB,
        'lib/meals.ts': `import { getDb } from './db';\nexport async function getMeal(slug: string) {\n  return getDb().prepare('SELECT * FROM meals WHERE slug = ?').get(slug);\n}\nexport async function countMeals() {\n  return getDb().prepare('SELECT count(*) FROM meals').get();\n}\n`,
        'app/meals/[slug]/page.tsx': `import { getDb } from '../../../lib/db';\nimport { countMeals, getMeal } from '../../../lib/meals';\nexport default async function Page({ params }: { params: Promise<{ slug: string }> }) {\n  const total = await countMeals();\n  const { slug } = await params;\n  const meal = await getMeal(slug);\n  const inline = getDb().prepare('SELECT 1').get();\n  return <p>{String(total)}{String(meal)}{String(inline)}</p>;\n}\n`,
      }),
    ).toEqual(['lib/meals.ts:6 require-connection']);
  });

  it('sees Drizzle over better-sqlite3 and Kysely with a SqliteDialect, and not their network drivers', async () => {
    expect(
      await findings({
        'lib/drizzle.ts': `import Database from 'better-sqlite3';\nimport { drizzle } from 'drizzle-orm/better-sqlite3';\nexport const db = drizzle(new Database('app.db'));\n`,
        'lib/kysely.ts': `import Database from 'better-sqlite3';\nimport { Kysely, SqliteDialect } from 'kysely';\nexport const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new Database('app.db') }) });\n`,
        'lib/pg.ts': `import { Pool } from 'pg';\nimport { drizzle } from 'drizzle-orm/node-postgres';\nimport { Kysely, PostgresDialect } from 'kysely';\nexport const pgDrizzle = drizzle(new Pool());\nexport const pgKysely = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool() }) });\n`,
        'lib/meals.ts': [
          `import { db } from './drizzle';`,
          `import { db as kysely } from './kysely';`,
          `import { pgDrizzle, pgKysely } from './pg';`,
          `import { meals } from './schema';`,
          `export async function getMeals() {`,
          `  const awaited = await db.select().from(meals);`,
          `  const all = db.select().from(meals).all();`,
          `  const rows = await kysely.selectFrom('meals').selectAll().execute();`,
          `  const network = [await pgDrizzle.select().from(meals), await pgKysely.selectFrom('meals').selectAll().execute()];`,
          `  return { awaited, all, rows, network };`,
          `}`,
          ``,
        ].join('\n'),
        'app/page.tsx': STATIC_PAGE('../lib/meals'),
      }),
    ).toEqual(['lib/meals.ts:6 require-connection', 'lib/meals.ts:7 require-connection', 'lib/meals.ts:8 require-connection']);
  });

  it('counts a called import as a transaction only in an app that depends on better-sqlite3, the only driver with transactions', async () => {
    const files = {
      'lib/db.ts': `import { DatabaseSync } from 'node:sqlite';\nexport const db = new DatabaseSync('app.db');\nexport const addVisit = (db as any).transaction(() => db.prepare('UPDATE visits SET n = n + 1').run());\n`,
      'app/page.tsx': `import { addVisit } from '../lib/db';\nexport default async function Page() {\n  addVisit();\n  return <p>Thanks</p>;\n}\n`,
    };
    expect(await findings({ ...files, 'package.json': JSON.stringify({ dependencies: { next: '16.0.0' } }) })).toEqual([]);
    expect(await findings(files)).toEqual(['app/page.tsx:3 require-connection']);
  });

  it('judges a module nothing imports by where it stands, as before', async () => {
    expect(await findings({ 'lib/db.ts': DB, 'app/lib/orphan.ts': MEALS.replace("'./db'", "'../../lib/db'") })).toEqual([
      'app/lib/orphan.ts:3 require-connection',
    ]);
  });

  it('finds an app with no next.config, from its package.json, in a monorepo with no settings', async () => {
    const monorepo = writeProject({
      'package.json': JSON.stringify({ private: true, workspaces: ['apps/*'] }),
      'apps/admin/package.json': NEXT16,
      'apps/admin/lib/db.ts': DB,
      'apps/admin/lib/meals.ts': MEALS,
      'apps/admin/app/page.tsx': STATIC_PAGE('../lib/meals'),
      'apps/admin/app/api/users/route.ts': `import { Pool } from 'pg';\nexport async function GET() {\n  const pool = new Pool();\n  return Response.json((await pool.query('SELECT 1')).rows);\n}\n`,
    });
    expect(summarize(await lintProject(monorepo))).toEqual([
      'apps/admin/app/api/users/route.ts:3 no-pool-in-handler',
      'apps/admin/lib/meals.ts:3 require-connection',
    ]);
  });
});

describe('no-pool-in-handler across files', () => {
  const POOL_HELPER = `import { Pool } from 'pg';\n\nexport function getPool() {\n  return new Pool({ connectionString: process.env.DATABASE_URL });\n}\n`;
  const ROUTE = (from: string) => `import { getPool } from '${from}';\nexport async function GET() {\n  return Response.json((await getPool().query('SELECT 1')).rows);\n}\n`;

  it('reports a helper that creates a pool per call, at the creation, naming a handler that reaches it, with the hoist', async () => {
    const all = await lintProject(
      writeProject({ 'package.json': NEXT16, 'lib/db.ts': POOL_HELPER, 'app/api/b/route.ts': ROUTE('../../../lib/db'), 'app/api/a/route.ts': ROUTE('@/lib/db'), 'tsconfig.json': '{"compilerOptions":{"paths":{"@/*":["./*"]}}}' }),
    );
    expect(all.map(({ file, line, message, kind }) => ({ file, line, message, kind }))).toEqual([
      {
        file: 'lib/db.ts',
        line: 4,
        kind: 'suggestion',
        message:
          '`new Pool()` opens a pool on every request: create it once at module scope and reuse it. It runs in `getPool`, called from the route handler `GET` (app/api/a/route.ts), so under load the database runs out of connections (SQLSTATE 53300).',
      },
    ]);
    expect(all[0]?.fixed).toBe(
      `import { Pool } from 'pg';\n\nconst pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });\n\nexport function getPool() {\n  return pool;\n}\n`,
    );
  });

  it('reports drizzle(new Pool()) built per call, through a Server Action', async () => {
    expect(
      await findings({
        'lib/db.ts': `import { Pool } from 'pg';\nimport { drizzle } from 'drizzle-orm/node-postgres';\nexport const db = () => drizzle(new Pool());\n`,
        'app/actions.ts': `'use server';\nimport { db } from '../lib/db';\nexport async function save() { await db().execute('SELECT 1'); }\n`,
      }),
    ).toEqual(['lib/db.ts:3 no-pool-in-handler']);
  });

  it('stays silent on a helper only scripts call, and on a pool created once at module scope', async () => {
    expect(
      await findings({
        'lib/db.ts': POOL_HELPER,
        'scripts/migrate.ts': `import { getPool } from '../lib/db';\nawait getPool().query('SELECT 1');\n`,
        'lib/shared.ts': `import { Pool } from 'pg';\nexport const pool = new Pool();\nexport function getShared() { return pool; }\n`,
        'app/api/a/route.ts': `import { getShared } from '../../../lib/shared';\nexport async function GET() { return Response.json((await getShared().query('SELECT 1')).rows); }\n`,
      }),
    ).toEqual([]);
  });
});

describe('no-request-api-in-cache across files', () => {
  it("reports an imported helper that reaches cookies() inside 'use cache', naming the chain across modules", async () => {
    const all = await lintProject(
      writeProject({
        'package.json': NEXT16,
        'next.config.ts': 'export default { cacheComponents: true };\n',
        'lib/session.ts': `import { cookies } from 'next/headers';\nexport async function readSession() {\n  return (await cookies()).get('session')?.value;\n}\n`,
        'lib/user.ts': `import { readSession } from './session';\nexport async function getUser() {\n  return { id: await readSession() };\n}\n`,
        'app/page.tsx': `import { getUser } from '../lib/user';\nasync function Profile() {\n  'use cache';\n  const user = await getUser();\n  return <p>{user.id}</p>;\n}\nexport default function Page() {\n  return <Profile />;\n}\n`,
      }),
    );
    expect(summarize(all)).toEqual(['app/page.tsx:4 no-request-api-in-cache']);
    expect(all[0]?.message).toContain('`getUser()` → `readSession()` → `cookies()`');
  });
});
