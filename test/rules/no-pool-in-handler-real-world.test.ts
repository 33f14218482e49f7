import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/no-pool-in-handler';

// Shapes taken from real Next.js projects and driver docs that the first
// version of the rule got wrong. Filenames are relative to the repository root.
const ruleTester = new RuleTester();

ruleTester.run('no-pool-in-handler (real-world shapes)', rule, {
  valid: [
    {
      name: 'a factory helper whose result the caller caches with ??=',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

let pool: Pool | undefined;

function createPool() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}

export async function GET() {
  pool ??= createPool();
  const { rows } = await pool.query('SELECT 1');
  return Response.json(rows);
}
`,
    },
    {
      name: 'an arrow factory called behind if (!pool)',
      filename: 'pages/api/users.js',
      code: `import { Pool } from 'pg';

let pool;
const makePool = () => new Pool({ connectionString: process.env.DATABASE_URL });

function getPool() {
  if (!pool) pool = makePool();
  return pool;
}

export default async function handler(req, res) {
  const { rows } = await getPool().query('SELECT 1');
  res.json(rows);
}
`,
    },
    {
      name: 'an async factory whose promise is cached',
      filename: 'app/actions.ts',
      code: `'use server';
import { Pool } from 'pg';

let poolPromise: Promise<Pool> | undefined;

async function createPool() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('SELECT 1');
  return pool;
}

function getPool() {
  poolPromise ??= createPool();
  return poolPromise;
}

export async function addUser(name: string) {
  const pool = await getPool();
  await pool.query('INSERT INTO users (name) VALUES ($1)', [name]);
}
`,
    },
    {
      name: "Prisma's documented prismaClientSingleton, kept on globalThis by a helper",
      filename: 'app/users/page.tsx',
      code: `import { PrismaClient } from '@prisma/client';

const prismaClientSingleton = () => {
  return new PrismaClient();
};

declare const globalThis: {
  prismaGlobal: ReturnType<typeof prismaClientSingleton>;
} & typeof global;

function db() {
  return globalThis.prismaGlobal ?? (globalThis.prismaGlobal = prismaClientSingleton());
}

export default async function Page() {
  const users = await db().user.findMany();
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>;
}
`,
    },
    {
      name: "Neon Pool in a Pages API route on the edge (export const config = { runtime: 'edge' })",
      filename: 'pages/api/edge.ts',
      code: `import { Pool } from '@neondatabase/serverless';
import type { NextFetchEvent, NextRequest } from 'next/server';

export const config = { runtime: 'edge' };

export default async function handler(req: NextRequest, event: NextFetchEvent) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT now()');
  event.waitUntil(pool.end());
  return new Response(JSON.stringify(rows));
}
`,
    },
    {
      name: "Neon Pool in an edge route declared with as const",
      filename: 'app/api/edge/route.ts',
      code: `import { Pool } from '@neondatabase/serverless';

export const runtime = 'edge' as const;

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT now()');
  await pool.end();
  return Response.json(rows);
}
`,
    },
    {
      name: 'Neon Pool in middleware, which runs on the edge by default',
      filename: 'src/middleware.ts',
      code: `import { Pool } from '@neondatabase/serverless';
import { NextResponse, type NextRequest } from 'next/server';

export async function middleware(request: NextRequest) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1');
  await pool.end();
  return rows.length > 0 ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
}
`,
    },
    {
      name: 'an async IIFE whose promise is cached behind if (!poolPromise)',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

let poolPromise: Promise<Pool> | undefined;

function getPool() {
  if (!poolPromise) {
    poolPromise = (async () => {
      const pool = new Pool({ connectionString: process.env.DATABASE_URL });
      await pool.query('SELECT 1');
      return pool;
    })();
  }
  return poolPromise;
}

export async function GET() {
  const pool = await getPool();
  return Response.json((await pool.query('SELECT 1')).rows);
}
`,
    },
    {
      name: 'a pool created once behind a module-level flag',
      filename: 'pages/api/users.ts',
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

let pool: Pool;
let initialized = false;

function init() {
  if (initialized) return;
  initialized = true;
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  init();
  const { rows } = await pool.query('SELECT 1');
  res.json(rows);
}
`,
    },
    {
      name: 'a per-tenant pool read from a module-level Map with get() ?? and stored back with set()',
      filename: 'app/api/[tenant]/route.ts',
      code: `import { Pool } from 'pg';

const pools = new Map<string, Pool>();

export async function GET(req: Request, { params }: { params: Promise<{ tenant: string }> }) {
  const { tenant } = await params;
  const pool = pools.get(tenant) ?? new Pool({ connectionString: process.env[\`DB_\${tenant}\`] });
  pools.set(tenant, pool);
  return Response.json((await pool.query('SELECT 1')).rows);
}
`,
    },
    {
      name: 'Drizzle over postgres.js, built once behind if (!db)',
      filename: 'app/actions.ts',
      code: `'use server';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';

let db: ReturnType<typeof drizzle> | undefined;

function getDb() {
  if (!db) {
    const client = postgres(process.env.DATABASE_URL!, { prepare: false });
    db = drizzle(client);
  }
  return db;
}

export async function listUsers() {
  return getDb().execute('select 1');
}
`,
    },
    {
      name: 'Kysely over a pg Pool, built once after if (db) return db',
      filename: 'app/actions.ts',
      code: `'use server';
import { Kysely, PostgresDialect } from 'kysely';
import { Pool } from 'pg';

let db: Kysely<any> | null = null;

function getDb() {
  if (db) return db;
  db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new Pool({ connectionString: process.env.DATABASE_URL }) }) });
  return db;
}

export async function listUsers() {
  return getDb().selectFrom('users').selectAll().execute();
}
`,
    },
    {
      name: 'Drizzle over a pg Pool cached with db ??= and db ||=',
      filename: 'app/actions.ts',
      code: `'use server';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';

let db: ReturnType<typeof drizzle> | undefined;
let replica: ReturnType<typeof drizzle> | undefined;

export async function listUsers() {
  db ??= drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));
  replica ||= drizzle({ client: new Pool({ connectionString: process.env.REPLICA_URL }) });
  return [await db.execute('select 1'), await replica.execute('select 1')];
}
`,
    },
  ],
  invalid: [
    {
      name: 'a factory helper that one caller caches and another calls on every request',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

let pool: Pool | undefined;

function createPool() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}

export async function GET() {
  pool ??= createPool();
  return Response.json((await pool.query('SELECT 1')).rows);
}

export async function POST() {
  const fresh = createPool();
  return Response.json((await fresh.query('SELECT 2')).rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 10,
          data: { factory: '`new Pool()`', where: '`createPool`, called from the route handler `POST`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sharedPool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const sharedPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

let pool: Pool | undefined;

function createPool() {
  return sharedPool;
}

export async function GET() {
  pool ??= createPool();
  return Response.json((await pool.query('SELECT 1')).rows);
}

export async function POST() {
  const fresh = createPool();
  return Response.json((await fresh.query('SELECT 2')).rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "Neon Pool in middleware that opts into the Node.js runtime",
      filename: 'middleware.ts',
      code: `import { Pool } from '@neondatabase/serverless';
import { NextResponse } from 'next/server';

export const config = { runtime: 'nodejs' };

export async function middleware() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('SELECT 1');
  return NextResponse.next();
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the middleware' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from '@neondatabase/serverless';
import { NextResponse } from 'next/server';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export const config = { runtime: 'nodejs' };

export async function middleware() {
  await pool.query('SELECT 1');
  return NextResponse.next();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'Neon Pool in proxy, which always runs on Node.js',
      filename: 'proxy.ts',
      code: `import { Pool } from '@neondatabase/serverless';
import { NextResponse } from 'next/server';

export async function proxy() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  await pool.query('SELECT 1');
  return NextResponse.next();
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the proxy' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from '@neondatabase/serverless';
import { NextResponse } from 'next/server';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function proxy() {
  await pool.query('SELECT 1');
  return NextResponse.next();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the hoisted pool goes after dotenv.config(), which loads the URL it reads',
      filename: 'pages/api/users.js',
      code: `import { Pool } from 'pg';
import dotenv from 'dotenv';

dotenv.config();

export default async function handler(req, res) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1');
  await pool.end();
  res.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';
import dotenv from 'dotenv';

dotenv.config();

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export default async function handler(req, res) {
  const { rows } = await pool.query('SELECT 1');
  res.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "CommonJS: the hoisted pool goes after require('dotenv').config()",
      filename: 'pages/api/users.js',
      code: `const { Pool } = require('pg');
require('dotenv').config();

module.exports = async function handler(req, res) {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1');
  await pool.end();
  res.json(rows);
};
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `const { Pool } = require('pg');
require('dotenv').config();

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

module.exports = async function handler(req, res) {
  const { rows } = await pool.query('SELECT 1');
  res.json(rows);
};
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the hoisted Neon pool goes after the neonConfig set-up',
      filename: 'app/api/users/route.ts',
      code: `import { Pool, neonConfig } from '@neondatabase/serverless';
import ws from 'ws';

neonConfig.webSocketConstructor = ws;

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1');
  return Response.json(rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool, neonConfig } from '@neondatabase/serverless';
import ws from 'ws';

neonConfig.webSocketConstructor = ws;

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function GET() {
  const { rows } = await pool.query('SELECT 1');
  return Response.json(rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'the hoisted pool goes after what a helper it calls reads (no temporal dead zone at module load)',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

export async function GET() {
  const pool = new Pool(getConfig());
  return Response.json((await pool.query('SELECT 1')).rows);
}

function getConfig() {
  return { ...DEFAULTS, connectionString: process.env.DATABASE_URL };
}

const DEFAULTS = { ssl: true };
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

export async function GET() {
  return Response.json((await pool.query('SELECT 1')).rows);
}

function getConfig() {
  return { ...DEFAULTS, connectionString: process.env.DATABASE_URL };
}

const DEFAULTS = { ssl: true };

const pool = new Pool({ max: 5, ...getConfig() });
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a file with CRLF line endings keeps them',
      filename: 'app/api/users/route.ts',
      code: [
        "import { Pool } from 'pg';",
        '',
        'export async function GET() {',
        '  const pool = new Pool({',
        '    connectionString: process.env.DATABASE_URL,',
        '  });',
        '  try {',
        "    return Response.json(await pool.query('SELECT 1'));",
        '  } finally {',
        '    await pool.end();',
        '  }',
        '}',
        '',
      ].join('\r\n'),
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: [
                "import { Pool } from 'pg';",
                '',
                'const pool = new Pool({',
                '  connectionString: process.env.DATABASE_URL,',
                '  max: 5,',
                '});',
                '',
                'export async function GET() {',
                "  return Response.json(await pool.query('SELECT 1'));",
                '}',
                '',
              ].join('\r\n'),
            },
          ],
        },
      ],
    },
    {
      name: 'a test of another name that merely contains the pool variable is no guard',
      filename: 'pages/api/users.ts',
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

let pool: Pool | undefined;
let poolReady = false;

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (!poolReady) console.log('warming up');
  pool = new Pool();
  res.json(await pool.query('SELECT 1'));
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 9,
          column: 10,
          data: { factory: '`new Pool()`', where: 'the API route handler', reason: 'it is assigned to `pool` on every call' },
          suggestions: [],
        },
      ],
    },
    {
      name: "postgres.js's documented sql.end({ timeout: 5 }) is removed like end()",
      filename: 'app/api/users/route.ts',
      code: `import postgres from 'postgres';

export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!, { ssl: 'require' });
  try {
    const users = await sql\`SELECT * FROM users\`;
    return Response.json(users);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 15,
          data: { factory: '`postgres()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sql', size: ' with `max: 5`' },
              output: `import postgres from 'postgres';

const sql = postgres(process.env.DATABASE_URL!, { ssl: 'require', max: 5 });

export async function GET() {
  const users = await sql\`SELECT * FROM users\`;
  return Response.json(users);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'end() given a callback variable keeps its report without a suggestion',
      filename: 'app/api/users/route.ts',
      code: `import postgres from 'postgres';

export async function GET() {
  const sql = postgres(process.env.DATABASE_URL!);
  const done = () => console.log('closed');
  const users = await sql\`SELECT * FROM users\`;
  await sql.end(done);
  return Response.json(users);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 4,
          column: 15,
          data: { factory: '`postgres()`', where: 'the route handler `GET`', reason: '`sql.end()` is given a callback' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'an exported factory is still reported when a local caller caches it (other callers may not)',
      filename: 'app/actions.ts',
      code: `'use server';
import { Pool } from 'pg';

let pool: Pool | undefined;

export async function createPool() {
  return new Pool({ connectionString: process.env.DATABASE_URL });
}

export async function addUser(name: string) {
  pool ??= await createPool();
  await pool.query('INSERT INTO users (name) VALUES ($1)', [name]);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 10,
          data: { factory: '`new Pool()`', where: 'the Server Action `createPool`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'sharedPool', size: ' with `max: 5`' },
              output: `'use server';
import { Pool } from 'pg';

const sharedPool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

let pool: Pool | undefined;

export async function createPool() {
  return sharedPool;
}

export async function addUser(name: string) {
  pool ??= await createPool();
  await pool.query('INSERT INTO users (name) VALUES ($1)', [name]);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a pool read from a Map with get() ?? but never stored back is created on every miss',
      filename: 'app/api/[tenant]/route.ts',
      code: `import { Pool } from 'pg';

const pools = new Map<string, Pool>();

export async function GET(req: Request) {
  const pool = pools.get(req.url) ?? new Pool();
  return Response.json((await pool.query('SELECT 1')).rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 6,
          column: 38,
          data: {
            factory: '`new Pool()`',
            where: 'the route handler `GET`',
            reason: 'its result is used but not stored for the next request',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a pool and its end() side by side on one line: the suggestion does not crash ESLint',
      filename: 'app/api/health/route.ts',
      code: `import { Pool } from 'pg';

export async function GET() {
  for (let attempt = 0; attempt < 3; attempt++) { const pool = new Pool(); await pool.end(); }
  return new Response('ok');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 4,
          column: 64,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

export async function GET() {
  for (let attempt = 0; attempt < 3; attempt++) {}
  return new Response('ok');
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a helper with TypeScript overload signatures is followed like any other',
      filename: 'pages/api/users.ts',
      code: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

function getDb(): Pool;
function getDb(label: string): Pool;
function getDb(label?: string): Pool {
  console.log('db for', label);
  return new Pool({ connectionString: process.env.DATABASE_URL });
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json((await getDb().query('SELECT 1')).rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 8,
          column: 10,
          data: { factory: '`new Pool()`', where: '`getDb`, called from the API route handler' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import type { NextApiRequest, NextApiResponse } from 'next';
import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

function getDb(): Pool;
function getDb(label: string): Pool;
function getDb(label?: string): Pool {
  console.log('db for', label);
  return pool;
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.json((await getDb().query('SELECT 1')).rows);
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a test of some other cached value earlier in the handler does not guard the pool',
      filename: 'app/api/settings/route.ts',
      code: `import { Pool } from 'pg';

let settings: Record<string, string> | undefined;

export async function GET() {
  if (!settings) settings = { region: 'eu' };
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT 1');
  await pool.end();
  return Response.json({ rows, settings });
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 7,
          column: 16,
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });

let settings: Record<string, string> | undefined;

export async function GET() {
  if (!settings) settings = { region: 'eu' };
  const { rows } = await pool.query('SELECT 1');
  return Response.json({ rows, settings });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a module-level pool reassigned on every request after an unrelated cached value',
      filename: 'app/api/settings/route.ts',
      code: `import { Pool } from 'pg';

let settings: Record<string, string> | undefined;
let pool: Pool;

export async function GET() {
  if (!settings) settings = { region: 'eu' };
  pool = new Pool({ connectionString: process.env.DATABASE_URL });
  return Response.json((await pool.query('SELECT 1')).rows);
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 8,
          column: 10,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`', reason: 'it is assigned to `pool` on every call' },
          suggestions: [],
        },
      ],
    },
    {
      name: 'a pool handed to an ORM client that is rebuilt on every request',
      filename: 'app/actions.ts',
      code: `'use server';
import { drizzle } from 'drizzle-orm/node-postgres';
import { Pool } from 'pg';

let db: ReturnType<typeof drizzle> | undefined;

export async function listUsers() {
  db = drizzle(new Pool({ connectionString: process.env.DATABASE_URL }));
  return db.execute('select 1');
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 8,
          column: 8,
          data: {
            factory: '`drizzle()`',
            where: 'the Server Action `listUsers`',
            reason: 'it is assigned to `db` on every call',
          },
          suggestions: [],
        },
      ],
    },
    {
      name: 'handlers exported through satisfies or as are handlers',
      filename: 'pages/api/users.ts',
      code: `import type { NextApiHandler } from 'next';
import { Pool } from 'pg';

const handler = (async (req, res) => {
  const pool = new Pool();
  res.json((await pool.query('SELECT 1')).rows);
}) satisfies NextApiHandler;

export default handler as NextApiHandler;
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the API route handler' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import type { NextApiHandler } from 'next';
import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

const handler = (async (req, res) => {
  res.json((await pool.query('SELECT 1')).rows);
}) satisfies NextApiHandler;

export default handler as NextApiHandler;
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a route handler exported as (async () => {}) satisfies Handler',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';

type Handler = (request: Request) => Promise<Response>;

export const GET = (async () => {
  const pool = new Pool();
  return Response.json((await pool.query('SELECT 1')).rows);
}) satisfies Handler;
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          column: 16,
          data: { factory: '`new Pool()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'pool', size: ' with `max: 5`' },
              output: `import { Pool } from 'pg';

const pool = new Pool({ max: 5 });

type Handler = (request: Request) => Promise<Response>;

export const GET = (async () => {
  return Response.json((await pool.query('SELECT 1')).rows);
}) satisfies Handler;
`,
            },
          ],
        },
      ],
    },
  ],
});
