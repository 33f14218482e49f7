import { RuleTester } from '@typescript-eslint/rule-tester';
import { hostFixture as fixture } from '../support/host-fixtures';
import rule from '../../eslint-plugin/src/rules/attach-database-pool';

const ruleTester = new RuleTester();
const VERCEL = { next: { host: 'vercel' } };
const attachError = (name = 'pool') => ({ messageId: 'attachPool' as const, data: { name } });

ruleTester.run('attach-database-pool', rule, {
  valid: [
    { name: 'fixture: a pool already passed to attachDatabasePool', ...fixture('vercel/lib/attached.ts') },
    { name: 'fixture: a script no module imports', ...fixture('vercel/scripts/seed.ts') },
    { name: 'fixture: a module-scope pool on a Node.js server', ...fixture('node/lib/db.ts') },
    { name: 'fixture: a module-scope pool on Cloudflare', ...fixture('cloudflare/lib/sql.ts') },
    {
      name: 'host set to node: nothing to attach',
      filename: 'app/lib/db.ts',
      settings: { next: { host: 'node' } },
      code: `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
    },
    {
      name: 'attached under another name, through require, and the experimental name',
      filename: 'app/lib/db.js',
      settings: VERCEL,
      code: `const { Pool } = require('pg');
const functions = require('@vercel/functions');
const pool = new Pool();
functions.attachDatabasePool(pool);
const other = new Pool();
functions.experimental_attachDatabasePool(other);
module.exports = { pool, other };
`,
    },
    {
      name: 'mysql2/promise: its core pool attached',
      filename: 'app/lib/db.ts',
      settings: VERCEL,
      code: `import mysql from 'mysql2/promise';
import { attachDatabasePool } from '@vercel/functions';
export const pool = mysql.createPool(process.env.DATABASE_URL!);
attachDatabasePool(pool.pool);
`,
    },
    {
      name: 'postgres.js and mariadb: attachDatabasePool throws on them, so nothing is asked',
      filename: 'app/lib/db.ts',
      settings: VERCEL,
      code: `import postgres from 'postgres';
import * as mariadb from 'mariadb';
export const sql = postgres(process.env.DATABASE_URL!);
export const maria = mariadb.createPool({ host: 'db' });
`,
    },
    {
      name: 'Prisma, lazy singletons and pools inside functions are not module-scope pools',
      filename: 'app/lib/db.ts',
      settings: VERCEL,
      code: `import { Pool } from 'pg';
import { PrismaClient } from '@prisma/client';
export const prisma = new PrismaClient();
let lazy: Pool | undefined;
export function getPool() {
  lazy ??= new Pool();
  return lazy;
}
export const kept = (globalThis as { pool?: Pool }).pool ?? new Pool();
`,
    },
    {
      name: 'edge runtime and client files',
      filename: 'app/api/edge/route.ts',
      settings: VERCEL,
      code: `import { Pool } from '@neondatabase/serverless';\nexport const runtime = 'edge';\nconst pool = new Pool();\nexport async function GET() { return Response.json((await pool.query('select 1')).rows); }\n`,
    },
    {
      name: "'use client' file",
      filename: 'app/components/widget.tsx',
      settings: VERCEL,
      code: `'use client';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nexport default function Widget() { return <p>{String(pool)}</p>; }\n`,
    },
    {
      name: 'a test file under app/',
      filename: 'app/lib/db.test.ts',
      settings: VERCEL,
      code: `import { Pool } from 'pg';\nconst pool = new Pool();\n`,
    },
  ],
  invalid: [
    {
      name: 'fixture: vercel (detected from @vercel/functions), a module imported by a route',
      ...fixture('vercel/lib/db.ts'),
      errors: [
        {
          ...attachError(),
          line: 4,
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(pool)' },
              output: `import { Pool } from 'pg';
import { attachDatabasePool } from '@vercel/functions';

// One pool per instance, but not yet passed to attachDatabasePool.
export const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
attachDatabasePool(pool);

export async function listUsers() {
  const { rows } = await pool.query('select id, name from users');
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fixture: vercel.json, CommonJS mysql2/promise: the core pool is attached, after the requires',
      ...fixture('vercel-json/lib/db.js'),
      errors: [
        {
          ...attachError(),
          line: 4,
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(pool.pool)' },
              output: `const mysql = require('mysql2/promise');
const { format } = require('node:util');
const { attachDatabasePool } = require('@vercel/functions');

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 5 });
attachDatabasePool(pool.pool);

async function listUsers() {
  const [rows] = await pool.query('select id, name from users');
  return rows.map((row) => format('%s', row.name));
}

module.exports = { listUsers };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a require after the pool: the call follows the new require, never before it',
      filename: 'app/lib/db.js',
      settings: VERCEL,
      code: `const { Pool } = require('pg')
const pool = new Pool()
const { format } = require('node:util')
module.exports = { pool, format }
`,
      errors: [
        {
          ...attachError(),
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(pool)' },
              output: `const { Pool } = require('pg')
const pool = new Pool()
const { format } = require('node:util')
const { attachDatabasePool } = require('@vercel/functions')
attachDatabasePool(pool)
module.exports = { pool, format }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the import merges into an existing one; Neon, @vercel/postgres and mysql2 pools; a type annotation',
      filename: 'app/lib/db.ts',
      settings: VERCEL,
      code: `import { waitUntil } from '@vercel/functions';
import { Pool as NeonPool } from '@neondatabase/serverless';
import { createPool } from '@vercel/postgres';
import mysql from 'mysql2';
export const neon: NeonPool = new NeonPool({ connectionString: process.env.DATABASE_URL }) as NeonPool; // neon
const legacy = createPool();
const mysqlPool = mysql.createPool({ host: 'db' });
export { legacy, mysqlPool, waitUntil };
`,
      errors: [
        {
          ...attachError('neon'),
          line: 5,
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(neon)' },
              output: `import { waitUntil, attachDatabasePool } from '@vercel/functions';
import { Pool as NeonPool } from '@neondatabase/serverless';
import { createPool } from '@vercel/postgres';
import mysql from 'mysql2';
export const neon: NeonPool = new NeonPool({ connectionString: process.env.DATABASE_URL }) as NeonPool; // neon
attachDatabasePool(neon);
const legacy = createPool();
const mysqlPool = mysql.createPool({ host: 'db' });
export { legacy, mysqlPool, waitUntil };
`,
            },
          ],
        },
        {
          ...attachError('legacy'),
          line: 6,
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(legacy)' },
              output: `import { waitUntil, attachDatabasePool } from '@vercel/functions';
import { Pool as NeonPool } from '@neondatabase/serverless';
import { createPool } from '@vercel/postgres';
import mysql from 'mysql2';
export const neon: NeonPool = new NeonPool({ connectionString: process.env.DATABASE_URL }) as NeonPool; // neon
const legacy = createPool();
attachDatabasePool(legacy);
const mysqlPool = mysql.createPool({ host: 'db' });
export { legacy, mysqlPool, waitUntil };
`,
            },
          ],
        },
        {
          ...attachError('mysqlPool'),
          line: 7,
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachDatabasePool(mysqlPool)' },
              output: `import { waitUntil, attachDatabasePool } from '@vercel/functions';
import { Pool as NeonPool } from '@neondatabase/serverless';
import { createPool } from '@vercel/postgres';
import mysql from 'mysql2';
export const neon: NeonPool = new NeonPool({ connectionString: process.env.DATABASE_URL }) as NeonPool; // neon
const legacy = createPool();
const mysqlPool = mysql.createPool({ host: 'db' });
attachDatabasePool(mysqlPool);
export { legacy, mysqlPool, waitUntil };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a route handler file, JSX, and a name taken: the import is renamed',
      filename: 'app/api/users/route.tsx',
      settings: VERCEL,
      code: `import pg from 'pg';
const attachDatabasePool = () => null;
const pool = new pg.Pool();
export async function GET() {
  attachDatabasePool();
  return Response.json((await pool.query('select 1')).rows);
}
`,
      errors: [
        {
          ...attachError(),
          suggestions: [
            {
              messageId: 'addAttachCall',
              data: { call: 'attachVercelDatabasePool(pool)' },
              output: `import pg from 'pg';
import { attachDatabasePool as attachVercelDatabasePool } from '@vercel/functions';
const attachDatabasePool = () => null;
const pool = new pg.Pool();
attachVercelDatabasePool(pool);
export async function GET() {
  attachDatabasePool();
  return Response.json((await pool.query('select 1')).rows);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
