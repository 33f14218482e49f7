import { RuleTester } from '@typescript-eslint/rule-tester';
import { hostFixture as fixture } from '../support/host-fixtures';
import rule from '../../eslint-plugin/src/rules/no-shared-pool-on-workers';

const ruleTester = new RuleTester();
const CLOUDFLARE = { next: { host: 'cloudflare' } };
const noFix = (reason: string) => ({ messageId: 'sharedPoolNoFix' as const, data: { reason } });
const EXPORTED = 'it is exported, and other modules share it';

ruleTester.run('no-shared-pool-on-workers', rule, {
  valid: [
    { name: 'fixture: a pool per request is right on Workers', ...fixture('cloudflare/app/api/orders/route.ts') },
    { name: 'fixture: a migration script no module imports', ...fixture('cloudflare/scripts/migrate.ts') },
    { name: 'fixture: a module-scope pool on Vercel', ...fixture('vercel/lib/db.ts') },
    { name: 'fixture: a module-scope pool on a Node.js server', ...fixture('node/lib/db.ts') },
    {
      name: 'host set to vercel overrides nothing here: a shared pool is right there',
      filename: 'app/lib/db.ts',
      settings: { next: { host: 'vercel' } },
      code: `import { Pool } from 'pg';\nexport const pool = new Pool();\n`,
    },
    {
      name: "OpenNext's pattern: a pool per request, cached for the request by React's cache()",
      filename: 'app/lib/db.ts',
      settings: CLOUDFLARE,
      code: `import { cache } from 'react';
import { Pool } from 'pg';
export const getDb = cache(() => new Pool({ connectionString: process.env.PG_URL, maxUses: 1 }));
`,
    },
    {
      name: 'Prisma is judged by its driver adapter, not reported itself',
      filename: 'app/lib/db.ts',
      settings: CLOUDFLARE,
      code: `import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n`,
    },
    {
      name: "'use client' file",
      filename: 'app/components/widget.tsx',
      settings: CLOUDFLARE,
      code: `'use client';\nimport { Pool } from 'pg';\nconst pool = new Pool();\nexport default function Widget() { return <p>{String(pool)}</p>; }\n`,
    },
  ],
  invalid: [
    {
      name: 'fixture: a pool one function uses moves into it, with its comment',
      ...fixture('cloudflare/lib/db.ts'),
      errors: [
        {
          messageId: 'sharedPool',
          line: 4,
          suggestions: [
            {
              messageId: 'moveIntoFunction',
              data: { name: 'pool', fn: '`listUsers`' },
              output: `import { Pool } from 'pg';

export async function listUsers() {
  // The app database.
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('select id, name from users');
  return rows;
}
`,
            },
          ],
        },
      ],
    },
    { name: 'fixture: an exported postgres.js client', ...fixture('cloudflare/lib/sql.ts'), errors: [{ ...noFix(EXPORTED), line: 3 }] },
    {
      name: 'fixture: a lazy singleton (wrangler.toml)',
      ...fixture('cloudflare-wrangler/lib/db.ts'),
      errors: [{ ...noFix('it is created once and kept on purpose; create it in the request instead'), line: 7 }],
    },
    {
      name: 'CommonJS, mysql2, a route handler: moved into the handler, multi-line and without semicolons',
      filename: 'app/api/users/route.js',
      settings: CLOUDFLARE,
      code: `const mysql = require('mysql2/promise')

const pool = mysql.createPool({
  uri: process.env.DATABASE_URL,
})

async function GET() {
  const [rows] = await pool.query('select 1')
  return Response.json(rows)
}

module.exports = { GET }
`,
      errors: [
        {
          messageId: 'sharedPool',
          suggestions: [
            {
              messageId: 'moveIntoFunction',
              data: { name: 'pool', fn: '`GET`' },
              output: `const mysql = require('mysql2/promise')

async function GET() {
  const pool = mysql.createPool({
    uri: process.env.DATABASE_URL,
  })
  const [rows] = await pool.query('select 1')
  return Response.json(rows)
}

module.exports = { GET }
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an arrow with an expression body, a type annotation, Neon',
      filename: 'app/api/count/route.ts',
      settings: CLOUDFLARE,
      code: `import { Pool } from '@neondatabase/serverless';
const pool: Pool = new Pool({ connectionString: process.env.DATABASE_URL });
export const GET = async () => Response.json((await pool.query('select count(*) from users')).rows);
`,
      errors: [
        {
          messageId: 'sharedPool',
          suggestions: [
            {
              messageId: 'moveIntoFunction',
              data: { name: 'pool', fn: '`GET`' },
              output: `import { Pool } from '@neondatabase/serverless';
export const GET = async () => { const pool: Pool = new Pool({ connectionString: process.env.DATABASE_URL }); return Response.json((await pool.query('select count(*) from users')).rows); };
`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion where moving would change what the code means',
      filename: 'app/lib/db.ts',
      settings: CLOUDFLARE,
      code: `import { Pool } from 'pg';
import postgres from 'postgres';
import { drizzle } from 'drizzle-orm/node-postgres';
let url = process.env.DATABASE_URL;
export function setUrl(next: string) { url = next; }
const shared = new Pool();
export async function a() { return shared.query('select 1'); }
export async function b() { return shared.query('select 2'); }
const early = new Pool();
early.on('error', () => {});
export async function c() { return early.query('select 1'); }
const changing = new Pool({ connectionString: url });
export async function d() { return changing.query('select 1'); }
const config = { max: 1 };
const captured = new Pool(config);
export async function e(config: object) { return [config, await captured.query('select 1')]; }
export const db = drizzle(new Pool());
const sql = postgres();
export { sql };
let mutable = new Pool();
export function f() { return mutable.query('select 1'); }
const unused = new Pool();
const perHandler = new Pool();
function makeHandler() { return async () => perHandler.query('select 1'); }
export const GET = makeHandler();
`,
      errors: [
        { ...noFix('several functions use it, and would each need their own'), line: 6 },
        { ...noFix('code at module scope uses it (or exports it)'), line: 9 },
        { ...noFix('it reads `url`, which the module changes'), line: 12 },
        { ...noFix('the function declares its own `config`'), line: 15 },
        { ...noFix('it is not the value of a `const` of its own'), line: 17 },
        { ...noFix('code at module scope uses it (or exports it)'), line: 18 },
        { ...noFix('it is not the value of a `const` of its own'), line: 20 },
        { ...noFix('no function here uses it'), line: 22 },
        { ...noFix('`makeHandler` runs at module scope, once for all requests'), line: 23 },
      ],
    },
  ],
});
