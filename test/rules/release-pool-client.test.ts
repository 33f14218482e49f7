import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/release-pool-client';

const ruleTester = new RuleTester();

ruleTester.run('release-pool-client', rule, {
  valid: [
    {
      name: 'release in finally (pg, import)',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool({ max: 5 });
export async function GET() {
  const client = await pool.connect();
  try {
    const { rows } = await client.query('select * from users');
    return Response.json(rows);
  } finally {
    client.release();
  }
}
`,
    },
    {
      name: 'release in finally (require, JS, Pages API route)',
      filename: 'pages/api/users.js',
      code: `const { Pool } = require('pg');
const pool = new Pool();
module.exports = async function handler(req, res) {
  const client = await pool.connect();
  try {
    if (!req.query.id) return res.status(400).end();
    res.json((await client.query('select 1')).rows);
  } finally {
    client.release();
  }
};
`,
    },
    {
      name: 'the callback form',
      filename: 'lib/db.js',
      code: `const pg = require('pg');
const pool = new pg.Pool();
pool.connect((err, client, done) => {
  if (err) throw err;
  client.query('select 1', () => done());
});
`,
    },
    {
      name: 'a client returned to the caller, or released in a promise callback',
      filename: 'lib/db.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function getClient() {
  const client = await pool.connect();
  await client.query("set search_path to app");
  return client;
}
export async function count() {
  const client = await pool.connect();
  return client.query('select count(*) from t').finally(() => client.release());
}
`,
    },
    {
      name: 'released in catch (rethrowing) and after the try',
      filename: 'app/actions.ts',
      code: `'use server';
import { Pool } from 'pg';
const pool = new Pool();
export async function save(name: string) {
  const client = await pool.connect();
  try {
    await client.query('insert into t values ($1)', [name]);
  } catch (error) {
    client.release();
    throw error;
  }
  client.release();
}
`,
    },
    {
      name: 'a same-file helper that releases in finally',
      filename: 'app/api/tx/route.ts',
      code: `import { Pool, type PoolClient } from 'pg';
const pool = new Pool();
async function inTransaction(client: PoolClient) {
  try {
    await client.query('begin');
    await client.query('commit');
  } finally {
    client.release();
  }
}
export async function POST() {
  const client = await pool.connect();
  await inTransaction(client);
  return new Response(null, { status: 204 });
}
`,
    },
    {
      name: 'let client assigned in try, optional release in finally; destructured release',
      filename: 'app/page.tsx',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export default async function Page() {
  let client;
  try {
    client = await pool.connect();
    const { rows } = await client.query('select name from users');
    return <ul>{rows.map((row) => <li key={row.name}>{row.name}</li>)}</ul>;
  } finally {
    client?.release();
  }
}
export async function generateMetadata() {
  const { release, query } = await pool.connect();
  try {
    return { title: (await query('select 1')).rows[0] };
  } finally {
    release();
  }
}
`,
    },
    {
      name: 'mysql2 getConnection, Neon Pool and @vercel/postgres db, released in finally',
      filename: 'app/api/all/route.ts',
      code: `import mysql from 'mysql2/promise';
import { Pool } from '@neondatabase/serverless';
import { db } from '@vercel/postgres';
const mysqlPool = mysql.createPool(process.env.MYSQL_URL!);
const neon = new Pool();
export async function GET() {
  const conn = await mysqlPool.getConnection();
  try { await conn.query('select 1'); } finally { conn.release(); }
  const neonClient = await neon.connect();
  try { await neonClient.query('select 1'); } finally { neonClient.release(); }
  const vercelClient = await db.connect();
  try { await vercelClient.sql\`select 1\`; } finally { vercelClient.release(); }
  return new Response('ok');
}
`,
    },
    {
      name: 'not pools: pg Client, MongoClient, redis, a promise chain',
      filename: 'app/api/other/route.ts',
      code: `import { Client } from 'pg';
import { MongoClient } from 'mongodb';
import { createClient } from 'redis';
import { pool } from '@/lib/db';
export async function GET() {
  const client = new Client();
  await client.connect();
  const mongo = await MongoClient.connect(process.env.MONGO_URL!);
  const redis = await createClient().connect();
  pool.connect().then((c) => c.release());
  await client.end();
  return Response.json([mongo, redis]);
}
`,
    },
    {
      name: 'without poolNames, db.connect() from a project module is not known to be a pool',
      filename: 'app/api/db/route.ts',
      code: `import { db } from '@/lib/db';
export async function GET() {
  const client = await db.connect();
  await client.query('select 1');
}
`,
    },
    {
      name: 'nothing that may throw between checkout and release',
      filename: 'scripts/check.ts',
      code: `import { pool } from '../lib/db';
export async function ping() {
  const client = await pool.connect();
  client.release();
}
`,
    },
  ],
  invalid: [
    {
      name: 'poolNames: a pool not named like one',
      filename: 'app/api/db/route.ts',
      options: [{ poolNames: ['db'] }],
      code: `import { db } from '@/lib/db';
export async function GET() {
  const client = await db.connect();
  await client.query('select 1');
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 3,
          column: 24,
          data: { client: '`client`', checkout: 'db.connect()', path: 'It is never released' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'db.connect()', release: 'client.release()' },
              output: `import { db } from '@/lib/db';
export async function GET() {
  const client = await db.connect();
  try {
    await client.query('select 1');
  } finally {
    client.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'release after the query: a failed query leaks the client',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool({ max: 5 });
export async function GET() {
  const client = await pool.connect();
  const result = await client.query('select * from users');
  client.release();
  return Response.json(result.rows);
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 4,
          column: 24,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'If `client.query()` on line 5 throws, it stays checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `import { Pool } from 'pg';
const pool = new Pool({ max: 5 });
export async function GET() {
  const client = await pool.connect();
  try {
    const result = await client.query('select * from users');
    return Response.json(result.rows);
  } finally {
    client.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an early return, in JS with require and no semicolons',
      filename: 'pages/api/user.js',
      code: `const pg = require('pg')
const pool = new pg.Pool()
export default async function handler(req, res) {
  const client = await pool.connect()
  if (!req.query.id) {
    return res.status(400).json({ error: 'id' })
  }
  try {
    res.json((await client.query('select 1')).rows)
  } finally {
    client.release()
  }
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 4,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'The `return` on line 6 leaves it checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `const pg = require('pg')
const pool = new pg.Pool()
export default async function handler(req, res) {
  const client = await pool.connect()
  try {
    if (!req.query.id) {
      return res.status(400).json({ error: 'id' })
    }
    res.json((await client.query('select 1')).rows)
  } finally {
    client.release()
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a throw before release; release only in try',
      filename: 'app/actions.ts',
      code: `'use server';
import { Pool } from 'pg';
const pool = new Pool();
export async function rename(id: string, name: string) {
  const client = await pool.connect();
  if (!name) throw new Error('name is required');
  try {
    await client.query('update users set name = $1 where id = $2', [name, id]);
    client.release();
  } catch (error) {
    console.error(error);
  }
}
export async function remove(id: string) {
  const client = await pool.connect();
  try {
    await client.query('delete from users where id = $1', [id]);
    client.release();
  } catch (error) {
    return { error: String(error) };
  }
  return { ok: true };
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 5,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'The `throw` on line 6 leaves it checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `'use server';
import { Pool } from 'pg';
const pool = new Pool();
export async function rename(id: string, name: string) {
  const client = await pool.connect();
  try {
    if (!name) throw new Error('name is required');
    try {
      await client.query('update users set name = $1 where id = $2', [name, id]);
    } catch (error) {
      console.error(error);
    }
  } finally {
    client.release();
  }
}
export async function remove(id: string) {
  const client = await pool.connect();
  try {
    await client.query('delete from users where id = $1', [id]);
    client.release();
  } catch (error) {
    return { error: String(error) };
  }
  return { ok: true };
}
`,
            },
          ],
        },
        {
          messageId: 'notReleased',
          line: 15,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'The `return` on line 20 leaves it checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `'use server';
import { Pool } from 'pg';
const pool = new Pool();
export async function rename(id: string, name: string) {
  const client = await pool.connect();
  if (!name) throw new Error('name is required');
  try {
    await client.query('update users set name = $1 where id = $2', [name, id]);
    client.release();
  } catch (error) {
    console.error(error);
  }
}
export async function remove(id: string) {
  const client = await pool.connect();
  try {
    try {
      await client.query('delete from users where id = $1', [id]);
    } catch (error) {
      return { error: String(error) };
    }
    return { ok: true };
  } finally {
    client.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'never released; destructured without release; a dropped client',
      filename: 'lib/jobs.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function a() {
  const client = await pool.connect();
  await client.query('select 1');
}
export async function b() {
  const { query } = await pool.connect();
  await query('select 1');
}
export async function c() {
  await pool.connect();
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 4,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'It is never released' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `import { Pool } from 'pg';
const pool = new Pool();
export async function a() {
  const client = await pool.connect();
  try {
    await client.query('select 1');
  } finally {
    client.release();
  }
}
export async function b() {
  const { query } = await pool.connect();
  await query('select 1');
}
export async function c() {
  await pool.connect();
}
`,
            },
          ],
        },
        {
          messageId: 'notReleased',
          line: 8,
          data: { client: 'The client', checkout: 'pool.connect()', path: 'Its `release` is not kept, so it is never released' },
          suggestions: [],
        },
        { messageId: 'clientDropped', line: 12, column: 9, data: { checkout: 'pool.connect()' }, suggestions: [] },
      ],
    },
    {
      name: 'the client passed to an imported helper, and to a same-file helper that does not release on every path',
      filename: 'app/api/report/route.ts',
      code: `import { Pool, type PoolClient } from 'pg';
import { buildReport } from '@/lib/report';
const pool = new Pool();
async function load(client: PoolClient) {
  const rows = await client.query('select 1');
  client.release();
  return rows;
}
export async function GET() {
  const client = await pool.connect();
  const report = await buildReport(client);
  client.release();
  return Response.json(report);
}
export async function POST() {
  const client = await pool.connect();
  return Response.json(await load(client));
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 10,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'If `buildReport()` on line 11 throws, it stays checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `import { Pool, type PoolClient } from 'pg';
import { buildReport } from '@/lib/report';
const pool = new Pool();
async function load(client: PoolClient) {
  const rows = await client.query('select 1');
  client.release();
  return rows;
}
export async function GET() {
  const client = await pool.connect();
  try {
    const report = await buildReport(client);
    return Response.json(report);
  } finally {
    client.release();
  }
}
export async function POST() {
  const client = await pool.connect();
  return Response.json(await load(client));
}
`,
            },
          ],
        },
        {
          messageId: 'notReleased',
          line: 16,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'It is only passed to `load()`, which does not release it on every path' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `import { Pool, type PoolClient } from 'pg';
import { buildReport } from '@/lib/report';
const pool = new Pool();
async function load(client: PoolClient) {
  const rows = await client.query('select 1');
  client.release();
  return rows;
}
export async function GET() {
  const client = await pool.connect();
  const report = await buildReport(client);
  client.release();
  return Response.json(report);
}
export async function POST() {
  const client = await pool.connect();
  try {
    return Response.json(await load(client));
  } finally {
    client.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2 getConnection in a Pages API route (JS), released after the query',
      filename: 'pages/api/orders.js',
      code: `import mysql from 'mysql2/promise';
const db = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 5 });
export default async function handler(req, res) {
  const conn = await db.getConnection();
  const [rows] = await conn.query('select * from orders'); conn.release();
  res.json(rows);
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 4,
          data: { client: '`conn`', checkout: 'db.getConnection()', path: 'If `conn.query()` on line 5 throws, it stays checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'db.getConnection()', release: 'conn.release()' },
              output: `import mysql from 'mysql2/promise';
const db = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 5 });
export default async function handler(req, res) {
  const conn = await db.getConnection();
  try {
    const [rows] = await conn.query('select * from orders');
    res.json(rows);
  } finally {
    conn.release();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a loop that continues before release, in a TSX Server Component; one-line code',
      filename: 'app/orders/page.tsx',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export default async function Page({ ids }: { ids: string[] }) {
  const names: string[] = [];
  for (const id of ids) {
    const client = await pool.connect();
    if (!id) continue;
    try { names.push((await client.query('select 1')).rows[0].name); } finally { client.release(); }
  }
  return <ul>{names.map((name) => <li key={name}>{name}</li>)}</ul>;
}
export async function generateMetadata() { const c = await pool.connect(); const r = await c.query('select 1'); c.release(); return { title: r.rows[0].title }; }
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 6,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'The loop comes back to line 6 and checks out another while it is still checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: `import { Pool } from 'pg';
const pool = new Pool();
export default async function Page({ ids }: { ids: string[] }) {
  const names: string[] = [];
  for (const id of ids) {
    const client = await pool.connect();
    try {
      if (!id) continue;
      names.push((await client.query('select 1')).rows[0].name);
    } finally {
      client.release();
    }
  }
  return <ul>{names.map((name) => <li key={name}>{name}</li>)}</ul>;
}
export async function generateMetadata() { const c = await pool.connect(); const r = await c.query('select 1'); c.release(); return { title: r.rows[0].title }; }
`,
            },
          ],
        },
        {
          messageId: 'notReleased',
          line: 12,
          data: { client: '`c`', checkout: 'pool.connect()', path: 'If `c.query()` on line 12 throws, it stays checked out' },
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'c.release()' },
              output: `import { Pool } from 'pg';
const pool = new Pool();
export default async function Page({ ids }: { ids: string[] }) {
  const names: string[] = [];
  for (const id of ids) {
    const client = await pool.connect();
    if (!id) continue;
    try { names.push((await client.query('select 1')).rows[0].name); } finally { client.release(); }
  }
  return <ul>{names.map((name) => <li key={name}>{name}</li>)}</ul>;
}
export async function generateMetadata() { const c = await pool.connect(); try { const r = await c.query('select 1'); return { title: r.rows[0].title }; } finally { c.release(); } }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when a function declared after the checkout is used before it; CRLF line endings',
      filename: 'lib/tasks.ts',
      code: "import { pool } from './db';\r\nexport async function run() {\r\n  log();\r\n  const client = await pool.connect();\r\n  await client.query('select 1');\r\n  client.release();\r\n  function log() {}\r\n}\r\nexport async function other() {\r\n  const client = await pool.connect();\r\n  await client.query('select 1');\r\n  client.release();\r\n}\r\n",
      errors: [
        { messageId: 'notReleased', line: 4, suggestions: [] },
        {
          messageId: 'notReleased',
          line: 10,
          suggestions: [
            {
              messageId: 'wrapInTryFinally',
              data: { checkout: 'pool.connect()', release: 'client.release()' },
              output: "import { pool } from './db';\r\nexport async function run() {\r\n  log();\r\n  const client = await pool.connect();\r\n  await client.query('select 1');\r\n  client.release();\r\n  function log() {}\r\n}\r\nexport async function other() {\r\n  const client = await pool.connect();\r\n  try {\r\n    await client.query('select 1');\r\n  } finally {\r\n    client.release();\r\n  }\r\n}\r\n",
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when a release passes an error (pg then destroys the client)',
      filename: 'app/api/x/route.ts',
      code: `import { pool } from '@/lib/db';
export async function GET() {
  const client = await pool.connect();
  if (!process.env.READY) {
    client.release(new Error('not ready'));
    return new Response(null, { status: 503 });
  }
  const result = await client.query('select 1');
  client.release();
  return Response.json(result.rows);
}
`,
      errors: [
        {
          messageId: 'notReleased',
          line: 3,
          data: { client: '`client`', checkout: 'pool.connect()', path: 'If `client.query()` on line 8 throws, it stays checked out' },
          suggestions: [],
        },
      ],
    },
  ],
});
