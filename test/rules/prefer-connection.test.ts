import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/prefer-connection';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

/** Settings for plain file names such as `app/page.tsx`: nothing is read from disk. */
const NEXT16 = { next: { version: 16, cacheComponents: false } };
const NEXT15 = { next: { version: '15.2.0', cacheComponents: false } };

const deprecated = (line: number, column: number, name = 'noStore') => ({ messageId: 'preferConnection', line, column, data: { name } }) as const;

ruleTester.run('prefer-connection', rule, {
  valid: [
    {
      name: 'Next 14: connection() does not exist yet, so noStore() is right',
      filename: 'app/page.tsx',
      settings: { next: { version: 14 } },
      code: `import { unstable_noStore as noStore } from 'next/cache';
export default async function Page() {
  noStore();
  return <p />;
}`,
    },
    {
      name: 'already on connection()',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { connection } from 'next/server';
export default async function Page() {
  await connection();
  return <p />;
}`,
    },
    {
      name: "'use client' file",
      filename: 'app/counter.tsx',
      settings: NEXT16,
      code: `'use client';
import { unstable_noStore as noStore } from 'next/cache';
export function Counter() {
  noStore();
  return <p />;
}`,
    },
    ...['pages/index.tsx', 'pages/api/users.ts', 'middleware.ts'].map((filename) => ({
      name: `${filename}: no App Router request there, connection() would throw`,
      filename,
      settings: NEXT16,
      code: `import { unstable_noStore } from 'next/cache';
export default async function handler() {
  unstable_noStore();
}`,
    })),
    {
      name: 'a function of the same name from another module',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { unstable_noStore } from './no-store';
export default async function Page() {
  unstable_noStore();
  return <p />;
}`,
    },
    {
      name: 'a local noStore()',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `function noStore() {}
export async function load() {
  noStore();
}`,
    },
  ],
  invalid: [
    {
      name: 'renamed import, the only one from next/cache: removed, and connection imported after the last import',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { unstable_noStore as noStore } from 'next/cache';
import { getCount } from './lib/data';

export default async function Page() {
  noStore();
  return <p>{getCount()}</p>;
}`,
      output: `import { getCount } from './lib/data';
import { connection } from 'next/server';

export default async function Page() {
  await connection();
  return <p>{getCount()}</p>;
}`,
      errors: [deprecated(5, 3)],
    },
    {
      name: 'last import: replaced in place',
      filename: 'app/lib/data.ts',
      settings: NEXT15,
      code: `import Database from 'better-sqlite3';
import { unstable_noStore as noStore } from 'next/cache';
const db = new Database('app.db');
export async function getCount() {
  noStore();
  return db.prepare('SELECT 1').get();
}`,
      output: `import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function getCount() {
  await connection();
  return db.prepare('SELECT 1').get();
}`,
      errors: [deprecated(5, 3)],
    },
    {
      name: 'route handler: merged into the next/server import, the other next/cache import kept',
      filename: 'app/api/users/route.ts',
      settings: NEXT16,
      code: `import { NextResponse } from 'next/server';
import { unstable_cache, unstable_noStore } from 'next/cache';

export const cached = unstable_cache(async () => 1);

export async function GET(): Promise<NextResponse> {
  unstable_noStore();
  return NextResponse.json({ ok: true });
}`,
      output: `import { NextResponse, connection } from 'next/server';
import { unstable_cache } from 'next/cache';

export const cached = unstable_cache(async () => 1);

export async function GET(): Promise<NextResponse> {
  await connection();
  return NextResponse.json({ ok: true });
}`,
      errors: [deprecated(7, 3, 'unstable_noStore')],
    },
    {
      name: 'CommonJS require with a rename, JS file; the name connection is taken',
      filename: 'app/lib/data.js',
      settings: NEXT16,
      code: `const { unstable_cache, unstable_noStore: noStore } = require('next/cache');
const connection = require('./db');
async function getCount() {
  noStore();
  return connection.count();
}
module.exports = { getCount, unstable_cache };`,
      output: `const { unstable_cache } = require('next/cache');
const connection = require('./db');
const { connection: nextConnection } = require('next/server');
async function getCount() {
  await nextConnection();
  return connection.count();
}
module.exports = { getCount, unstable_cache };`,
      errors: [deprecated(4, 3)],
    },
    {
      name: 'the only require in an ES module (TS): an import of connection takes its place',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `const { unstable_noStore } = require('next/cache');
export const load = async (): Promise<number> => {
  unstable_noStore();
  return 1;
};`,
      output: `import { connection } from 'next/server';
export const load = async (): Promise<number> => {
  await connection();
  return 1;
};`,
      errors: [deprecated(3, 3, 'unstable_noStore')],
    },
    {
      name: 'an after() callback of a page runs after the response: no effect there',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { after } from 'next/server';
import { unstable_noStore as noStore } from 'next/cache';
export default async function Page() {
  after(() => {
    noStore();
  });
  return <p />;
}`,
      output: null,
      errors: [
        {
          messageId: 'noStoreHasNoEffect',
          line: 5,
          column: 5,
          data: { name: 'noStore', context: '`after()`' },
          suggestions: [
            {
              messageId: 'removeNoStore',
              output: `import { after } from 'next/server';
export default async function Page() {
  after(() => {
  });
  return <p />;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'namespace import: the call is replaced, the namespace import stays',
      filename: 'app/dashboard/page.jsx',
      settings: NEXT16,
      code: `import * as cache from 'next/cache';
export default async function Page() {
  cache.unstable_noStore();
  return <p />;
}`,
      output: `import * as cache from 'next/cache';
import { connection } from 'next/server';
export default async function Page() {
  await connection();
  return <p />;
}`,
      errors: [deprecated(3, 3, 'cache.unstable_noStore')],
    },
    {
      name: 'two calls: the import goes with the last one (two passes)',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `import { unstable_noStore as noStore } from 'next/cache';
export async function a() {
  noStore();
}
export async function b() {
  noStore();
}`,
      output: [
        `import { unstable_noStore as noStore } from 'next/cache';
import { connection } from 'next/server';
export async function a() {
  await connection();
}
export async function b() {
  noStore();
}`,
        `import { connection } from 'next/server';
export async function a() {
  await connection();
}
export async function b() {
  await connection();
}`,
      ],
      errors: [deprecated(3, 3), deprecated(6, 3)],
    },
    {
      name: 'not async: a suggestion that makes it async (its callers then get a Promise)',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `import { unstable_noStore as noStore } from 'next/cache';
export function getRows(): number[] {
  noStore();
  return [];
}`,
      output: null,
      errors: [
        {
          ...deprecated(3, 3),
          suggestions: [
            {
              messageId: 'replaceWithConnectionAndAsync',
              output: `import { connection } from 'next/server';
export async function getRows(): Promise<number[]> {
  await connection();
  return [];
}`,
            },
          ],
        },
      ],
    },
    ...[
      // A project root with no package.json: nothing tells the version.
      { why: 'the Next.js version is unknown', filename: '/tmp/next-db-unknown-version/app/page.tsx', settings: { next: { rootDir: 'tmp/next-db-unknown-version' } } },
      { why: 'Cache Components is on', filename: 'app/page.tsx', settings: { next: { version: 16, cacheComponents: true } } },
      { why: 'the file is outside app/ (Pages Router code may call it)', filename: 'lib/data.ts', settings: NEXT16 },
    ].map(({ why, filename, settings }) => ({
      name: `a suggestion, not an autofix, when ${why}`,
      filename,
      settings,
      code: `import { unstable_noStore as noStore } from 'next/cache';
export default async function load() {
  noStore();
}`,
      output: null,
      errors: [
        {
          ...deprecated(3, 3),
          suggestions: [
            {
              messageId: 'replaceWithConnection' as const,
              output: `import { connection } from 'next/server';
export default async function load() {
  await connection();
}`,
            },
          ],
        },
      ],
    })),
    {
      name: "inside 'use cache' it has no effect: a suggestion removes it",
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `import { unstable_noStore as noStore } from 'next/cache';
export async function getPosts() {
  'use cache';
  noStore();
  return [];
}`,
      output: null,
      errors: [
        {
          messageId: 'noStoreHasNoEffect',
          line: 4,
          column: 3,
          data: { name: 'noStore', context: '"use cache"' },
          suggestions: [
            {
              messageId: 'removeNoStore',
              output: `export async function getPosts() {
  'use cache';
  return [];
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'inside an unstable_cache callback, and in generateStaticParams',
      filename: 'app/posts/[id]/page.tsx',
      settings: NEXT16,
      code: `import { unstable_cache, unstable_noStore } from 'next/cache';
const getPosts = unstable_cache(async () => {
  unstable_noStore();
  return [];
});
export async function generateStaticParams() {
  unstable_noStore();
  return [];
}`,
      output: null,
      errors: [
        {
          messageId: 'noStoreHasNoEffect',
          line: 3,
          column: 3,
          data: { name: 'unstable_noStore', context: '`unstable_cache()`' },
          suggestions: [
            {
              messageId: 'removeNoStore',
              output: `import { unstable_cache, unstable_noStore } from 'next/cache';
const getPosts = unstable_cache(async () => {
  return [];
});
export async function generateStaticParams() {
  unstable_noStore();
  return [];
}`,
            },
          ],
        },
        {
          messageId: 'noStoreHasNoEffect',
          line: 7,
          column: 3,
          data: { name: 'unstable_noStore', context: '`generateStaticParams`' },
          suggestions: [
            {
              messageId: 'removeNoStore',
              output: `import { unstable_cache, unstable_noStore } from 'next/cache';
const getPosts = unstable_cache(async () => {
  unstable_noStore();
  return [];
});
export async function generateStaticParams() {
  return [];
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no fix at module scope or inside a larger expression',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `import { unstable_noStore as noStore } from 'next/cache';
noStore();
export async function load() {
  return noStore() ?? 1;
}`,
      output: null,
      errors: [deprecated(2, 1), deprecated(4, 10)],
    },
  ],
});
