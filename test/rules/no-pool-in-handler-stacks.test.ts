/**
 * no-pool-in-handler on today's database stacks: Drizzle (node-postgres,
 * mysql2, postgres.js), MariaDB, pg-promise and Kysely. Single-file shapes run
 * through RuleTester; each stack's fixture app under test/fixtures/pool-stacks
 * is linted as a project (a helper in lib/db.ts reached from a route), with
 * the exact suggestion outputs.
 */
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import poolEndRule from '../../eslint-plugin/src/rules/no-pool-end-in-handler';
import rule from '../../eslint-plugin/src/rules/no-pool-in-handler';
import { lintProject } from '../support/project-lint';

const ruleTester = new RuleTester();

ruleTester.run('no-pool-in-handler (database stacks)', rule, {
  valid: [
    {
      name: 'Drizzle given an existing pool or client: drizzle(pool), drizzle({ client })',
      filename: 'app/api/users/route.ts',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { drizzle as drizzleMysql } from 'drizzle-orm/mysql2';
import { Pool } from 'pg';
import { createPool } from 'mysql2';

const pool = new Pool({ max: 5 });
const mysqlPool = createPool({ connectionLimit: 5 });

export async function GET() {
  const db = drizzle(pool);
  const other = drizzle({ client: pool, schema: {} });
  const mysql = drizzleMysql({ client: mysqlPool });
  return Response.json([await db.execute('SELECT 1'), await other.execute('SELECT 1'), await mysql.execute('SELECT 1')]);
}
`,
    },
    {
      name: 'Drizzle from a URL at module scope, and as a lazy singleton',
      filename: 'lib/db.js',
      code: `const { drizzle } = require('drizzle-orm/postgres-js');

const db = drizzle(process.env.DATABASE_URL);
let replica;
let reports;

export function getReplica() {
  replica ??= drizzle({ connection: process.env.REPLICA_URL });
  return replica;
}

export function getReports() {
  if (!reports) {
    reports = drizzle(process.env.REPORTS_URL);
  }
  return reports;
}

export function getDb() {
  return db;
}
`,
    },
    {
      name: 'pg-promise database objects at module scope, and a pgp that is reassigned (not followed)',
      filename: 'app/api/users/route.ts',
      code: `import pgPromise from 'pg-promise';

const pgp = pgPromise();
const db = pgp(process.env.DATABASE_URL!);
let makeDb = pgPromise();
makeDb = (() => db) as unknown as typeof makeDb;

export async function GET() {
  const other = makeDb(process.env.DATABASE_URL!);
  return Response.json([await db.any('SELECT 1'), other]);
}
`,
    },
    {
      name: 'MariaDB and Kysely created once at module scope',
      filename: 'app/api/users/route.ts',
      code: `import mariadb from 'mariadb';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

const pool = mariadb.createPool({ host: 'db', connectionLimit: 5 });
const db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ max: 5 }) }) });

export async function GET() {
  return Response.json([await pool.query('SELECT 1'), await db.selectFrom('users').selectAll().execute()]);
}
`,
    },
  ],
  invalid: [
    {
      name: 'Drizzle over node-postgres from a URL, in a route handler',
      filename: 'app/api/users/route.ts',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';

export async function GET() {
  const db = drizzle(process.env.DATABASE_URL!);
  const { rows } = await db.execute(sql\`SELECT now() AS time\`);
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the route handler `GET`' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { sql } from 'drizzle-orm';

const db = drizzle({ connection: { connectionString: process.env.DATABASE_URL!, max: 5 } });

export async function GET() {
  const { rows } = await db.execute(sql\`SELECT now() AS time\`);
  return Response.json(rows);
}
` },
          ],
        },
      ],
    },
    {
      name: 'Drizzle with a connection object and a schema, required in a JS Pages API route',
      filename: 'pages/api/users.js',
      code: `const { drizzle } = require('drizzle-orm/node-postgres');
const schema = require('../../db/schema');

module.exports = async function handler(req, res) {
  const db = drizzle({ connection: { connectionString: process.env.DATABASE_URL, ssl: true }, schema });
  res.json(await db.query.users.findMany());
};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the API route handler' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `const { drizzle } = require('drizzle-orm/node-postgres');
const schema = require('../../db/schema');

const db = drizzle({ connection: { connectionString: process.env.DATABASE_URL, ssl: true, max: 5 }, schema });

module.exports = async function handler(req, res) {
  res.json(await db.query.users.findMany());
};
` },
          ],
        },
      ],
    },
    {
      name: 'Drizzle over postgres.js with a URL connection, in a Server Action',
      filename: 'app/actions.ts',
      code: `'use server';
import { drizzle } from 'drizzle-orm/postgres-js';

export async function addUser(name: string) {
  const db = drizzle({ connection: process.env.DATABASE_URL! });
  await db.execute(\`INSERT INTO users (name) VALUES ('\${name}')\`);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the Server Action `addUser`' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `'use server';
import { drizzle } from 'drizzle-orm/postgres-js';

const db = drizzle({ connection: { url: process.env.DATABASE_URL!, max: 5 } });

export async function addUser(name: string) {
  await db.execute(\`INSERT INTO users (name) VALUES ('\${name}')\`);
}
` },
          ],
        },
      ],
    },
    {
      name: 'Drizzle over mysql2 from a URL keeps its own size',
      filename: 'app/api/users/route.ts',
      code: `import { drizzle } from 'drizzle-orm/mysql2';

export async function GET() {
  const db = drizzle(process.env.DATABASE_URL!);
  return Response.json(await db.execute('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the route handler `GET`' },
          line: 4,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: '' }, output: `import { drizzle } from 'drizzle-orm/mysql2';

const db = drizzle(process.env.DATABASE_URL!);

export async function GET() {
  return Response.json(await db.execute('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'Drizzle with a URL and a config argument keeps its own size',
      filename: 'app/page.tsx',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '@/db/schema';

export default async function Page() {
  const db = drizzle(process.env.DATABASE_URL!, { schema });
  const users = await db.query.users.findMany();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the Server Component' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: '' }, output: `import { drizzle } from 'drizzle-orm/node-postgres';
import * as schema from '@/db/schema';

const db = drizzle(process.env.DATABASE_URL!, { schema });

export default async function Page() {
  const users = await db.query.users.findMany();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
` },
          ],
        },
      ],
    },
    {
      name: 'Drizzle whose handler ends db.$client: no suggestion',
      filename: 'app/api/users/route.ts',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';

export async function GET() {
  const db = drizzle(process.env.DATABASE_URL!);
  const result = await db.execute('SELECT 1');
  await db.$client.end();
  return Response.json(result.rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          data: { factory: '`drizzle()`', where: 'the route handler `GET`', reason: 'the handler calls `db.$client.end()`, which ends the pool' },
          line: 4,
          column: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'drizzle(new Pool()) in a handler: the report and the hoist take the Drizzle client',
      filename: 'app/api/users/route.ts',
      code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';

export async function GET() {
  const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));
  return Response.json(await db.execute('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`drizzle()`', where: 'the route handler `GET`' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';

const db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL, max: 5 }));

export async function GET() {
  return Response.json(await db.execute('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'MariaDB createPool, required, with end() in finally',
      filename: 'pages/api/users.js',
      code: `const mariadb = require('mariadb');

export default async function handler(req, res) {
  const pool = mariadb.createPool({ host: 'db', user: 'app', connectionLimit: 2 });
  try {
    res.json(await pool.query('SELECT 1'));
  } finally {
    await pool.end();
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`mariadb.createPool()`', where: 'the API route handler' },
          line: 4,
          column: 16,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'pool', size: '' }, output: `const mariadb = require('mariadb');

const pool = mariadb.createPool({ host: 'db', user: 'app', connectionLimit: 2 });

export default async function handler(req, res) {
  res.json(await pool.query('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'MariaDB createPool with options, imported by name',
      filename: 'app/api/users/route.ts',
      code: `import { createPool } from 'mariadb';

export async function GET() {
  const pool = createPool({ host: process.env.DB_HOST, user: 'app' });
  return Response.json(await pool.query('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`createPool()`', where: 'the route handler `GET`' },
          line: 4,
          column: 16,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'pool', size: ' with `connectionLimit: 5`' }, output: `import { createPool } from 'mariadb';

const pool = createPool({ host: process.env.DB_HOST, user: 'app', connectionLimit: 5 });

export async function GET() {
  return Response.json(await pool.query('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'pg-promise: pgPromise()(url) in one expression',
      filename: 'app/api/users/route.ts',
      code: `import pgPromise from 'pg-promise';

export async function GET() {
  const db = pgPromise()(process.env.DATABASE_URL!);
  return Response.json(await db.any('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`pgPromise()()`', where: 'the route handler `GET`' },
          line: 4,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `import pgPromise from 'pg-promise';

const db = pgPromise()({ connectionString: process.env.DATABASE_URL!, max: 5 });

export async function GET() {
  return Response.json(await db.any('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'pg-promise: the library instance created in the handler too: no suggestion',
      filename: 'app/api/users/route.ts',
      code: `import pgPromise from 'pg-promise';

export async function GET() {
  const pgp = pgPromise();
  const db = pgp(process.env.DATABASE_URL!);
  return Response.json(await db.any('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          data: { factory: '`pgp()`', where: 'the route handler `GET`', reason: 'it reads `pgp`, which only exists inside the function' },
          line: 5,
          column: 14,
          suggestions: [],
        },
      ],
    },
    {
      name: 'pg-promise: a connection held in a variable keeps its size',
      filename: 'app/api/users/route.ts',
      code: `import pgPromise from 'pg-promise';

const pgp = pgPromise();
const cn = process.env.DATABASE_URL!;

export async function GET() {
  const db = pgp(cn);
  return Response.json(await db.any('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`pgp()`', where: 'the route handler `GET`' },
          line: 7,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: '' }, output: `import pgPromise from 'pg-promise';

const pgp = pgPromise();
const cn = process.env.DATABASE_URL!;

const db = pgp(cn);

export async function GET() {
  return Response.json(await db.any('SELECT 1'));
}
` },
          ],
        },
      ],
    },
    {
      name: 'Kysely over mysql2 with MysqlDialect, destroy() removed',
      filename: 'app/api/users/route.ts',
      code: `import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';

export async function GET() {
  const db = new Kysely<any>({ dialect: new MysqlDialect({ pool: createPool({ uri: process.env.DATABASE_URL }) }) });
  const users = await db.selectFrom('users').selectAll().execute();
  await db.destroy();
  return Response.json(users);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`new Kysely()`', where: 'the route handler `GET`' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `connectionLimit: 5`' }, output: `import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';

const db = new Kysely<any>({ dialect: new MysqlDialect({ pool: createPool({ uri: process.env.DATABASE_URL, connectionLimit: 5 }) }) });

export async function GET() {
  const users = await db.selectFrom('users').selectAll().execute();
  return Response.json(users);
}
` },
          ],
        },
      ],
    },
    {
      name: 'Kysely required in a JS file',
      filename: 'app/api/users/route.js',
      code: `const { Kysely, PostgresDialect } = require('kysely');
const { Pool } = require('pg');

export async function GET() {
  const db = new Kysely({
    dialect: new PostgresDialect({
      pool: new Pool({ connectionString: process.env.DATABASE_URL }),
    }),
  });
  return Response.json(await db.selectFrom('users').selectAll().execute());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`new Kysely()`', where: 'the route handler `GET`' },
          line: 5,
          column: 14,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'db', size: ' with `max: 5`' }, output: `const { Kysely, PostgresDialect } = require('kysely');
const { Pool } = require('pg');

const db = new Kysely({
  dialect: new PostgresDialect({
    pool: new Pool({ connectionString: process.env.DATABASE_URL, max: 5 }),
  }),
});

export async function GET() {
  return Response.json(await db.selectFrom('users').selectAll().execute());
}
` },
          ],
        },
      ],
    },
    {
      name: 'A Kysely dialect built per request, outside a Kysely',
      filename: 'app/api/users/route.ts',
      code: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

export async function GET() {
  const dialect = new PostgresDialect({ pool: new Pool() });
  const db = new Kysely<any>({ dialect });
  return Response.json(await db.selectFrom('users').selectAll().execute());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          data: { factory: '`new PostgresDialect()`', where: 'the route handler `GET`' },
          line: 5,
          column: 19,
          suggestions: [
            { messageId: 'hoistPool', data: { name: 'dialect', size: ' with `max: 5`' }, output: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

const dialect = new PostgresDialect({ pool: new Pool({ max: 5 }) });

export async function GET() {
  const db = new Kysely<any>({ dialect });
  return Response.json(await db.selectFrom('users').selectAll().execute());
}
` },
          ],
        },
      ],
    },
  ],
});

/** What the rule reports in each fixture app, where, and the file after its suggestion. */
const FIXTURE_FINDINGS: Record<string, { at: string; message: string; fixed: string }[]> = {
  drizzle: [
    {
      at: 'lib/db.ts:6:10',
      message:
        '`drizzle()` opens a pool on every request: create it once at module scope and reuse it. It runs in `getDb`, called from the route handler `GET` (app/api/a/route.ts), so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import { drizzle } from 'drizzle-orm/node-postgres';

const db = drizzle({ connection: { connectionString: process.env.DATABASE_URL!, max: 5 } });

// Reads like an accessor, but drizzle(url) opens a new node-postgres pool on
// every call.
export function getDb() {
  return db;
}
`,
    },
  ],
  mariadb: [
    {
      at: 'app/api/b/route.ts:4:16',
      message:
        '`createPool()` opens a pool on every request: create it once at module scope and reuse it. It runs in the route handler `GET`, so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import { createPool } from 'mariadb';

const pool = createPool(process.env.DATABASE_URL!);

export async function GET() {
  return Response.json(await pool.query('SELECT NOW() AS time'));
}
`,
    },
    {
      at: 'lib/db.ts:4:10',
      message:
        '`mariadb.createPool()` opens a pool on every request: create it once at module scope and reuse it. It runs in `getPool`, called from the route handler `GET` (app/api/a/route.ts), so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import * as mariadb from 'mariadb';

const pool = mariadb.createPool({ host: process.env.DB_HOST, user: 'app', database: 'shop', connectionLimit: 5 });

export function getPool() {
  return pool;
}
`,
    },
  ],
  'pg-promise': [
    {
      at: 'app/api/b/route.ts:4:14',
      message:
        '`pgp()` opens a pool on every request: create it once at module scope and reuse it. It runs in the route handler `GET`, so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `const pgp = require('pg-promise')();

const db = pgp({ host: process.env.PGHOST, database: 'shop', max: 5 });

export async function GET() {
  return Response.json(await db.one('SELECT now() AS time'));
}
`,
    },
    {
      at: 'lib/db.ts:7:10',
      message:
        '`pgp()` opens a pool on every request: create it once at module scope and reuse it. It runs in `getDb`, called from the route handler `GET` (app/api/a/route.ts), so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import pgPromise from 'pg-promise';

const pgp = pgPromise();

const db = pgp({ connectionString: process.env.DATABASE_URL!, max: 5 });

// A new database object, with its own pool, on every call.
export function getDb() {
  return db;
}
`,
    },
  ],
  kysely: [
    {
      at: 'app/api/b/route.ts:5:14',
      message:
        '`new Kysely()` opens a pool on every request: create it once at module scope and reuse it. It runs in the route handler `GET`, so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

const db = new Kysely<{ users: { id: number } }>({ dialect: new PostgresDialect({ pool: new pg.Pool({ max: 2 }) }) });

export async function GET() {
  return Response.json(await db.selectFrom('users').selectAll().execute());
}
`,
    },
    {
      at: 'lib/db.ts:9:3',
      message:
        '`new Kysely()` opens a pool on every request: create it once at module scope and reuse it. It runs in `getDb`, called from the route handler `GET` (app/api/a/route.ts), so under load the database runs out of connections (SQLSTATE 53300).',
      fixed: `import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

interface Database {
  users: { id: number; name: string };
}

const db = new Kysely<Database>({
  dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL, max: 5 }) }),
});

export const getDb = () =>
  db;
`,
    },
  ],
};

describe('the stack fixtures, linted as projects', () => {
  it.each(Object.keys(FIXTURE_FINDINGS))('%s', async (stack) => {
    const findings = await lintProject(path.join(import.meta.dirname, '../fixtures/pool-stacks', stack));
    expect(findings.every((finding) => finding.kind === 'suggestion')).toBe(true);
    expect(findings.map(({ file, line, column, message, fixed }) => ({ at: `${file}:${line}:${column}`, message, fixed }))).toEqual(
      FIXTURE_FINDINGS[stack],
    );
  });
});

describe('no-pool-end-in-handler knows the same stacks', () => {
  it("reports end() on a MariaDB pool created once, with MariaDB's error", () => {
    const linter = new Linter({ configType: 'flat', cwd: process.cwd() });
    const messages = linter.verify(
      `import mariadb from 'mariadb';\nconst pool = mariadb.createPool({ connectionLimit: 5 });\nexport async function GET() {\n  const rows = await pool.query('SELECT 1');\n  await pool.end();\n  return Response.json(rows);\n}\n`,
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser as Linter.Parser },
        plugins: { 'next-db': { rules: { 'no-pool-end-in-handler': poolEndRule as unknown as Rule.RuleModule } } },
        rules: { 'next-db/no-pool-end-in-handler': 'error' },
      },
      'app/api/users/route.ts',
    );
    expect(messages.map(({ line, message }) => ({ line, message }))).toEqual([
      { line: 5, message: expect.stringContaining('every later one fails with "pool is closed" (ER_POOL_ALREADY_CLOSED)') },
    ]);
  });
});
