import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/no-node-driver-on-edge';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const FIXTURES = path.resolve('test/fixtures/no-node-driver-on-edge');
const EDGE = "export const runtime = 'edge';\n";
const PRISMA = '`PrismaClient` without an edge adapter';

/** A file of a fixture project (see its README), with `rootDir` pointing at it (relative to `/`, the tester's cwd). */
function inProject(project: string, file: string) {
  const root = path.join(FIXTURES, project);
  return { filename: path.join(root, file), settings: { next: { rootDir: path.relative('/', root) } } };
}

const NEXT16 = { next: { version: 16 } };

const USE_EDGE_DRIVER = 'Use an edge driver: Neon serverless (`@neondatabase/serverless`), `@prisma/adapter-neon` or `@vercel/postgres`.';

const direct = (driver: string, line = 1, reason = '') =>
  ({ messageId: 'nodeDriverOnEdge', line, data: { driver: `\`${driver}\``, reason, chain: '', advice: USE_EDGE_DRIVER } }) as const;

const through = (specifier: string, modules: string, driver = '`pg`', line = 1, reason = '', advice = USE_EDGE_DRIVER) =>
  ({ messageId: 'nodeDriverOnEdge', line, data: { driver, reason, chain: `\`${specifier}\` loads it: ${modules} → ${driver}. `, advice } }) as const;

/** An edge route for the cases that import from the barrel lib/index.ts. */
const BARREL_ROUTE = inProject('next16', 'app/api/count/route.ts');
/** The report of an import of `@/lib` on line 1: the barrel's `export *` of users.ts leads to pg (see the fixture's README). */
const throughBarrel = (advice = USE_EDGE_DRIVER) => through('@/lib', 'lib/index.ts → lib/users.ts → lib/db.ts', '`pg`', 1, '', advice);

/** The advice for names a barrel takes from modules that load no driver. */
const importFrom = (sources: string, specifier: string, many = false) =>
  `Import ${sources} instead of \`${specifier}\`: ${many ? 'they load' : 'it loads'} no Node-only driver, and the barrel's other modules stay out of the bundle. Or use an edge driver: Neon serverless (\`@neondatabase/serverless\`), \`@prisma/adapter-neon\` or \`@vercel/postgres\`.`;

ruleTester.run('no-node-driver-on-edge', rule, {
  valid: [
    {
      name: 'a route on the Node.js runtime (the default) may import pg',
      filename: 'app/api/users/route.ts',
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function GET() { return Response.json((await pool.query('select 1')).rows); }\n",
    },
    {
      name: "a route that says runtime = 'nodejs'",
      filename: 'app/api/users/route.ts',
      code: "import postgres from 'postgres';\nexport const runtime = 'nodejs';\nconst sql = postgres();\nexport async function GET() { return Response.json(await sql`select 1`); }\n",
    },
    {
      name: 'the edge drivers: Neon serverless, @vercel/postgres, @prisma/adapter-neon, @prisma/client/edge',
      filename: 'app/api/users/route.ts',
      code: `import { neon, Pool } from '@neondatabase/serverless';
import { sql } from '@vercel/postgres';
import { PrismaNeon } from '@prisma/adapter-neon';
import { PrismaClient } from '@prisma/client';
import { PrismaClient as EdgeClient } from '@prisma/client/edge';
${EDGE}const prisma = new PrismaClient({ adapter: new PrismaNeon({ connectionString: process.env.DATABASE_URL }) });
const accelerated = new EdgeClient();
export async function GET() { return Response.json([neon, Pool, sql, prisma, accelerated].length); }
`,
    },
    {
      name: 'a PrismaClient whose options are not written inline may hold an adapter',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { options } from './prisma-options';
${EDGE}const prisma = new PrismaClient(options);
const spread = new PrismaClient({ ...options, log: ['query'] });
export async function GET() { return Response.json([prisma, spread].length); }
`,
    },
    {
      name: 'type-only imports are erased: import type, import { type X }, export type from',
      filename: 'app/api/users/route.ts',
      code: `import type { Pool } from 'pg';
import { type Connection } from 'mysql2';
export type { Database } from 'better-sqlite3';
${EDGE}export async function GET() { const pool: Pool | Connection | undefined = undefined; return Response.json(pool ?? null); }
`,
    },
    {
      name: 'TypeScript drops an import used only as a type (annotations, generics, as, implements), or only as a property name',
      filename: 'app/api/users/route.ts',
      code: `import { Pool, PoolConfig } from 'pg';
import sqlite from 'better-sqlite3';
import * as mysql from 'mysql2';
${EDGE}interface Holder { pool?: Pool }
class Empty implements Holder {}
export async function GET() {
  const config = {} as PoolConfig;
  const list: Array<sqlite.Database> = [];
  const shape = { mysql: 1, Pool: 2 };
  return Response.json([config, list, shape.mysql, shape.Pool, new Empty()].length);
}
`,
    },
    {
      name: 'an edge route reaching only type imports, a Neon module, Prisma with the Neon adapter or @prisma/client/edge',
      ...inProject('next16', 'app/api/edge/route.ts'),
      code: `import { DEFAULT_LIMIT } from '@/lib/pool-types';
import { sql } from '@/lib/neon';
import { prisma } from '../../../lib/prisma-neon';
import { prisma as accelerated } from '../../../lib/prisma-edge';
import { a } from '@/lib/loop-a';
${EDGE}export async function GET() { return Response.json([DEFAULT_LIMIT, sql, prisma, accelerated, a()].length); }
`,
    },
    {
      name: "a 'use client' module is bundled for the browser, not followed",
      ...inProject('next16', 'app/chart/page.tsx'),
      code: `import { Chart } from '@/lib/chart';
${EDGE}export default function Page() { return <Chart />; }
`,
    },
    {
      name: 'a module that is not a route, page, layout or middleware: its runtime export means nothing',
      filename: 'lib/queries.ts',
      code: `import { Pool } from 'pg';\n${EDGE}export const pool = new Pool();\n`,
    },
    {
      name: 'a test file next to an edge route',
      filename: 'app/api/users/route.test.ts',
      code: `import { Pool } from 'pg';\n${EDGE}export const pool = new Pool();\n`,
    },
    {
      name: 'proxy.ts (Next.js 16) always runs on Node.js',
      filename: 'proxy.ts',
      settings: NEXT16,
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function proxy() { await pool.query('select 1'); }\n",
    },
    {
      name: "middleware that says runtime: 'nodejs' on Next.js 16",
      ...inProject('next16', 'middleware.ts'),
      code: "import { pool } from './lib/db';\nexport const config = { runtime: 'nodejs', matcher: '/admin/:path*' };\nexport async function middleware() { await pool.query('select 1'); }\n",
    },
    {
      name: "middleware that says runtime: 'nodejs' when the Next.js version is not known (given the benefit)",
      filename: 'src/middleware.js',
      code: "const { Pool } = require('pg');\nexport const config = { runtime: 'nodejs' };\nconst pool = new Pool();\nexport async function middleware() { await pool.query('select 1'); }\n",
    },
  ],
  invalid: [
    {
      name: 'an App Router route handler on the edge imports pg',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';\n${EDGE}const pool = new Pool();\nexport async function GET() { return Response.json((await pool.query('select 1')).rows); }\n`,
      errors: [direct('pg')],
    },
    {
      name: "require() in JavaScript, with runtime 'experimental-edge'",
      filename: 'pages/api/users.js',
      code: "const mysql = require('mysql2/promise');\nexport const config = { runtime: 'experimental-edge' };\nexport default async function handler() { return mysql; }\n",
      errors: [direct('mysql2/promise')],
    },
    {
      name: 'a Pages page with config.runtime edge, import() and import = require()',
      filename: 'pages/users.tsx',
      code: `import sqlite = require('better-sqlite3');
export const config = { runtime: 'edge' } as const;
export default function Users() { void import('mariadb'); void import('node:sqlite'); return <p>{String(sqlite)}</p>; }
`,
      errors: [direct('better-sqlite3'), direct('mariadb', 3), direct('node:sqlite', 3)],
    },
    {
      name: 'TypeScript keeps an import used as a value, in JSX, or with no bindings at all',
      filename: 'app/users/page.tsx',
      code: `import { Pool } from 'pg';
import Database from 'better-sqlite3';
import 'mysql2';
${EDGE}export default function Page() { return <Database pool={Pool} />; }
`,
      errors: [direct('pg'), direct('better-sqlite3', 2), direct('mysql2', 3)],
    },
    {
      name: 'JavaScript keeps every import, used or not',
      filename: 'app/users/page.jsx',
      code: `import { Pool } from 'pg';
${EDGE}export default function Page() { return <p>users</p>; }
`,
      errors: [direct('pg')],
    },
    {
      name: 'an App Router page (JSX) and a layout on the edge',
      filename: 'app/users/page.jsx',
      code: `import { PrismaPg } from '@prisma/adapter-pg';\n${EDGE}export default function Page() { return <p>{String(PrismaPg)}</p>; }\n`,
      errors: [direct('@prisma/adapter-pg')],
    },
    {
      name: 'a layout re-exporting from postgres, in a template literal runtime',
      filename: 'app/layout.tsx',
      code: "export { default as sql } from 'postgres';\nexport const runtime = `edge`;\nexport default function Layout({ children }: { children: React.ReactNode }) { return children; }\n",
      errors: [direct('postgres')],
    },
    {
      name: 'PrismaClient from @prisma/client without an adapter, reported at the import',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';\n${EDGE}const prisma = new PrismaClient({ log: ['query'] });\nexport async function GET() { return Response.json(await prisma.user.findMany()); }\n`,
      errors: [{ messageId: 'nodeDriverOnEdge', line: 1, data: { driver: PRISMA, reason: '', chain: '', advice: USE_EDGE_DRIVER } }],
    },
    {
      name: 'PrismaClient read off a required @prisma/client, in JavaScript',
      filename: 'app/api/users/route.js',
      code: "const prismaModule = require('@prisma/client');\nexport const runtime = 'edge';\nconst prisma = new prismaModule.PrismaClient();\nexport async function GET() { return Response.json(await prisma.user.findMany()); }\n",
      errors: [{ messageId: 'nodeDriverOnEdge', line: 1, data: { driver: PRISMA, reason: '', chain: '', advice: USE_EDGE_DRIVER } }],
    },
    {
      name: 'middleware (edge by default) imports pg',
      filename: 'middleware.ts',
      settings: NEXT16,
      code: "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function middleware() { await pool.query('select 1'); }\n",
      errors: [direct('pg', 1, ' (middleware)')],
    },
    {
      name: 'an edge route reaching pg through lib/db.ts (relative import)',
      ...inProject('next16', 'app/api/users/route.ts'),
      code: `import { pool } from '../../../lib/db';\n${EDGE}export async function GET() { return Response.json((await pool.query('select 1')).rows); }\n`,
      errors: [through('../../../lib/db', 'lib/db.ts')],
    },
    {
      name: 'through two project modules, by the @/ alias, and by a type import next to a value one',
      ...inProject('next16', 'app/users/page.tsx'),
      code: `import type { Database } from '@/lib/pool-types';
import { listUsers } from '@/lib/users';
${EDGE}export default async function Page() { const users: Database[] = await listUsers(); return <p>{users.length}</p>; }
`,
      errors: [through('@/lib/users', 'lib/users.ts → lib/db.ts', '`pg`', 2)],
    },
    {
      name: 'through a barrel (export * from) in a Pages API route',
      ...inProject('next16', 'pages/api/users.ts'),
      code: "import { listUsers } from '@/lib';\nexport const config = { runtime: 'edge' };\nexport default async function handler() { return Response.json(await listUsers()); }\n",
      errors: [throughBarrel()],
    },
    {
      // Loading the barrel loads every module it re-exports, and users.ts loads pg (a real next build fails on it).
      name: 'through a barrel, for a name that comes from another of its modules',
      ...BARREL_ROUTE,
      code: `import { formatCount } from '@/lib';\n${EDGE}export async function GET() { return Response.json(formatCount(1)); }\n`,
      errors: [throughBarrel(importFrom('`formatCount` from lib/format.ts', '@/lib'))],
    },
    {
      name: 'through a barrel, for names from two of its other modules, by export * and export { x } from',
      ...BARREL_ROUTE,
      code: `import { formatCount, usersTitle, formatTotal } from '@/lib';\n${EDGE}export async function GET() { return Response.json([formatCount(1), formatTotal(2), usersTitle]); }\n`,
      errors: [
        throughBarrel(importFrom('`formatCount`, `formatTotal` from lib/format.ts and `usersTitle` from lib/labels.ts', '@/lib', true)),
      ],
    },
    {
      name: 'through a barrel, for a name it re-exports under another name: its own module does not export that name, so no other import is advised',
      ...BARREL_ROUTE,
      code: `import { usersLabel } from '@/lib';\n${EDGE}export async function GET() { return Response.json(usersLabel); }\n`,
      errors: [throughBarrel()],
    },
    {
      name: 'through a barrel, for a name from its other module and one from the module that leads to pg: no other import helps',
      ...BARREL_ROUTE,
      code: `import { formatCount, listUsers } from '@/lib';\n${EDGE}export async function GET() { return Response.json(formatCount((await listUsers()).length)); }\n`,
      errors: [throughBarrel()],
    },
    {
      name: 'through a barrel, by a namespace import: no other import helps',
      ...BARREL_ROUTE,
      code: `import * as lib from '@/lib';\n${EDGE}export async function GET() { return Response.json(lib.formatCount(1)); }\n`,
      errors: [throughBarrel()],
    },
    {
      name: 'through a cycle of modules, to a driver past it',
      ...inProject('next16', 'app/api/title/route.ts'),
      code: `import { title } from '@/lib/cycle-a';\n${EDGE}export async function GET() { return Response.json(title); }\n`,
      errors: [through('@/lib/cycle-a', 'lib/cycle-a.ts → lib/cycle-b.ts → lib/db.ts')],
    },
    {
      name: 'through a CommonJS module that requires mysql2, and a PrismaClient module, with require() and import()',
      ...inProject('next16', 'app/api/legacy/route.js'),
      code: `const pool = require('../../../lib/legacy-db');
export const runtime = 'edge';
export async function GET() { const { prisma } = await import('@/lib/prisma'); return Response.json([pool, prisma].length); }
`,
      errors: [through('../../../lib/legacy-db', 'lib/legacy-db.js', '`mysql2`'), through('@/lib/prisma', 'lib/prisma.ts', PRISMA, 3)],
    },
    {
      name: 'middleware in src/ reaching pg through project modules, with no word of a driver in it',
      ...inProject('next16', 'src/middleware.ts'),
      code: "import { listUsers } from '../lib/users';\nexport default async function guard() { return (await listUsers()).length > 0 ? undefined : Response.redirect('/'); }\n",
      errors: [through('../lib/users', 'lib/users.ts → lib/db.ts', '`pg`', 1, ' (middleware)')],
    },
    {
      name: "middleware that says runtime: 'nodejs' on Next.js 14 still runs on the edge",
      ...inProject('next14', 'middleware.ts'),
      code: "import { Pool } from 'pg';\nexport const config = { runtime: 'nodejs' };\nconst pool = new Pool();\nexport async function middleware() { await pool.query('select 1'); }\n",
      errors: [direct('pg', 1, ' (middleware)')],
    },
    {
      name: "middleware that says runtime: 'nodejs' on Next.js 15.1 (Node.js middleware came in 15.2)",
      ...inProject('next15.1', 'src/middleware.ts'),
      code: "import { Pool } from 'pg';\nexport const config = { runtime: 'nodejs' };\nconst pool = new Pool();\nexport async function middleware() { await pool.query('select 1'); }\n",
      errors: [direct('pg', 1, ' (middleware)')],
    },
  ],
});
