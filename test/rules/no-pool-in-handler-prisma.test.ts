// Prisma 7's driver adapters in no-pool-in-handler, in one file each (the
// generated client, found through the project model, is tested in
// test/project/prisma.test.ts).
import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/no-pool-in-handler';

const ruleTester = new RuleTester();

/** A route module whose pool is built inside the `globalThis` guard: correct, and what the guard suggestion makes. */
const POOL_INSIDE_GUARD = `const { PrismaClient } = require('@prisma/client');
const { PrismaPg } = require('@prisma/adapter-pg');
const { Pool } = require('pg');
const prisma = globalThis.prisma ?? new PrismaClient({ adapter: new PrismaPg(new Pool()) });
if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;
export async function GET() {
  return Response.json(await prisma.user.findMany());
}
`;

ruleTester.run('no-pool-in-handler (Prisma adapters)', rule, {
  valid: [
    {
      name: 'a client with its adapter at module scope',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
export async function GET() {
  return Response.json(await prisma.user.findMany());
}
`,
    },
    {
      name: 'a client kept on globalThis from a handler, its adapter inside the guard',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
export async function GET() {
  const prisma = ((globalThis as any).prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) }));
  return Response.json(await prisma.user.findMany());
}
`,
    },
    {
      name: 'an adapter given the shared pool opens none',
      filename: 'app/api/users/route.ts',
      code: `import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { makeClient } from '../../../lib/client';
const pool = new Pool({ max: 5 });
export async function GET() {
  return Response.json(await makeClient(new PrismaPg(pool)).user.findMany());
}
`,
    },
    {
      name: 'a client kept on globalThis with its pool inside the guard, in a route module',
      filename: 'app/api/users/route.js',
      code: POOL_INSIDE_GUARD,
    },
    {
      name: 'a client with a Neon adapter per request on the edge, as Neon asks there',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaNeon } from '@prisma/adapter-neon';
export const runtime = 'edge';
export async function GET() {
  const prisma = new PrismaClient({ adapter: new PrismaNeon({ connectionString: process.env.DATABASE_URL }) });
  return Response.json(await prisma.user.findMany());
}
`,
    },
  ],
  invalid: [
    {
      name: 'Neon adapter and client per request, in a TS route handler',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaNeon } from '@prisma/adapter-neon';

export async function GET() {
  const adapter = new PrismaNeon({
    connectionString: process.env.DATABASE_URL,
  });
  const prisma = new PrismaClient({ adapter });
  return Response.json(await prisma.user.findMany());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 8,
          data: { factory: '`new PrismaClient()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: ' with its adapter (`max: 5`)' },
              output: `import { PrismaClient } from '@prisma/client';
import { PrismaNeon } from '@prisma/adapter-neon';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaNeon({
  connectionString: process.env.DATABASE_URL,
  max: 5,
}) });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export async function GET() {
  return Response.json(await prisma.user.findMany());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'MariaDB adapter given a URL, required in a JS Server Action: the URL keeps its own pool size',
      filename: 'app/actions.js',
      code: `'use server';
const { PrismaClient } = require('@prisma/client');
const { PrismaMariaDb } = require('@prisma/adapter-mariadb');

export async function addUser(name) {
  const prisma = new PrismaClient({ adapter: new PrismaMariaDb(process.env.DATABASE_URL) });
  return prisma.user.create({ data: { name } });
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 6,
          data: { factory: '`new PrismaClient()`', where: 'the Server Action `addUser`' },
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'prisma', size: ' with its adapter' },
              output: `'use server';
const { PrismaClient } = require('@prisma/client');
const { PrismaMariaDb } = require('@prisma/adapter-mariadb');

const prisma = globalThis.prisma ?? new PrismaClient({ adapter: new PrismaMariaDb(process.env.DATABASE_URL) });
if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;

export async function addUser(name) {
  return prisma.user.create({ data: { name } });
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an adapter alone per request is a pool of its own, hoisted with a size',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaPg } from '@prisma/adapter-pg';
import { makeClient } from '../../../lib/client';

export async function GET() {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
  return Response.json(await makeClient(adapter).user.findMany());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          data: { factory: '`new PrismaPg()`', where: 'the route handler `GET`' },
          suggestions: [
            {
              messageId: 'hoistPool',
              data: { name: 'adapter', size: ' with `max: 5`' },
              output: `import { PrismaPg } from '@prisma/adapter-pg';
import { makeClient } from '../../../lib/client';

const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 5 });

export async function GET() {
  return Response.json(await makeClient(adapter).user.findMany());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a client per request on an adapter shared at module scope: only the client moves',
      filename: 'app/api/users/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
export async function GET() {
  const db = new PrismaClient({ adapter });
  return Response.json(await db.user.findMany());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolInHandler',
          line: 5,
          suggestions: [
            {
              messageId: 'hoistPrismaClient',
              data: { name: 'db', size: '' },
              output: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });

const globalForPrisma = globalThis as unknown as { db?: PrismaClient };
const db = globalForPrisma.db ?? new PrismaClient({ adapter });
if (process.env.NODE_ENV !== 'production') globalForPrisma.db = db;

export async function GET() {
  return Response.json(await db.user.findMany());
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'an adapter that reads the request: no suggestion',
      filename: 'app/api/[tenant]/route.ts',
      code: `import { PrismaClient } from '@prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';

export async function GET(request: Request) {
  const url = new URL(request.url).searchParams.get('db') ?? '';
  const adapter = new PrismaPg({ connectionString: url });
  const prisma = new PrismaClient({ adapter });
  return Response.json(await prisma.user.findMany());
}
`,
      errors: [
        {
          messageId: 'poolInHandlerNoFix',
          line: 7,
          data: {
            factory: '`new PrismaClient()`',
            where: 'the route handler `GET`',
            reason: 'it reads `url`, which only exists inside the function',
          },
        },
      ],
    },
    {
      name: 'a pool outside the globalThis guard, in a JS route module that requires its modules',
      filename: 'app/api/users/route.js',
      code: `const { PrismaClient } = require('@prisma/client');
const { PrismaPg } = require('@prisma/adapter-pg');
const { Pool } = require('pg');
const pool = new Pool();
const prisma = globalThis.prisma ?? new PrismaClient({ adapter: new PrismaPg(pool) });
if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;
export async function GET() {
  return Response.json(await prisma.user.findMany());
}
`,
      output: null,
      errors: [
        {
          messageId: 'poolOutsideGuard',
          line: 4,
          data: { factory: '`new Pool()`' },
          suggestions: [
            {
              messageId: 'movePoolIntoGuard',
              output: POOL_INSIDE_GUARD,
            },
          ],
        },
      ],
    },
  ],
});
