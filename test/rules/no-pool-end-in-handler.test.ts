import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/no-pool-end-in-handler';

const ruleTester = new RuleTester();
const PG_ERROR = '"Cannot use a pool after calling end on the pool" (or "Called end on pool more than once" when the `end()` runs again)';

ruleTester.run('no-pool-end-in-handler', rule, {
  valid: [
    {
      name: 'a script ends the pool it shares with nothing',
      filename: 'scripts/seed.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool();
async function main() {
  await pool.query('insert into users (name) values ($1)', ['ada']);
  await pool.end();
}
void main();
`,
    },
    {
      name: 'a test file and a library function',
      filename: 'app/api/users/route.test.ts',
      code: `import { Pool } from 'pg';
const pool = new Pool();
export async function GET() {
  await pool.end();
  return new Response();
}
`,
    },
    {
      name: 'a shutdown helper in a library module',
      filename: 'lib/db.ts',
      code: `import { Pool } from 'pg';
export const pool = new Pool();
export async function closePool() {
  await pool.end();
}
`,
    },
    {
      name: "a pool created in the same handler (no-pool-in-handler's business), and pg's Client",
      filename: 'app/api/users/route.ts',
      code: `import { Pool, Client } from 'pg';
export async function GET() {
  const pool = new Pool();
  const client = new Client();
  await client.connect();
  try {
    return Response.json((await pool.query('select 1')).rows);
  } finally {
    await pool.end();
    await client.end();
  }
}
`,
    },
    {
      name: "'use client' file",
      filename: 'app/components/widget.tsx',
      code: `'use client';
import { pool } from '@/lib/db';
export default function Widget() {
  void pool.end();
  return null;
}
`,
    },
    {
      name: 'Neon on the edge: a shared pool, and pools created per request and ended on every path',
      filename: 'app/api/neon/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
const shared = new Pool();
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    return Response.json((await pool.query('select 1')).rows);
  } finally {
    await pool.end();
    await shared.end();
  }
}
export async function POST(request: Request, ctx: { waitUntil(promise: Promise<unknown>): void }) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    return Response.json((await pool.query('select 1')).rows);
  } finally {
    ctx.waitUntil(pool.end());
  }
}
export async function PUT() {
  const pool = new Pool();
  return pool;
}
`,
    },
    {
      name: 'Neon per request off the edge is left to no-pool-in-handler',
      filename: 'app/api/neon-node/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';
export async function GET() {
  const pool = new Pool();
  return Response.json((await pool.query('select 1')).rows);
}
`,
    },
    {
      name: 'imported things that are not pools, and a package import',
      filename: 'pages/api/stream.ts',
      code: `import { stream, createWriter } from '@/lib/stream';
import { pool } from 'some-db-package';
export default async function handler(req, res) {
  stream.end();
  res.end();
  await pool.end();
  const writer = createWriter();
  writer.end();
}
`,
    },
  ],
  invalid: [
    {
      name: 'the common half-fix: end() in finally of an App Router route handler',
      filename: 'app/api/users/route.ts',
      code: `import { NextResponse } from 'next/server';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function GET() {
  try {
    const { rows } = await pool.query('SELECT id, name FROM users');
    return NextResponse.json(rows);
  } finally {
    await pool.end();
  }
}
`,
      errors: [
        {
          messageId: 'poolEnded',
          line: 11,
          column: 11,
          data: { call: 'pool.end()', where: 'the route handler `GET`', name: 'pool', origin: ' at module scope', error: PG_ERROR },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'pool.end()' },
              output: `import { NextResponse } from 'next/server';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function GET() {
  const { rows } = await pool.query('SELECT id, name FROM users');
  return NextResponse.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'mysql2 in a Pages API route (require, JS), ended after the response',
      filename: 'pages/api/orders.js',
      code: `const mysql = require('mysql2/promise');
const db = mysql.createPool(process.env.DATABASE_URL);
module.exports = async function handler(req, res) {
  const [rows] = await db.query('select * from orders');
  res.json(rows);
  await db.end();
};
`,
      errors: [
        {
          messageId: 'poolEnded',
          line: 6,
          data: { call: 'db.end()', where: 'the API route handler', name: 'db', origin: ' at module scope', error: '"Pool is closed."' },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'db.end()' },
              output: `const mysql = require('mysql2/promise');
const db = mysql.createPool(process.env.DATABASE_URL);
module.exports = async function handler(req, res) {
  const [rows] = await db.query('select * from orders');
  res.json(rows);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: "postgres.js sql.end({ timeout }) in a 'use server' file, and pg-promise's pgp.end()",
      filename: 'app/actions.ts',
      code: `'use server';
import postgres from 'postgres';
const pgPromise = require('pg-promise');
const sql = postgres(process.env.DATABASE_URL!);
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function addUser(name: string) {
  await sql\`insert into users \${sql({ name })}\`;
  await sql.end({ timeout: 5 });
}
export async function removeUser(id: string) {
  await db.none('delete from users where id = $1', [id]);
  pgp.end();
}
`,
      errors: [
        {
          messageId: 'poolEnded',
          line: 9,
          data: { call: 'sql.end()', where: 'the Server Action `addUser`', name: 'sql', origin: ' at module scope', error: '"write CONNECTION_ENDED"' },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'sql.end()' },
              output: `'use server';
import postgres from 'postgres';
const pgPromise = require('pg-promise');
const sql = postgres(process.env.DATABASE_URL!);
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function addUser(name: string) {
  await sql\`insert into users \${sql({ name })}\`;
}
export async function removeUser(id: string) {
  await db.none('delete from users where id = $1', [id]);
  pgp.end();
}
`,
            },
          ],
        },
        {
          messageId: 'poolEnded',
          line: 13,
          data: {
            call: 'pgp.end()',
            where: 'the Server Action `removeUser`',
            name: 'pgp',
            origin: ' at module scope',
            error: '"Connection pool of the database object has been destroyed."',
          },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'pgp.end()' },
              output: `'use server';
import postgres from 'postgres';
const pgPromise = require('pg-promise');
const sql = postgres(process.env.DATABASE_URL!);
const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
export async function addUser(name: string) {
  await sql\`insert into users \${sql({ name })}\`;
  await sql.end({ timeout: 5 });
}
export async function removeUser(id: string) {
  await db.none('delete from users where id = $1', [id]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Prisma's globalThis singleton disconnected in a Server Component (TSX), directly and through a same-file helper",
      filename: 'app/users/page.tsx',
      code: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
async function done() {
  await prisma.$disconnect();
}
export default async function Page() {
  const users = await prisma.user.findMany();
  await done();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
export async function generateMetadata() {
  const count = await prisma.user.count();
  prisma.$disconnect().catch(console.error);
  return { title: \`\${count} users\` };
}
`,
      errors: [
        {
          messageId: 'clientDisconnected',
          line: 5,
          data: { call: 'prisma.$disconnect()', where: '`done`, called from the Server Component', name: 'prisma', origin: ' at module scope' },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'prisma.$disconnect()' },
              output: `import { PrismaClient } from '@prisma/client';
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient();
async function done() {
}
export default async function Page() {
  const users = await prisma.user.findMany();
  await done();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
export async function generateMetadata() {
  const count = await prisma.user.count();
  prisma.$disconnect().catch(console.error);
  return { title: \`\${count} users\` };
}
`,
            },
          ],
        },
        {
          messageId: 'clientDisconnected',
          line: 14,
          data: { call: 'prisma.$disconnect()', where: '`generateMetadata`', name: 'prisma', origin: ' at module scope' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'pools imported from project modules, and a lazy singleton',
      filename: 'app/api/report/route.ts',
      code: `import { Pool } from 'pg';
import { pool } from '@/lib/db';
import prisma from '../../../lib/prisma';
let cached: Pool | undefined;
function getPool() {
  cached ??= new Pool();
  return cached;
}
export async function GET() {
  const rows = await getPool().query('select 1');
  await cached!.end();
  await pool.end();
  await prisma.$disconnect();
  return Response.json(rows);
}
`,
      errors: [
        {
          messageId: 'poolEnded',
          line: 11,
          data: { call: 'cached!.end()', where: 'the route handler `GET`', name: 'cached', origin: ', as a lazy singleton', error: PG_ERROR },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'cached!.end()' },
              output: `import { Pool } from 'pg';
import { pool } from '@/lib/db';
import prisma from '../../../lib/prisma';
let cached: Pool | undefined;
function getPool() {
  cached ??= new Pool();
  return cached;
}
export async function GET() {
  const rows = await getPool().query('select 1');
  await pool.end();
  await prisma.$disconnect();
  return Response.json(rows);
}
`,
            },
          ],
        },
        {
          messageId: 'poolEnded',
          line: 12,
          data: { call: 'pool.end()', where: 'the route handler `GET`', name: 'pool', origin: ' in `@/lib/db`', error: PG_ERROR },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'pool.end()' },
              output: `import { Pool } from 'pg';
import { pool } from '@/lib/db';
import prisma from '../../../lib/prisma';
let cached: Pool | undefined;
function getPool() {
  cached ??= new Pool();
  return cached;
}
export async function GET() {
  const rows = await getPool().query('select 1');
  await cached!.end();
  await prisma.$disconnect();
  return Response.json(rows);
}
`,
            },
          ],
        },
        {
          messageId: 'clientDisconnected',
          line: 13,
          data: { call: 'prisma.$disconnect()', where: 'the route handler `GET`', name: 'prisma', origin: ' in `../../../lib/prisma`' },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'prisma.$disconnect()' },
              output: `import { Pool } from 'pg';
import { pool } from '@/lib/db';
import prisma from '../../../lib/prisma';
let cached: Pool | undefined;
function getPool() {
  cached ??= new Pool();
  return cached;
}
export async function GET() {
  const rows = await getPool().query('select 1');
  await cached!.end();
  await pool.end();
  return Response.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a pool from an imported getter, called in place or kept in a local',
      filename: 'app/api/stats/route.ts',
      code: `import { getPool } from '@/lib/db';
export async function GET() {
  const pool = getPool();
  const { rows } = await pool.query('select 1');
  void pool.end();
  return Response.json(rows);
}
export async function DELETE() {
  await getPool().end();
  return new Response(null, { status: 204 });
}
`,
      errors: [
        {
          messageId: 'poolEnded',
          line: 5,
          column: 8,
          data: { call: 'pool.end()', where: 'the route handler `GET`', name: 'pool', origin: ' by `getPool()` in `@/lib/db`', error: PG_ERROR },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'pool.end()' },
              output: `import { getPool } from '@/lib/db';
export async function GET() {
  const pool = getPool();
  const { rows } = await pool.query('select 1');
  return Response.json(rows);
}
export async function DELETE() {
  await getPool().end();
  return new Response(null, { status: 204 });
}
`,
            },
          ],
        },
        {
          messageId: 'poolEnded',
          line: 9,
          data: { call: 'getPool().end()', where: 'the route handler `DELETE`', name: 'getPool()', origin: ' in `@/lib/db`', error: PG_ERROR },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'getPool().end()' },
              output: `import { getPool } from '@/lib/db';
export async function GET() {
  const pool = getPool();
  const { rows } = await pool.query('select 1');
  void pool.end();
  return Response.json(rows);
}
export async function DELETE() {
  return new Response(null, { status: 204 });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'end() given a callback, or used as a value: reported without a suggestion',
      filename: 'pages/api/close.ts',
      code: `const { pool } = require('../../lib/db');
export default async function handler(req, res) {
  pool.end(() => console.log('closed'));
  return pool.end();
}
`,
      errors: [
        { messageId: 'poolEnded', line: 3, data: { call: 'pool.end()', where: 'the API route handler', name: 'pool', origin: ' in `../../lib/db`', error: PG_ERROR }, suggestions: [] },
        { messageId: 'poolEnded', line: 4, suggestions: [] },
      ],
    },
    {
      name: 'closingFunctions: an imported helper that ends the shared client',
      filename: 'app/api/users/route.ts',
      options: [{ closingFunctions: ['disconnectDb'] }],
      code: `import { getUsers, disconnectDb } from '@/lib/db';
export async function GET() {
  const users = await getUsers();
  await disconnectDb();
  return Response.json(users);
}
`,
      errors: [
        {
          messageId: 'closingFunction',
          line: 4,
          column: 9,
          data: { call: 'disconnectDb()', where: 'the route handler `GET`', name: 'disconnectDb', module: '@/lib/db' },
          suggestions: [
            {
              messageId: 'removeEnd',
              data: { call: 'disconnectDb()' },
              output: `import { getUsers, disconnectDb } from '@/lib/db';
export async function GET() {
  const users = await getUsers();
  return Response.json(users);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Neon on the edge: a pool per request that a failed query or an early return leaves open',
      filename: 'app/api/posts/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT * FROM posts');
  await pool.end();
  return Response.json(rows);
}
export async function POST(request: Request) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  if (!request.body) return new Response(null, { status: 400 });
  try {
    await pool.query('insert into posts default values');
  } finally {
    await pool.end();
  }
  return new Response(null, { status: 201 });
}
`,
      errors: [
        {
          messageId: 'neonPoolNotEnded',
          line: 4,
          column: 16,
          data: { name: 'pool', path: 'If `pool.query()` on line 5 throws, it stays open' },
          suggestions: [
            {
              messageId: 'endInFinally',
              data: { name: 'pool' },
              output: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('SELECT * FROM posts');
    return Response.json(rows);
  } finally {
    await pool.end();
  }
}
export async function POST(request: Request) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  if (!request.body) return new Response(null, { status: 400 });
  try {
    await pool.query('insert into posts default values');
  } finally {
    await pool.end();
  }
  return new Response(null, { status: 201 });
}
`,
            },
          ],
        },
        {
          messageId: 'neonPoolNotEnded',
          line: 10,
          data: { name: 'pool', path: 'The `return` on line 11 leaves it open' },
          suggestions: [
            {
              messageId: 'endInFinally',
              data: { name: 'pool' },
              output: `import { Pool } from '@neondatabase/serverless';
export const runtime = 'edge';
export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT * FROM posts');
  await pool.end();
  return Response.json(rows);
}
export async function POST(request: Request) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    if (!request.body) return new Response(null, { status: 400 });
    await pool.query('insert into posts default values');
    return new Response(null, { status: 201 });
  } finally {
    await pool.end();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Neon on the edge (Pages API config): a pool per request never ended',
      filename: 'pages/api/count.js',
      code: `import { Pool } from '@neondatabase/serverless';
export const config = { runtime: 'edge' };
export default async function handler() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('select count(*) from posts');
  return Response.json(rows[0]);
}
`,
      errors: [
        {
          messageId: 'neonPoolNotEnded',
          line: 4,
          data: { name: 'pool', path: 'It is never ended' },
          suggestions: [
            {
              messageId: 'endInFinally',
              data: { name: 'pool' },
              output: `import { Pool } from '@neondatabase/serverless';
export const config = { runtime: 'edge' };
export default async function handler() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  try {
    const { rows } = await pool.query('select count(*) from posts');
    return Response.json(rows[0]);
  } finally {
    await pool.end();
  }
}
`,
            },
          ],
        },
      ],
    },
  ],
});
