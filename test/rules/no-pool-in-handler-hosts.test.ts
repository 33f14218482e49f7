import { RuleTester } from '@typescript-eslint/rule-tester';
import { hostFixture as fixture } from '../support/host-fixtures';
import rule from '../../eslint-plugin/src/rules/no-pool-in-handler';

// no-pool-in-handler where the host changes the advice: silent on Cloudflare
// Workers (a pool per request is the rule there), attaching the hoisted pool on Vercel.
const ruleTester = new RuleTester();
const VERCEL = { next: { host: 'vercel' } };
const perRequest = (where = 'the route handler `GET`') => ({ messageId: 'poolInHandler' as const, data: { factory: '`new Pool()`', where } });

ruleTester.run('no-pool-in-handler on hosts', rule, {
  valid: [
    { name: 'fixture: Cloudflare (OpenNext adapter), a pool per request', ...fixture('cloudflare/app/api/orders/route.ts') },
    {
      name: 'host set to cloudflare',
      filename: 'app/api/users/route.ts',
      settings: { next: { host: 'cloudflare' } },
      code: `import { Pool } from 'pg';\nexport async function GET() {\n  const pool = new Pool();\n  return Response.json((await pool.query('select 1')).rows);\n}\n`,
    },
  ],
  invalid: [
    {
      name: 'fixture: Vercel, the hoisted pool is passed to attachDatabasePool',
      ...fixture('vercel/app/api/report/route.ts'),
      errors: [
        {
          ...perRequest(),
          suggestions: [
            {
              messageId: 'hoistAttachedPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { attachDatabasePool } from '@vercel/functions';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
attachDatabasePool(pool);

export async function GET() {
  const { rows } = await pool.query('select count(*) from orders');
  return Response.json(rows[0]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'fixture: Node.js server, the hoist as before',
      ...fixture('node/app/api/users/route.ts'),
      errors: [
        {
          ...perRequest(),
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'reportPool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import { pool } from '../../../lib/db';

const reportPool = new Pool({ connectionString: process.env.REPORT_DATABASE_URL, max: 5 });

export async function GET() {
  const { rows } = await pool.query('select id, name from users');
  const { rows: totals } = await reportPool.query('select count(*) from users');
  return Response.json({ rows, totals });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Vercel, CommonJS mysql2/promise in a Pages API route: the require comes first, the core pool is attached',
      filename: 'pages/api/users.js',
      settings: VERCEL,
      code: `const mysql = require('mysql2/promise');
const { format } = require('node:util');

module.exports = async function handler(req, res) {
  const pool = mysql.createPool(process.env.DATABASE_URL);
  const [rows] = await pool.query('select 1');
  res.json(format('%j', rows));
};
`,
      errors: [
        {
          messageId: 'poolInHandler',
          suggestions: [
            {
              messageId: 'hoistAttachedPool',
              data: { name: 'pool', size: '' },
              output: `const mysql = require('mysql2/promise');
const { format } = require('node:util');
const { attachDatabasePool } = require('@vercel/functions');

const pool = mysql.createPool(process.env.DATABASE_URL);
attachDatabasePool(pool.pool);

module.exports = async function handler(req, res) {
  const [rows] = await pool.query('select 1');
  res.json(format('%j', rows));
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Vercel, postgres.js (which attachDatabasePool does not take) and an existing import',
      filename: 'app/api/users/route.ts',
      settings: VERCEL,
      code: `import postgres from 'postgres';
import { Pool } from 'pg';
import { attachDatabasePool } from '@vercel/functions';
export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!);
  const pool = new Pool();
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
      errors: [
        {
          messageId: 'poolInHandler',
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `import postgres from 'postgres';
import { Pool } from 'pg';
import { attachDatabasePool } from '@vercel/functions';

const sql = postgres(process.env.DATABASE_URL!, { max: 5 });

export async function GET() {
  const pool = new Pool();
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
            },
          ],
        },
        {
          ...perRequest(),
          suggestions: [
            {
              messageId: 'hoistAttachedPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import postgres from 'postgres';
import { Pool } from 'pg';
import { attachDatabasePool } from '@vercel/functions';

const pool = new Pool({ max: 5 });
attachDatabasePool(pool);

export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!);
  return Response.json([await sql\`select 1\`, await pool.query('select 1')]);
}
`,
            },
          ],
        },
      ],
    },
  ],
});
