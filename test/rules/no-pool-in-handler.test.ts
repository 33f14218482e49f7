import * as fs from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import rule from '../../eslint-plugin/src/rules/no-pool-in-handler';
import { applyFix } from '../support/lint-config.mjs';

// Filenames are relative to the cwd RuleTester passes (the repository root),
// so file kinds are decided exactly as in a real `eslint` run from a Next.js project.
const ruleTester = new RuleTester();

ruleTester.run('no-pool-in-handler', rule, {
  valid: [
    {
      name: 'lazy singleton in a library getter',
      filename: 'lib/db.ts',
      code: `import { Pool } from 'pg';
// Correct: one pool per server instance, created lazily and reused.
let pool: Pool | undefined;
export function getPool() {
  if (!pool) pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  return pool;
}
`,
    },
    {
      name: 'lazy singletons: ??=, ||=, x = x || ..., early return, globalThis and global properties',
      filename: 'app/api/lazy/route.ts',
      code: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
let pool: Pool | undefined;
let pool2: Pool | undefined;
let pool3: Pool | undefined;
let pool4: Pool | undefined;
const g = globalThis as unknown as { prisma?: PrismaClient };
declare const global: { prisma?: PrismaClient };
let prisma: PrismaClient;
function getPool() {
  if (pool) return pool;
  pool = new Pool();
  return pool;
}
export async function GET() {
  pool2 ??= new Pool();
  pool3 = pool3 || new Pool();
  pool4 ||= new Pool() as Pool;
  (globalThis as any).prisma ??= new PrismaClient();
  g.prisma = g.prisma ?? new PrismaClient();
  prisma = global.prisma || new PrismaClient();
  return Response.json(await getPool().query('select 1'));
}
`,
    },
    {
      name: 'pools at module scope',
      filename: 'app/api/module/route.ts',
      code: `import { Pool } from 'pg';
import postgres from 'postgres';
const pool = new Pool({ max: 5 });
const sql = postgres(process.env.DATABASE_URL!, { max: 5 });
export async function GET() {
  return Response.json([await pool.query('select 1'), await sql\`select 1\`]);
}
`,
    },
    {
      name: '\'use client\' component',
      filename: 'app/components/badge.tsx',
      code: `'use client';
import { Pool } from 'pg';
export default function Badge() {
  const pool = new Pool();
  return <p>{String(pool)}</p>;
}
`,
    },
    {
      name: '\'use client\' page',
      filename: 'app/client/page.tsx',
      code: `'use client';
import { Pool } from 'pg';
export default function Page() {
  const pool = new Pool();
  return <p>{String(pool)}</p>;
}
`,
    },
    {
      name: 'commented-out code, strings and pg Client',
      filename: 'app/api/comment/route.ts',
      code: `import { Pool, Client } from 'pg';
const shared = new Pool();
export async function GET() {
  // const pool = new Pool();
  /* new Pool() */
  const text = 'new Pool()';
  const client = new Client();
  await client.connect();
  return Response.json([text, await shared.query('select 1')]);
}
`,
    },
    {
      name: 'Neon Pool in an edge route',
      filename: 'app/api/neon/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  return Response.json(await pool.query('select 1'));
}
`,
    },
    {
      name: 'seed script',
      filename: 'scripts/seed.ts',
      code: `import { Pool } from 'pg';
// A one-off script, not a request handler: a pool here is fine.
async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('CREATE TABLE IF NOT EXISTS users (id serial PRIMARY KEY, name text)');
  await pool.end();
}
void main();
`,
    },
    {
      name: 'migration in CommonJS',
      filename: 'db/migrations/001-init.js',
      code: `const { Pool } = require('pg');
module.exports = async function up() {
  const pool = new Pool();
  await pool.query('create table t (id int)');
  await pool.end();
};
`,
    },
    {
      name: 'test file next to a route',
      filename: 'app/api/users/route.test.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  const pool = new Pool();
  return pool;
}
`,
    },
    {
      name: '__tests__ folder under app/',
      filename: 'app/__tests__/route.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  return new Pool();
}
`,
    },
    {
      name: 'myapp/ is not app/',
      filename: 'myapp/api/route.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
}
`,
    },
    {
      name: 'myapp/pages/ is not pages/',
      filename: 'myapp/pages/api/users.ts',
      code: `import { Pool } from 'pg';
export default async function handler() {
  return new Pool();
}
`,
    },
    {
      name: 'a monorepo app without settings.next.rootDir',
      filename: 'apps/web/app/api/route.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
}
`,
    },
    {
      name: 'route file: non-handler export and module-scope pool',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export function helper() {
  return new Pool();
}
export const dynamic = 'force-dynamic';
export async function GET() {
  return Response.json(await pool.query('select 1'));
}
`,
    },
    {
      name: 'app/ data module without \'use server\'',
      filename: 'app/lib/data.ts',
      code: `import { Pool } from 'pg';
export async function getUsers() {
  const pool = new Pool();
  return (await pool.query('select 1')).rows;
}
`,
    },
    {
      name: 'getStaticProps runs at build time',
      filename: 'pages/about.tsx',
      code: `import { Pool } from 'pg';
export async function getStaticProps() {
  const pool = new Pool();
  return { props: { n: (await pool.query('select 1')).rowCount } };
}
export default function About() { return null; }
`,
    },
    {
      name: 'shadowed and look-alike Pool',
      filename: 'pages/api/users.ts',
      code: `import { Pool } from 'pg';
import { Pool as FakePool } from './fake-pool';
function make(Pool: typeof FakePool) {
  return new Pool();
}
export default async function handler() {
  return [make(FakePool), new FakePool()];
}
`,
    },
    {
      name: 'uncalled helper and a memoized factory',
      filename: 'app/page.tsx',
      code: `import { Pool } from 'pg';
const getPool = cache(() => new Pool());
function unused() {
  return new Pool();
}
export default async function Page() {
  return <p>{String(getPool())}</p>;
}
`,
    },
    {
      name: 'pg Client in a route handler',
      filename: 'src/app/api/items/route.js',
      code: `import pg from 'pg';
export async function GET() {
  const client = new pg.Client();
  await client.connect();
  const { rows } = await client.query('select 1');
  await client.end();
  return Response.json(rows);
}
`,
    },
    {
      name: 'custom factory at module scope',
      filename: 'app/api/custom/route.ts',
      options: [{ factories: [{ module: '@acme/db', import: 'makePool' }] }],
      code: `import { makePool } from '@acme/db';
const pool = makePool();
export async function GET() {
  return Response.json(await pool.query('select 1'));
}
`,
    },
    {
      name: 'per-tenant pools cached in a module-level Map or object',
      filename: 'app/api/tenants/[tenant]/route.ts',
      code: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
const pools = new Map<string, Pool>();
const clients: Record<string, PrismaClient> = {};
export async function GET(req: Request, { params }: { params: { tenant: string } }) {
  let pool = pools.get(params.tenant);
  if (!pool) {
    pool = new Pool({ database: params.tenant });
    pools.set(params.tenant, pool);
  }
  if (!clients[params.tenant]) clients[params.tenant] = new PrismaClient();
  const cached = pools.get('x') ?? (pools.set('x', new Pool()), undefined);
  return Response.json([await pool.query('select 1'), cached]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'Pages API route with try/finally end()',
      filename: 'pages/api/users.ts',
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

// Pages Router API route: a new pool on every request.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    // pg_sleep stands in for a query that holds its connection for a moment.
    const result = await pool.query('SELECT now() AS time, pg_sleep(0.05)');
    res.status(200).json({ time: result.rows[0].time });
  } finally {
    await pool.end();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the API route handler' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

// Pages Router API route: a new pool on every request.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  // pg_sleep stands in for a query that holds its connection for a moment.
  const result = await pool.query('SELECT now() AS time, pg_sleep(0.05)');
  res.status(200).json({ time: result.rows[0].time });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'App Router GET with end()',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

// App Router route handler: a new pool on every request.
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT now() AS time, pg_sleep(0.05)');
  await pool.end();
  return Response.json({ time: rows[0].time });
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

// App Router route handler: a new pool on every request.
export async function GET() {
  const { rows } = await pool.query('SELECT now() AS time, pg_sleep(0.05)');
  return Response.json({ time: rows[0].time });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Server Action file calling a getDb() helper',
      filename: 'app/actions.ts',
      code: `'use server';

import { Pool } from 'pg';

function getDb() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}

// Server Action: the helper builds a fresh pool each time it is called.
export async function addUser(name: string) {
  const db = getDb();
  await db.query('INSERT INTO users (name) VALUES ($1)', [name]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 10,
          data: { factory: '`new Pool()`', where: '`getDb`, called from the Server Action `addUser`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `'use server';

import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

function getDb() {
  return pool;
}

// Server Action: the helper builds a fresh pool each time it is called.
export async function addUser(name: string) {
  const db = getDb();
  await db.query('INSERT INTO users (name) VALUES ($1)', [name]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Server Action in JS without semicolons, end() in finally with catch',
      filename: 'app/actions.js',
      code: `'use server'
// Server actions for users.
import { Pool } from 'pg'

export async function addUser(name) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL })
  try {
    await pool.query('insert into users (name) values ($1)', [name])
  } catch (error) {
    console.error(error)
  } finally {
    await pool.end()
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the Server Action `addUser`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `'use server'
// Server actions for users.
import { Pool } from 'pg'

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })

export async function addUser(name) {
  try {
    await pool.query('insert into users (name) values ($1)', [name])
  } catch (error) {
    console.error(error)
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'CommonJS API route (module.exports arrow, require)',
      filename: 'src/pages/api/cjs.js',
      languageOptions: { parserOptions: { sourceType: 'commonjs' } },
      code: `const { Pool } = require('pg');
module.exports = async (req, res) => {
  const pool = new Pool();
  res.json((await pool.query('select 1')).rows);
};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the API route handler' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `const { Pool } = require('pg');

const pool = new Pool({ max: 5 });

module.exports = async (req, res) => {
  res.json((await pool.query('select 1')).rows);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'handler config reads the request body: no suggestion',
      filename: 'src/app/api/items/route.js',
      code: `import pg from 'pg';
export const POST = async (req) => {
  const body = await req.json();
  const pool = new pg.Pool({ connectionString: body.url });
  return Response.json(await pool.query('select 1'));
};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 16,
          data: { factory: '`new pg.Pool()`', where: 'the route handler `POST`', reason: 'it reads `body`, which only exists inside the function' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'namespace, renamed and require\'d Pool; config declared after the handler',
      filename: 'app/api/x/route.ts',
      code: `import * as pg from 'pg';
import { Pool as PgPool } from 'pg';
export async function GET() {
  const a = new pg.Pool(config);
  const b = new PgPool({ ...config, max: 10 });
  const c = new (require('pg').Pool)({ ...base });
  return Response.json([a, b, c]);
}
const config = { connectionString: process.env.DATABASE_URL };
const base = {};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 13,
          data: { factory: '`new pg.Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'a', size: ' with `max: 5`' },
              output: `import * as pg from 'pg';
import { Pool as PgPool } from 'pg';
export async function GET() {
  const b = new PgPool({ ...config, max: 10 });
  const c = new (require('pg').Pool)({ ...base });
  return Response.json([a, b, c]);
}
const config = { connectionString: process.env.DATABASE_URL };

const a = new pg.Pool({ max: 5, ...config });

const base = {};
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 13,
          data: { factory: '`new PgPool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'b', size: '' },
              output: `import * as pg from 'pg';
import { Pool as PgPool } from 'pg';
export async function GET() {
  const a = new pg.Pool(config);
  const c = new (require('pg').Pool)({ ...base });
  return Response.json([a, b, c]);
}
const config = { connectionString: process.env.DATABASE_URL };

const b = new PgPool({ ...config, max: 10 });

const base = {};
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'c', size: ' with `max: 5`' },
              output: `import * as pg from 'pg';
import { Pool as PgPool } from 'pg';
export async function GET() {
  const a = new pg.Pool(config);
  const b = new PgPool({ ...config, max: 10 });
  return Response.json([a, b, c]);
}
const config = { connectionString: process.env.DATABASE_URL };
const base = {};

const c = new (require('pg').Pool)({ max: 5, ...base });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Neon Pool outside the edge runtime, multi-line config',
      filename: 'app/api/neon/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';
export async function GET() {
  const pool = new Pool({
    connectionString: process.env.DATABASE_URL,
  });
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from '@neondatabase/serverless';

const pool = new Pool({
  connectionString: process.env.DATABASE_URL,
  max: 5,
});

export async function GET() {
  return Response.json(await pool.query('select 1'));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pg Pool in an edge route is still reported',
      filename: 'app/api/edge-pg/route.ts',
      code: `import { Pool } from 'pg';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export const runtime = 'edge';
export async function GET() {
  return Response.json(await pool.query('select 1'));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: '@vercel/postgres createPool() used in place',
      filename: 'app/api/vercel/route.ts',
      code: `import { createPool } from '@vercel/postgres';
export async function DELETE() {
  const { rows } = await createPool().query('select 1');
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 26,
          data: { factory: '`createPool()`', where: 'the route handler `DELETE`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { createPool } from '@vercel/postgres';

const pool = createPool({ max: 5 });

export async function DELETE() {
  const { rows } = await pool.query('select 1');
  return Response.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2 and mysql2/promise createPool with object, URL and explicit limit',
      filename: 'app/api/mysql/route.ts',
      code: `import mysql from 'mysql2/promise';
import { createPool } from 'mysql2';
export async function PATCH() {
  const a = mysql.createPool({ uri: process.env.DATABASE_URL });
  const b = mysql.createPool(process.env.DATABASE_URL);
  const c = createPool({ host: 'db', connectionLimit: 2 });
  return Response.json([a, b, c]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 13,
          data: { factory: '`mysql.createPool()`', where: 'the route handler `PATCH`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'a', size: ' with `connectionLimit: 5`' },
              output: `import mysql from 'mysql2/promise';
import { createPool } from 'mysql2';

const a = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 5 });

export async function PATCH() {
  const b = mysql.createPool(process.env.DATABASE_URL);
  const c = createPool({ host: 'db', connectionLimit: 2 });
  return Response.json([a, b, c]);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 13,
          data: { factory: '`mysql.createPool()`', where: 'the route handler `PATCH`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'b', size: '' },
              output: `import mysql from 'mysql2/promise';
import { createPool } from 'mysql2';

const b = mysql.createPool(process.env.DATABASE_URL);

export async function PATCH() {
  const a = mysql.createPool({ uri: process.env.DATABASE_URL });
  const c = createPool({ host: 'db', connectionLimit: 2 });
  return Response.json([a, b, c]);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 13,
          data: { factory: '`createPool()`', where: 'the route handler `PATCH`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'c', size: '' },
              output: `import mysql from 'mysql2/promise';
import { createPool } from 'mysql2';

const c = createPool({ host: 'db', connectionLimit: 2 });

export async function PATCH() {
  const a = mysql.createPool({ uri: process.env.DATABASE_URL });
  const b = mysql.createPool(process.env.DATABASE_URL);
  return Response.json([a, b, c]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'postgres.js with a URL and sql.end()',
      filename: 'app/api/pgjs/route.ts',
      code: `import postgres from 'postgres';
export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!);
  const rows = await sql\`select 1\`;
  await sql.end();
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 15,
          data: { factory: '`postgres()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, { max: 5 });

export async function GET() {
  const rows = await sql\`select 1\`;
  return Response.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'postgres.js required, tagged template, options and unknown argument',
      filename: 'app/api/pgjs2/route.js',
      code: `const postgres = require('postgres');
export async function HEAD() {
  const rows = await postgres(process.env.DATABASE_URL, { ssl: 'require' })\`select 1\`;
  const other = postgres(options);
  return Response.json([rows, other]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 22,
          data: { factory: '`postgres()`', where: 'the route handler `HEAD`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `const postgres = require('postgres');

const sql = postgres(process.env.DATABASE_URL, { ssl: 'require', max: 5 });

export async function HEAD() {
  const rows = await sql\`select 1\`;
  const other = postgres(options);
  return Response.json([rows, other]);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 17,
          data: { factory: '`postgres()`', where: 'the route handler `HEAD`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'other', size: '' },
              output: `const postgres = require('postgres');

const other = postgres(options);

export async function HEAD() {
  const rows = await postgres(process.env.DATABASE_URL, { ssl: 'require' })\`select 1\`;
  return Response.json([rows, other]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'PrismaClient in a TSX Server Component with $disconnect()',
      filename: 'app/users/page.tsx',
      code: `import { PrismaClient } from '@prisma/client';
export default async function Page() {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  await prisma.$disconnect();
  return <ul>{users.map((u) => <li key={u.id}>{u.name}</li>)}</ul>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 18,
          data: { factory: '`new PrismaClient()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: '' },
              output: `import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export default async function Page() {
  const users = await prisma.user.findMany();
  return <ul>{users.map((u) => <li key={u.id}>{u.name}</li>)}</ul>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'PrismaClient in a JSX page, used in place',
      filename: 'app/users/page.js',
      languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
      code: `import { PrismaClient } from '@prisma/client';
export default async function Page() {
  const users = await new PrismaClient().user.findMany();
  return <ul>{users.length}</ul>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 23,
          data: { factory: '`new PrismaClient()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: '' },
              output: `import { PrismaClient } from '@prisma/client';

const prisma = globalThis.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;

export default async function Page() {
  const users = await prisma.user.findMany();
  return <ul>{users.length}</ul>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'required PrismaClient in generateMetadata',
      filename: 'app/users/layout.tsx',
      code: `const { PrismaClient } = require('@prisma/client');
export async function generateMetadata() {
  const prisma = new PrismaClient();
  return { title: String(await prisma.user.count()) };
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 18,
          data: { factory: '`new PrismaClient()`', where: '`generateMetadata`' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: '' },
              output: `const { PrismaClient } = require('@prisma/client');

const globalForPrisma = globalThis as unknown as { prisma?: InstanceType<typeof PrismaClient> };
const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export async function generateMetadata() {
  return { title: String(await prisma.user.count()) };
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'name collisions at module scope and in the handler',
      filename: 'app/api/collide/route.ts',
      code: `import { Pool } from 'pg';
const pool = 'not a pool';
export async function GET() {
  const db = new Pool();
  function inner(sharedPool: number) { return sharedPool; }
  return Response.json({ db, pool, n: inner(1) });
}
export async function POST() {
  const pool = new Pool();
  const sharedPool = 1;
  return Response.json({ pool, sharedPool });
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 14,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'db', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const db = new Pool({ max: 5 });

const pool = 'not a pool';
export async function GET() {
  function inner(sharedPool: number) { return sharedPool; }
  return Response.json({ db, pool, n: inner(1) });
}
export async function POST() {
  const pool = new Pool();
  const sharedPool = 1;
  return Response.json({ pool, sharedPool });
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 9,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool2', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool2 = new Pool({ max: 5 });

const pool = 'not a pool';
export async function GET() {
  const db = new Pool();
  function inner(sharedPool: number) { return sharedPool; }
  return Response.json({ db, pool, n: inner(1) });
}
export async function POST() {
  const sharedPool = 1;
  return Response.json({ pool: pool2, sharedPool });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'reasons not to suggest: await, req, this, arguments, listeners, end() as value, reassignment, end(callback)',
      filename: 'app/api/reasons/route.ts',
      code: `import { Pool } from 'pg';
import { getSecret } from './secret';
export async function GET(req: Request) {
  const a = new Pool({ password: await getSecret() });
  const b = new Pool({ application_name: req.url });
  return Response.json([a, b]);
}
export async function POST(this: unknown) {
  const d = new Pool({ x: this });
  const e = new Pool(arguments[0]);
  const f = new Pool();
  f.on('error', console.error);
  const g = new Pool();
  return Response.json([d, e, g.end()]);
}
export async function PUT() {
  let h = new Pool();
  h = new Pool();
  const i = new Pool();
  i.end(() => {});
  return Response.json([h, i]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads an awaited value' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 5,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads `req`, which only exists inside the function' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 9,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`', reason: 'it reads `this`' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 10,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`', reason: 'it reads `arguments`' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 11,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`', reason: 'the handler calls `f.on()` on each request' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 13,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`', reason: '`g.end()` is used as a value' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 17,
          column: 11,
          data: { factory: '`new Pool()`', where: 'the route handler `PUT`', reason: '`h` is reassigned' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 18,
          column: 7,
          data: { factory: '`new Pool()`', where: 'the route handler `PUT`', reason: 'it is assigned to `h` on every call' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 19,
          column: 13,
          data: { factory: '`new Pool()`', where: 'the route handler `PUT`', reason: '`i.end()` is given a callback' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'config reads a module variable reassigned at run time',
      filename: 'app/api/mutable/route.ts',
      code: `import { Pool } from 'pg';
let url = process.env.DATABASE_URL;
export function setUrl(next: string) { url = next; }
export async function GET() {
  const pool = new Pool({ connectionString: url });
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 5,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads `url`, which is reassigned at run time' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'pool among several declarators, with a type annotation',
      filename: 'app/api/multi/route.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  const before = 1, pool: Pool = new Pool({}), after = 2;
  const { rows } = await pool.query('select 1');
  return Response.json({ rows, before, after, pool });
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 34,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool: Pool = new Pool({ max: 5 });

export async function GET() {
  const before = 1, after = 2;
  const { rows } = await pool.query('select 1');
  return Response.json({ rows, before, after, pool });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Pool required inside the handler: no suggestion',
      filename: 'app/api/local-require/route.js',
      code: `// @ts-check
export async function GET() {
  const { Pool } = require('pg');
  const pool = new Pool(config);
  return Response.json(await pool.query('select 1'));
}
const config = { connectionString: process.env.DATABASE_URL };
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads `Pool`, which only exists inside the function' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'no imports: the singleton goes above the handler and its comment',
      filename: 'app/api/norequire/route.ts',
      code: `// A handler without imports.
export async function OPTIONS() {
  const pool = new (require('pg').Pool)();
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `OPTIONS`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `const pool = new (require('pg').Pool)({ max: 5 });

// A handler without imports.
export async function OPTIONS() {
  return Response.json(await pool.query('select 1'));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'custom factories and pool size',
      filename: 'app/api/custom/route.ts',
      options: [{ poolSize: 3, factories: [{ module: '@acme/db', import: 'makePool', sizeOption: 'poolSize' }, { module: 'kysely-pool' }] }],
      code: `import { makePool } from '@acme/db';
import kp from 'kysely-pool';
export async function GET() {
  const a = makePool({ url: 'x' });
  const b = new kp();
  return Response.json([a, b]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 13,
          data: { factory: '`makePool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'a', size: ' with `poolSize: 3`' },
              output: `import { makePool } from '@acme/db';
import kp from 'kysely-pool';

const a = makePool({ url: 'x', poolSize: 3 });

export async function GET() {
  const b = new kp();
  return Response.json([a, b]);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 13,
          data: { factory: '`new kp()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'b', size: ' with `max: 3`' },
              output: `import { makePool } from '@acme/db';
import kp from 'kysely-pool';

const b = new kp({ max: 3 });

export async function GET() {
  const a = makePool({ url: 'x' });
  return Response.json([a, b]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'helper ending the pool in finally without catch, and end() in branches',
      filename: 'app/api/reuse/route.ts',
      code: `import { Pool } from 'pg';
async function query(sql: string) {
  const pool = new Pool();
  try {
    return await pool.query(sql);
  } finally {
    await pool.end();
  }
}
export async function GET() {
  return Response.json(await query('select 1'));
}
export async function POST() {
  const pool = new Pool();
  await pool.query('select 1');
  if (Math.random() > 0.5) {
    await pool.end();
    return new Response('a');
  }
  void pool.end();
  return new Response('b');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: '`query`, called from the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

async function query(sql: string) {
  return await pool.query(sql);
}
export async function GET() {
  return Response.json(await query('select 1'));
}
export async function POST() {
  const pool = new Pool();
  await pool.query('select 1');
  if (Math.random() > 0.5) {
    await pool.end();
    return new Response('a');
  }
  void pool.end();
  return new Response('b');
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 14,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

async function query(sql: string) {
  const pool = new Pool();
  try {
    return await pool.query(sql);
  } finally {
    await pool.end();
  }
}
export async function GET() {
  return Response.json(await query('select 1'));
}
export async function POST() {
  await pool.query('select 1');
  if (Math.random() > 0.5) {
    return new Response('a');
  }
  return new Response('b');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'unguarded assignment to a module variable',
      filename: 'app/api/notlazy/route.ts',
      code: `import { Pool } from 'pg';
let pool: Pool | undefined;
export async function GET() {
  pool = new Pool();
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 10,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it is assigned to `pool` on every call' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'middleware in src/',
      filename: 'src/middleware.ts',
      code: `import { Pool } from 'pg';
export async function middleware() {
  const pool = new Pool();
  await pool.query('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the middleware' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function middleware() {
  await pool.query('select 1');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'default-exported proxy',
      filename: 'proxy.js',
      code: `import { Pool } from 'pg';
export default async function proxy() {
  await new Pool().query('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 9,
          data: { factory: '`new Pool()`', where: 'the middleware' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export default async function proxy() {
  await pool.query('select 1');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'getServerSideProps',
      filename: 'pages/users.tsx',
      code: `import { Pool } from 'pg';
export async function getServerSideProps() {
  const pool = new Pool();
  return { props: { n: (await pool.query('select 1')).rowCount } };
}
export default function Users() { return null; }
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: '`getServerSideProps`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function getServerSideProps() {
  return { props: { n: (await pool.query('select 1')).rowCount } };
}
export default function Users() { return null; }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'inline \'use server\' function in a library',
      filename: 'lib/queries.ts',
      code: `import { Pool } from 'pg';
export async function notAnAction() {
  return new Pool();
}
export async function inline() {
  'use server';
  const pool = new Pool();
  await pool.query('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the Server Action `inline`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function notAnAction() {
  return new Pool();
}
export async function inline() {
  'use server';
  await pool.query('select 1');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'wrapped handler and export const PUT = handler',
      filename: 'app/api/wrapped/route.ts',
      code: `import { Pool } from 'pg';
import { withAuth } from './auth';
export const GET = withAuth(async (req: Request) => {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
});
async function handler() {
  return Response.json(await new Pool().query('select 1'));
}
export const PUT = handler;
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { withAuth } from './auth';

const pool = new Pool({ max: 5 });

export const GET = withAuth(async (req: Request) => {
  return Response.json(await pool.query('select 1'));
});
async function handler() {
  return Response.json(await new Pool().query('select 1'));
}
export const PUT = handler;
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 8,
          column: 30,
          data: { factory: '`new Pool()`', where: 'the route handler `PUT`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { withAuth } from './auth';

const pool = new Pool({ max: 5 });

export const GET = withAuth(async (req: Request) => {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
});
async function handler() {
  return Response.json(await pool.query('select 1'));
}
export const PUT = handler;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'pool in a nested callback',
      filename: 'app/api/nested/route.ts',
      code: `import { Pool } from 'pg';
export async function GET() {
  const rows = await Promise.all([1, 2].map(async (id) => {
    const pool = new Pool();
    return pool.query('select $1', [id]);
  }));
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 18,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function GET() {
  const rows = await Promise.all([1, 2].map(async (id) => {
    return pool.query('select $1', [id]);
  }));
  return Response.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'settings.next.rootDir with *',
      filename: 'apps/web/app/api/route.ts',
      settings: { next: { rootDir: 'apps/*' } },
      code: `import { Pool } from 'pg';
export async function GET() {
  const pool = new Pool();
  return Response.json(await pool.query('select 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function GET() {
  return Response.json(await pool.query('select 1'));
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'x || new Pool() that is not stored',
      filename: 'app/api/lazy-local/route.ts',
      code: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
export async function GET() {
  const local = globalThis.pool || new Pool();
  const prisma = globalThis.prisma ?? new PrismaClient();
  return Response.json([local, prisma]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 36,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'its result is used but not stored for the next request' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 5,
          column: 39,
          data: { factory: '`new PrismaClient()`', where: 'the route handler `GET`', reason: 'its result is used but not stored for the next request' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'import { default as postgres } and destructured pg.Pool',
      filename: 'app/api/default-import/route.ts',
      code: `import { default as postgres } from 'postgres';
import pg from 'pg';
const { Pool } = pg;
export async function GET() {
  const sql = postgres();
  const pool = new Pool();
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 15,
          data: { factory: '`postgres()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `import { default as postgres } from 'postgres';
import pg from 'pg';

const sql = postgres({ max: 5 });

const { Pool } = pg;
export async function GET() {
  const pool = new Pool();
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { default as postgres } from 'postgres';
import pg from 'pg';
const { Pool } = pg;

const pool = new Pool({ max: 5 });

export async function GET() {
  const sql = postgres();
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'helper whose callers end the pool: no suggestion',
      filename: 'app/api/returned/route.ts',
      code: `import { Pool } from 'pg';
const getPool = () => new Pool();
export async function GET() {
  const pool = getPool();
  try {
    return Response.json(await pool.query('select 1'));
  } finally {
    await pool.end();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 2,
          column: 23,
          data: { factory: '`new Pool()`', where: '`getPool`, called from the route handler `GET`', reason: 'callers of `getPool()` call `pool.end()`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'directives, JSDoc, trailing comment and satisfies',
      filename: 'app/api/types/route.ts',
      code: `'use strict';
/**
 * Users API.
 */
import { Pool, type PoolConfig } from 'pg'; // the driver

export async function GET() {
  const config: PoolConfig = {};
  const pool = new Pool({ ...({} as PoolConfig) } satisfies PoolConfig);
  return Response.json([config, await pool.query('select 1')]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 9,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `'use strict';
/**
 * Users API.
 */
import { Pool, type PoolConfig } from 'pg'; // the driver

const pool = new Pool({ max: 5, ...({} as PoolConfig) } satisfies PoolConfig);

export async function GET() {
  const config: PoolConfig = {};
  return Response.json([config, await pool.query('select 1')]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Kysely given the pool and destroyed: no suggestion',
      filename: 'app/api/kysely/route.ts',
      code: `import { Pool } from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
export async function GET() {
  const pool = new Pool();
  const db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const rows = await db.selectFrom('users').execute();
  await db.destroy();
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: '`pool` is handed to other code and the handler calls `db.destroy()`, which may end it' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'end() in if/else bodies and a nested callback; new Pool without parentheses',
      filename: 'app/api/branches/route.ts',
      code: `import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
export async function POST(req: Request) {
  const pool = new Pool;
  const db = drizzle(pool);
  req.signal.addEventListener('abort', () => { pool.end(); });
  if (req.headers.has('x-close')) await pool.end();
  else void pool.end();
  return Response.json(db);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `POST`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';

const pool = new Pool({ max: 5 });

export async function POST(req: Request) {
  const db = drizzle(pool);
  req.signal.addEventListener('abort', () => {});
  if (req.headers.has('x-close')) {}
  else {}
  return Response.json(db);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'this read by an arrow in the config: no suggestion',
      filename: 'app/api/arrow-this/route.js',
      code: `import { Pool } from 'pg';
export const GET = async function () {
  const pool = new Pool({ password: () => this.secret, user: async () => await readUser() });
  return Response.json(await pool.query('select 1'));
};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads `this`' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'template Server Component in a route group',
      filename: 'app/(shop)/template.tsx',
      code: `import { Pool } from 'pg';
export default async function Template({ children }: { children: React.ReactNode }) {
  const { rows } = await new Pool().query('select 1');
  return <section data-count={rows.length}>{children}</section>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 26,
          data: { factory: '`new Pool()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export default async function Template({ children }: { children: React.ReactNode }) {
  const { rows } = await pool.query('select 1');
  return <section data-count={rows.length}>{children}</section>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'default.jsx of a parallel route in src/app',
      filename: 'src/app/@modal/default.jsx',
      code: `import postgres from 'postgres';
export default async function Default() {
  const sql = postgres();
  const [row] = await sql\`select 1 as n\`;
  return <p>{row.n}</p>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 15,
          data: { factory: '`postgres()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `import postgres from 'postgres';

const sql = postgres({ max: 5 });

export default async function Default() {
  const [row] = await sql\`select 1 as n\`;
  return <p>{row.n}</p>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'not-found Server Component',
      filename: 'app/not-found.tsx',
      code: `import { createPool } from '@vercel/postgres';
export default async function NotFound() {
  const pool = createPool({ connectionString: process.env.POSTGRES_URL });
  const { rowCount } = await pool.query('select 1');
  return <p>{rowCount}</p>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`createPool()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { createPool } from '@vercel/postgres';

const pool = createPool({ connectionString: process.env.POSTGRES_URL, max: 5 });

export default async function NotFound() {
  const { rowCount } = await pool.query('select 1');
  return <p>{rowCount}</p>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'error file without \'use client\'',
      filename: 'app/dashboard/error.tsx',
      code: `import { Pool } from '@neondatabase/serverless';
export default async function ErrorPage() {
  const pool = new Pool();
  await pool.query('insert into errors default values');
  return <p>Something went wrong</p>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 3,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the Server Component' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from '@neondatabase/serverless';

const pool = new Pool({ max: 5 });

export default async function ErrorPage() {
  await pool.query('insert into errors default values');
  return <p>Something went wrong</p>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'helpers whose callers query, end, or hand the pool to code they destroy; a listener added in place',
      filename: 'app/api/helper/route.ts',
      code: `import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
function getDb() {
  return new Pool();
}
const getOther = () => new Pool();
function getThird() {
  return new Pool();
}
export async function GET() {
  const { rows } = await getDb().query('select 1');
  const db = drizzle(getOther());
  await db.$client.end();
  await getThird().end();
  await new Pool().on('error', console.error).query('x');
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 10,
          data: { factory: '`new Pool()`', where: '`getDb`, called from the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';

const pool = new Pool({ max: 5 });

function getDb() {
  return pool;
}
const getOther = () => new Pool();
function getThird() {
  return new Pool();
}
export async function GET() {
  const { rows } = await getDb().query('select 1');
  const db = drizzle(getOther());
  await db.$client.end();
  await getThird().end();
  await new Pool().on('error', console.error).query('x');
  return Response.json(rows);
}
`,
            },
          ],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 6,
          column: 24,
          data: { factory: '`new Pool()`', where: '`getOther`, called from the route handler `GET`', reason: 'a caller hands what `getOther()` returns to other code and calls `db.$client.end()`' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 8,
          column: 10,
          data: { factory: '`new Pool()`', where: '`getThird`, called from the route handler `GET`', reason: 'a caller calls `getThird().end()`' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandlerNoFix',
          line: 15,
          column: 9,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'its result is used in a way the fix cannot follow' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'stored in a map on every request; PrismaClient kept on globalThis only in development',
      filename: 'app/api/tenants2/route.ts',
      code: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
const pools = new Map<string, Pool>();
export async function GET(req: Request) {
  const pool = new Pool({ application_name: req.url });
  pools.set(req.url, pool);
  const prisma = new PrismaClient();
  if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;
  return Response.json([await pool.query('select 1'), prisma]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 5,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it reads `req`, which only exists inside the function' },
          suggestions: [],
        },
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 18,
          data: { factory: '`new PrismaClient()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: '' },
              output: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient();
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

const pools = new Map<string, Pool>();
export async function GET(req: Request) {
  const pool = new Pool({ application_name: req.url });
  pools.set(req.url, pool);
  if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;
  return Response.json([await pool.query('select 1'), prisma]);
}
`,
            },
          ],
        },
      ],
    },
  ],
});

/** Lints with the rule alone and returns every suggestion's output. */
function getSuggestionOutputs(code: string, filename: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
  const messages = linter.verify(
    code,
    {
      files: ['**/*.{js,jsx,ts,tsx}'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { 'next-db': { rules: { 'no-pool-in-handler': rule as unknown as Rule.RuleModule } } },
      rules: { 'next-db/no-pool-in-handler': 'error' },
    },
    filename,
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.flatMap((message) =>
    (message.suggestions ?? []).map(({ fix }) => applyFix(code, fix)),
  );
}

describe('suggestion outputs type-check', () => {
  // Just enough of each library for strict TypeScript to check the code that uses it.
  const stubs = `
    declare module 'pg' {
      export interface PoolConfig { connectionString?: string; max?: number }
      export class Pool {
        constructor(config?: PoolConfig);
        query(text: string, values?: unknown[]): Promise<{ rows: { time: string }[] }>;
        end(): Promise<void>;
      }
    }
    declare module 'postgres' {
      interface Sql { (strings: TemplateStringsArray): Promise<unknown[]>; end(): Promise<void> }
      export default function postgres(url?: string, options?: { max?: number; ssl?: string }): Sql;
    }
    declare module '@prisma/client' {
      export class PrismaClient {
        user: { findMany(): Promise<{ id: number; name: string }[]> };
        $disconnect(): Promise<void>;
      }
    }
    declare module 'next' {
      export interface NextApiRequest { url?: string }
      export interface NextApiResponse { status(code: number): NextApiResponse; json(body: unknown): void }
    }
    declare const process: { env: Record<string, string | undefined> };
    declare const Response: { json(body: unknown): unknown };
    declare namespace JSX { interface IntrinsicElements { [name: string]: unknown } }
  `;

  function getTypeErrors(filename: string, code: string): string[] {
    const files = new Map([
      [`/virtual/${filename}`, code],
      ['/virtual/stubs.d.ts', stubs],
    ]);
    const options: ts.CompilerOptions = {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      jsx: ts.JsxEmit.Preserve,
      lib: ['lib.es2022.d.ts'],
      types: [],
    };
    const host = ts.createCompilerHost(options);
    const { getSourceFile, fileExists, readFile } = host;
    host.getSourceFile = (name, version, ...rest) =>
      files.has(name) ? ts.createSourceFile(name, files.get(name) ?? '', version) : getSourceFile(name, version, ...rest);
    host.fileExists = (name) => files.has(name) || fileExists(name);
    host.readFile = (name) => files.get(name) ?? readFile(name);
    const program = ts.createProgram([...files.keys()], options, host);
    return ts
      .getPreEmitDiagnostics(program)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  }

  it.each([
    [
      'pages/api/users.ts',
      `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const result = await pool.query('SELECT now() AS time');
    res.status(200).json({ time: result.rows[0]?.time, url: req.url });
  } finally {
    await pool.end();
  }
}
`,
    ],
    [
      'app/users/page.tsx',
      `import { PrismaClient } from '@prisma/client';

export default async function Page() {
  const prisma = new PrismaClient();
  const users = await prisma.user.findMany();
  await prisma.$disconnect();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
`,
    ],
    [
      'app/api/users/route.ts',
      `import postgres from 'postgres';
import { Pool, type PoolConfig } from 'pg';

const config: PoolConfig = { connectionString: process.env.DATABASE_URL };

export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!);
  const first = 1, pool: Pool = new Pool(config), last = 2;
  const other = new Pool({ ...config } satisfies PoolConfig);
  const rows = await sql\`select 1\`;
  await sql.end();
  return Response.json([rows, first, last, await pool.query('select 1'), await other.query('select 2')]);
}
`,
    ],
  ])('%s', (filename, code) => {
    expect(getTypeErrors(filename, code), 'the code before the suggestion').toEqual([]);
    const outputs = getSuggestionOutputs(code, filename);
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) expect(getTypeErrors(filename, output), output).toEqual([]);
  });
});

describe('the doc page', () => {
  const doc = fs.readFileSync(path.join(__dirname, '../../docs/rules/no-pool-in-handler.md'), 'utf8');

  /** Code blocks of the page, each with the label (❌, ✅, Before:, After:) it stands under. */
  function getExamples(): { label: string; filename: string; code: string }[] {
    const examples: { label: string; filename: string; code: string }[] = [];
    let label = '';
    for (const match of doc.matchAll(/^(❌|✅|Before:|After:|## |### ).*$|^```ts\n([\s\S]*?)^```$/gm)) {
      if (match[1] !== undefined) label = match[1];
      else if (match[2] !== undefined) {
        const filename = /^\/\/ (\S+\.tsx?)$/m.exec(match[2])?.[1] ?? 'pages/api/users.ts';
        examples.push({ label, filename, code: match[2] });
      }
    }
    return examples;
  }

  it('shows the suggestion exactly as the rule makes it', () => {
    const examples = getExamples();
    const before = examples.find((example) => example.label === 'Before:');
    const after = examples.find((example) => example.label === 'After:');
    expect(before && after).toBeTruthy();
    expect(getSuggestionOutputs(before?.code ?? '', 'pages/api/users.ts')).toEqual([after?.code]);
  });
});
