import { RuleTester } from '@typescript-eslint/rule-tester';
import rule from '../../eslint-plugin/src/rules/no-request-api-in-cache';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const NEXT16 = { next: { version: 16, cacheComponents: true } };

/** A finding at the API call (or helper call); a few cases below also spell out the whole message. */
const inCache = (line: number, column: number) => ({ messageId: 'requestApiInCache', line, column }) as const;

const CACHE_ADVICE = 'read it outside, pass the value in';

ruleTester.run('no-request-api-in-cache', rule, {
  valid: [
    {
      name: 'request APIs in an uncached page',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { cookies, headers } from 'next/headers';
import { connection } from 'next/server';
export default async function Page({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  await connection();
  const { q } = await searchParams;
  const theme = (await cookies()).get('theme');
  return <p>{q}{theme?.value}{(await headers()).get('x')}</p>;
}`,
    },
    {
      name: '"use cache: private" may read cookies(), headers() and searchParams',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { cookies, headers } from 'next/headers';
export default async function Page({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  'use cache: private';
  const { q } = await searchParams;
  const session = (await cookies()).get('session');
  return <p>{q}{session?.value}{(await headers()).get('accept-language')}</p>;
}`,
    },
    {
      name: 'draftMode() may be read inside "use cache"',
      filename: 'app/lib/posts.ts',
      settings: NEXT16,
      code: `import { draftMode } from 'next/headers';
export async function getPosts() {
  'use cache';
  const { isEnabled } = await draftMode();
  return isEnabled ? [] : [1];
}`,
    },
    {
      name: 'after() in a route handler and in a Server Action may use request APIs',
      filename: 'app/api/log/route.ts',
      settings: NEXT16,
      code: `import { after } from 'next/server';
import { headers } from 'next/headers';
export async function POST() {
  after(async () => {
    console.log((await headers()).get('user-agent'));
  });
  return new Response('ok');
}`,
    },
    {
      name: "after() in a 'use server' file",
      filename: 'app/actions.ts',
      settings: NEXT16,
      code: `'use server';
import { after } from 'next/server';
import { cookies } from 'next/headers';
export async function save() {
  after(async () => {
    console.log((await cookies()).get('id'));
  });
}`,
    },
    {
      name: 'connection() before the cached call, and a helper that reads cookies called from uncached code',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { cookies } from 'next/headers';
import { connection } from 'next/server';
async function getTheme() {
  return (await cookies()).get('theme')?.value;
}
async function getPosts() {
  'use cache';
  return [];
}
export default async function Page() {
  await connection();
  const posts = await getPosts();
  return <p data-theme={await getTheme()}>{posts.length}</p>;
}`,
    },
    {
      name: 'a private cache reaching cookies() through a helper',
      filename: 'app/lib/user.ts',
      settings: NEXT16,
      code: `import { cookies } from 'next/headers';
async function readSession() {
  return (await cookies()).get('session')?.value;
}
export async function getUser() {
  'use cache: private';
  return readSession();
}`,
    },
    {
      name: 'a local searchParams that is not the page prop',
      filename: 'app/lib/search.ts',
      settings: NEXT16,
      code: `export async function search(url: string) {
  'use cache';
  const searchParams = new URL(url).searchParams;
  return searchParams.get('q');
}`,
    },
    {
      name: "'use client' file",
      filename: 'app/widget.tsx',
      settings: NEXT16,
      code: `'use client';
import { cookies } from 'next/headers';
export async function load() {
  'use cache';
  return cookies();
}`,
    },
  ],
  invalid: [
    {
      name: 'await connection() inside "use cache", called once from the page: a suggestion moves it to the page',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { connection } from 'next/server';
import { db } from './lib/db';

async function getVisits() {
  'use cache';
  await connection();
  return db.query('SELECT count(*) FROM visits');
}

export default async function Page() {
  const visits = await getVisits();
  return <p>{visits}</p>;
}`,
      output: null,
      errors: [
        {
          ...inCache(6, 9),
          data: {
            api: '`connection()`',
            context: '"use cache"',
            advice: 'call it in the caller, before the cached call',
            via: '',
            nextError:
              "`connection()` can't be called inside `\"use cache\"` because cached functions may run during prerendering, without an incoming request. Call it outside the cached function.",
          },
          suggestions: [
            {
              messageId: 'moveToCaller',
              data: { caller: 'Page' },
              output: `import { connection } from 'next/server';
import { db } from './lib/db';

async function getVisits() {
  'use cache';
  return db.query('SELECT count(*) FROM visits');
}

export default async function Page() {
  await connection();
  const visits = await getVisits();
  return <p>{visits}</p>;
}`,
            },
          ],
        },
      ],
    },
    {
      name: 'no suggestion when the cached function is exported, or called twice',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `import { connection } from 'next/server';
export async function getA() {
  'use cache';
  await connection();
  return 1;
}
async function getB() {
  'use cache';
  await connection();
  return 2;
}
export async function both() {
  return (await getB()) + (await getB());
}`,
      output: null,
      errors: [inCache(4, 9), inCache(9, 9)],
    },
    {
      name: '"use cache: remote" with a renamed cookies import',
      filename: 'app/lib/prefs.ts',
      settings: NEXT16,
      code: `import { cookies as requestCookies } from 'next/headers';
export async function getPrefs() {
  'use cache: remote';
  const store = await requestCookies();
  return store.get('prefs')?.value;
}`,
      errors: [inCache(4, 23)],
    },
    {
      name: '"use cache: private" still forbids connection()',
      filename: 'app/lib/user.ts',
      settings: NEXT16,
      code: `import { connection } from 'next/server';
export async function getUser() {
  'use cache: private';
  await connection();
  return null;
}`,
      errors: [
        {
          ...inCache(4, 9),
          data: {
            api: '`connection()`',
            context: '"use cache: private"',
            advice: 'call it in the caller, before the cached call',
            via: '',
            nextError:
              "`connection()` can't be called inside `\"use cache: private\"` because private cached functions may run during prefetching, without a navigation request. Call it outside the cached function.",
          },
        },
      ],
    },
    {
      name: 'unstable_cache callback (CommonJS, JS file), inline and passed by name',
      filename: 'app/lib/data.js',
      settings: NEXT16,
      code: `const { unstable_cache } = require('next/cache');
const { headers } = require('next/headers');
const getLocale = unstable_cache(async () => (await headers()).get('accept-language'));
async function load() {
  return (await headers()).get('x-id');
}
const getId = unstable_cache(load);
module.exports = { getLocale, getId };`,
      errors: [inCache(3, 53), inCache(5, 17)],
    },
    {
      name: 'generateStaticParams: cookies() and even draftMode() fail at build time',
      filename: 'app/posts/[slug]/page.tsx',
      settings: NEXT16,
      code: `import { cookies, draftMode } from 'next/headers';
export async function generateStaticParams() {
  const preview = (await draftMode()).isEnabled;
  const lang = (await cookies()).get('lang');
  return [{ slug: preview ? 'draft' : String(lang) }];
}
export default function Page() {
  return <p />;
}`,
      errors: [inCache(3, 26), inCache(4, 23)],
    },
    {
      name: "an after() callback of a page: cookies() fails after the render",
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `import { after } from 'next/server';
import { cookies } from 'next/headers';
export default async function Page() {
  after(async () => {
    console.log((await cookies()).get('id'));
  });
  return <p />;
}`,
      errors: [
        {
          ...inCache(5, 24),
          data: {
            api: '`cookies()`',
            context: '`after()`',
            advice: 'read it before `after()`, pass the value in',
            via: '',
            nextError:
              'used `cookies()` inside `after()` while rendering. This is not supported. If you need this data inside an `after()` callback, use `cookies()` outside of the callback.',
          },
        },
      ],
    },
    {
      name: 'searchParams of a cached page, destructured or read from props',
      filename: 'app/search/page.tsx',
      settings: NEXT16,
      code: `export default async function Page({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  'use cache';
  const { q } = await searchParams;
  return <p>{q}</p>;
}
export async function generateMetadata(props: { searchParams: Promise<{ q?: string }> }) {
  'use cache';
  const { q } = await props.searchParams;
  return { title: q };
}`,
      errors: [inCache(3, 23), inCache(8, 23)],
    },
    {
      name: "a file-level 'use cache' covers its exported functions",
      filename: 'app/lib/cached.ts',
      settings: NEXT16,
      code: `'use cache';
import { headers } from 'next/headers';
export async function getCountry() {
  return (await headers()).get('x-vercel-ip-country');
}`,
      errors: [inCache(4, 17)],
    },
    {
      name: 'a same-file helper chain is reported at the call in the cache scope, naming the chain',
      filename: 'app/dashboard/page.tsx',
      settings: NEXT16,
      code: `import { cookies } from 'next/headers';
async function readSession() {
  return (await cookies()).get('session')?.value;
}
const getUser = async () => ({ id: await readSession() });
async function getDashboard() {
  'use cache';
  const user = await getUser();
  return user.id;
}
export default async function Page() {
  return <p>{await getDashboard()}</p>;
}`,
      errors: [
        {
          ...inCache(8, 22),
          data: {
            api: '`cookies()`',
            context: '"use cache"',
            advice: CACHE_ADVICE,
            via: 'It is reached through `getUser()` → `readSession()` → `cookies()`. ',
            nextError: "`cookies()` can't be read inside `\"use cache\"`. Read it outside the cached function and pass what you need as an argument.",
          },
        },
      ],
    },
    {
      name: 'a module outside app/, namespace import, and a use inside a callback of the cached function',
      filename: 'lib/geo.ts',
      settings: NEXT16,
      code: `import * as nextHeaders from 'next/headers';
export async function getCountries(ids: string[]) {
  'use cache';
  return Promise.all(ids.map(async (id) => \`\${id}:\${(await nextHeaders.headers()).get('x-country')}\`));
}`,
      errors: [inCache(4, 60)],
    },
    {
      name: 'a layout\'s after() callback reaching connection() through a helper',
      filename: 'app/layout.tsx',
      settings: NEXT16,
      code: `import { after, connection } from 'next/server';
async function logVisit() {
  await connection();
}
export default function Layout({ children }: { children: React.ReactNode }) {
  after(() => logVisit());
  return <html><body>{children}</body></html>;
}`,
      errors: [inCache(6, 15)],
    },
    {
      name: 'draftMode().enable() inside "use cache"',
      filename: 'app/lib/preview.ts',
      settings: NEXT16,
      code: `import { draftMode } from 'next/headers';
export async function preview() {
  'use cache';
  (await draftMode()).enable();
}`,
      errors: [inCache(4, 3)],
    },
  ],
});
