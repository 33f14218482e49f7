import * as path from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { Linter, type Rule } from 'eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../eslint-plugin/src/rules/require-connection';

const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
});

const FIXTURES = path.resolve('test/fixtures/require-connection');

/** Settings for a plain file name such as `app/page.tsx`: the Next version is given, nothing is read from disk. */
const NEXT16 = { next: { version: 16, cacheComponents: false } };
const NEXT15 = { next: { version: '15.1.0', cacheComponents: false } };

/**
 * A file of a fixture project, with settings that point `rootDir` at it. The
 * rule tester lints absolute paths with `/` as the working directory, so
 * `rootDir` is relative to `/`. Version and cacheComponents come from the project's files.
 */
function inProject(project: string, file: string) {
  const root = path.join(FIXTURES, project);
  return { filename: path.join(root, file), settings: { next: { rootDir: path.relative('/', root) } } };
}

const connectionError = (line: number, column: number, method = 'get()') =>
  ({ messageId: 'requireConnection', line, column, data: { method } }) as const;

ruleTester.run('require-connection', rule, {
  valid: [
    // --- Exemptions: a request-time API before the query ---
    {
      name: 'await connection() before the query',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';

const db = new Database('app.db');

export default async function Page() {
  await connection();
  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  return <p>{row.n}</p>;
}
`,
    },
    {
      name: 'connection() imported under another name',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import { connection as waitForRequest } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getCount() {
  await waitForRequest();
  return db.prepare('SELECT 1').get();
}
`,
    },
    {
      name: 'await cookies() before the query',
      filename: 'app/dashboard/page.tsx',
      settings: NEXT16,
      code: `
import { cookies } from 'next/headers';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Dashboard() {
  const theme = (await cookies()).get('theme');
  const rows = db.prepare('SELECT * FROM widgets').all();
  return <ul className={theme?.value}>{rows.length}</ul>;
}
`,
    },
    {
      name: 'await headers() before the query, in a callback of the same function',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import { headers } from 'next/headers';
import Database from 'better-sqlite3';
const db = new Database('app.db');
const byId = db.prepare('SELECT * FROM items WHERE id = ?');
export default async function Page() {
  const requestHeaders = await headers();
  const items = [1, 2].map((id) => byId.get(id));
  return <p>{requestHeaders.get('host')}{items.length}</p>;
}
`,
    },
    {
      name: 'await draftMode() before the query',
      filename: 'app/blog/page.tsx',
      settings: NEXT16,
      code: `
import { draftMode } from 'next/headers';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Blog() {
  const { isEnabled } = await draftMode();
  const posts = db.prepare('SELECT * FROM posts WHERE draft = ?').all(isEnabled ? 1 : 0);
  return <p>{posts.length}</p>;
}
`,
    },
    {
      name: 'awaited searchParams before the query',
      filename: 'app/search/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Search({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const rows = db.prepare('SELECT * FROM posts WHERE title LIKE ?').all(\`%\${q}%\`);
  return <p>{rows.length}</p>;
}
`,
    },
    {
      name: 'props.searchParams read before the query (Next 14 style)',
      filename: 'app/search/page.jsx',
      settings: NEXT16,
      code: `
const Database = require('better-sqlite3');
const db = new Database('app.db');
export default function Search(props) {
  const q = props.searchParams.q;
  const rows = db.prepare('SELECT * FROM posts WHERE title LIKE ?').all(q);
  return <p>{rows.length}</p>;
}
`,
    },
    {
      name: 'unstable_noStore() before the query',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import { unstable_noStore as noStore } from 'next/cache';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  noStore();
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
    },
    // --- Exemptions: the file or function is not prerendered, or build time is intended ---
    {
      name: "export const dynamic = 'force-dynamic'",
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const dynamic = 'force-dynamic';
export default async function Page() {
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
    },
    {
      name: 'export const revalidate = 0',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const revalidate = 0;
export default async function Page() {
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
    },
    {
      name: "'use cache' function",
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getCategories() {
  'use cache';
  return db.prepare('SELECT * FROM categories').all();
}
`,
    },
    {
      name: "'use cache: remote' file",
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
'use cache: remote';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getCategories() {
  return db.prepare('SELECT * FROM categories').all();
}
`,
    },
    {
      name: 'unstable_cache callback',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import { unstable_cache } from 'next/cache';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const getCategories = unstable_cache(async () => db.prepare('SELECT * FROM categories').all(), ['categories']);
`,
    },
    {
      name: 'generateStaticParams',
      filename: 'app/posts/[slug]/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function generateStaticParams() {
  return db.prepare('SELECT slug FROM posts').all();
}
`,
    },
    {
      name: "'use client' file",
      filename: 'app/components/counter.tsx',
      settings: NEXT16,
      code: `
'use client';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function Counter() {
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
    },
    {
      name: "'use server' file (Server Actions run per request)",
      filename: 'app/actions.ts',
      settings: NEXT16,
      code: `
'use server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function addVisit() {
  db.prepare('UPDATE counters SET value = value + 1').run();
}
`,
    },
    {
      name: "inline 'use server' action inside a page",
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default function Page() {
  async function addVisit() {
    'use server';
    db.prepare('UPDATE counters SET value = value + 1').run();
  }
  return <form action={addVisit}><button>+1</button></form>;
}
`,
    },
    // --- Setup at module scope, and values that are not databases ---
    {
      name: 'pragma, exec and prepare at module scope are setup, not frozen results',
      filename: 'app/lib/db.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
export const db = new Database('app.db');
db.pragma('journal_mode = WAL');
db.exec('CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY, name TEXT)');
export const selectUser = db.prepare('SELECT * FROM users WHERE id = ?');
`,
    },
    {
      name: 'Map.get and a look-alike object are not databases',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
const labels = new Map<string, string>();
const fake = { prepare: (sql: string) => ({ get: () => sql }) };
export default async function Page() {
  return <p>{labels.get('title')}{fake.prepare('x').get()}</p>;
}
`,
    },
    {
      name: 'a Database from another module is not better-sqlite3',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'some-other-db';
const db = new Database('app.db');
export default async function Page() {
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
    },
    {
      name: 'a commented-out query',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  // const row = db.prepare('SELECT 1').get();
  return <p>static</p>;
}
`,
    },
    {
      name: 'queries inside a transaction body are reported where the transaction is called, not here',
      filename: 'app/lib/db.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const addUsers = db.transaction((names: string[]) => {
  for (const name of names) db.prepare('INSERT INTO users (name) VALUES (?)').run(name);
});
`,
    },
    // --- Files that Next.js does not prerender ---
    {
      name: 'a seed script outside app/',
      filename: 'scripts/seed.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
async function main() {
  db.prepare('INSERT INTO users (name) VALUES (?)').run('Ada');
}
void main();
`,
    },
    {
      name: 'a lib/ module without server-only',
      filename: 'lib/queries.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function countUsers() {
  return db.prepare('SELECT count(*) FROM users').get();
}
`,
    },
    {
      name: 'a Pages Router API route',
      filename: 'pages/api/users.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default function handler(req: unknown, res: { json(body: unknown): void }) {
  res.json(db.prepare('SELECT * FROM users').all());
}
`,
    },
    {
      name: 'a Next 15+ GET route handler is dynamic by default',
      filename: 'app/api/users/route.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
    },
    {
      name: 'POST in a force-static route file runs per request',
      filename: 'app/api/users/route.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const dynamic = 'force-static';
export async function POST(request: Request) {
  const { name } = await request.json();
  db.prepare('INSERT INTO users (name) VALUES (?)').run(name);
  return new Response(null, { status: 201 });
}
`,
    },
    {
      name: 'Next 15 project: cacheComponents only in a comment of next.config.ts, GET stays dynamic',
      ...inProject('next15', 'app/api/users/route.ts'),
      code: `
import { db } from '@/lib/db';
export async function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
    },
    {
      name: 'Next 14 GET that reads its request is dynamic',
      ...inProject('next14', 'app/api/search/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams.get('q');
  return Response.json(db.prepare('SELECT * FROM posts WHERE title = ?').all(q));
}
`,
    },
    {
      name: 'Next 14 GET that calls cookies() anywhere is dynamic',
      ...inProject('next14', 'app/api/me/route.ts'),
      code: `
import { cookies } from 'next/headers';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET() {
  const users = db.prepare('SELECT * FROM users').all();
  const session = cookies().get('session');
  return Response.json({ users, session });
}
`,
    },
    // --- Imported bindings that are not databases ---
    {
      name: 'imported async data function and a Map: not queries here',
      ...inProject('next15', 'app/users/page.tsx'),
      code: `
import { getUsers, APP_NAME } from '@/lib/db';
import { cache, db } from '../lib/cache';
export default async function Users() {
  const users = await getUsers();
  return <p>{APP_NAME}{cache.get('x')}{db.prepare('x').get()}{users.length}</p>;
}
`,
    },
    {
      name: 'type-only imports of the database and a statement bind no value: nothing to follow',
      ...inProject('next15', 'app/users/page.tsx'),
      code: `
import type { db } from '@/lib/db';
import { type selectUser } from '@/lib/db';
export default function Users() {
  return <p>{String(db.prepare('SELECT 1').get())}{String(selectUser.get(1))}</p>;
}
`,
    },
    {
      name: 'a file-local helper called only after await connection()',
      filename: 'app/stats/page.tsx',
      settings: NEXT16,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
function getStats() {
  return db.prepare('SELECT * FROM stats').get();
}
export default async function Stats() {
  await connection();
  return <p>{String(getStats())}</p>;
}
`,
    },
    {
      name: 'a closure declared before await connection() and called only after it',
      filename: 'app/posts/page.tsx',
      settings: NEXT16,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Posts() {
  const loadPosts = () => db.prepare('SELECT * FROM posts').all() as { id: number }[];
  await connection();
  return <ul>{loadPosts().map((post) => <li key={post.id}>{post.id}</li>)}</ul>;
}
`,
    },
    {
      name: "a fetch with cache: 'no-store' or next.revalidate = 0 before the query (the same as noStore())",
      filename: 'app/weather/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Weather() {
  const forecast = await fetch('https://api.example.com/forecast', { cache: 'no-store' }).then((res) => res.json());
  const cities = db.prepare('SELECT * FROM cities').all();
  return <p>{String(forecast)}{cities.length}</p>;
}
export async function generateMetadata() {
  await fetch('https://api.example.com/alerts', { next: { revalidate: 0 } });
  return { title: String(db.prepare('SELECT count(*) FROM alerts').pluck().get()) };
}
`,
    },
    {
      name: "instrumentation.ts: register() runs at server start, where connection() would throw",
      filename: 'instrumentation.ts',
      settings: NEXT16,
      code: `
import 'server-only';
import Database from 'better-sqlite3';
export async function register() {
  const db = new Database('app.db');
  db.exec('CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY)');
  const { n } = db.prepare('SELECT count(*) AS n FROM posts').get() as { n: number };
  console.log(\`\${n} posts\`);
}
`,
    },
    // --- Files that ask for a static result ---
    {
      name: "Next 15: dynamic = 'force-static' asks for a static GET, where connection() resolves at once without opting out",
      ...inProject('next15', 'app/api/users/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const dynamic = 'force-static';
export async function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
    },
    {
      name: "dynamic = 'error' demands a static page, where connection() would fail the build",
      filename: 'app/docs/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('docs.db');
export const dynamic = 'error';
export default function Docs() {
  const pages = db.prepare('SELECT title FROM pages').all() as { title: string }[];
  return <ul>{pages.map((page) => <li key={page.title}>{page.title}</li>)}</ul>;
}
`,
    },
    // --- Build-time contexts reached through a name ---
    {
      name: 'unstable_cache given a declared function, and a helper only its callback calls',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
import { unstable_cache } from 'next/cache';
const db = new Database('app.db');
async function fetchPosts() {
  return db.prepare('SELECT * FROM posts').all();
}
export const getPosts = unstable_cache(fetchPosts, ['posts'], { revalidate: 3600 });
const loadTags = () => db.prepare('SELECT * FROM tags').all();
export const getTags = unstable_cache(async () => loadTags(), ['tags']);
`,
    },
    {
      name: 'a helper that only generateStaticParams calls, also through another helper',
      filename: 'app/posts/[slug]/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
function listSlugs() {
  return db.prepare('SELECT slug FROM posts').all() as { slug: string }[];
}
const toParams = () => listSlugs().map(({ slug }) => ({ slug }));
export async function generateStaticParams() {
  return toParams();
}
export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return <h1>{slug}</h1>;
}
`,
    },
    // --- The request read through an import, or by a layout above ---
    {
      name: "Auth.js v5: await auth() from the project's auth.ts reads the request",
      ...inProject('next15', 'app/account/page.tsx'),
      code: `
import { auth } from '@/auth';
import { selectUser } from '@/lib/db';
export default async function Account() {
  const session = await auth();
  return <p>{String(selectUser.get(session?.user?.id))}</p>;
}
`,
    },
    {
      name: 'a session helper of the project that reads cookies() through a helper of its own',
      ...inProject('next15', 'app/profile/page.tsx'),
      code: `
import { getCurrentUser } from '../../lib/session';
import { selectUser } from '../../lib/db';
export default async function Profile() {
  const user = await getCurrentUser();
  return <p>{String(selectUser.get(user?.id))}</p>;
}
`,
    },
    {
      name: "a project's session check wrapped in React's cache() (Lucia's validateRequest)",
      ...inProject('next15', 'app/settings/page.tsx'),
      code: `
import { validateRequest } from '@/lib/session';
import { selectUser } from '@/lib/db';
export default async function Settings() {
  const { user } = await validateRequest();
  return <p>{String(selectUser.get(user?.id))}</p>;
}
`,
    },
    {
      name: 'getServerSession (next-auth v4) and auth() (Clerk) read the request',
      filename: 'app/dashboard/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
import { getServerSession } from 'next-auth';
import { auth as clerkAuth } from '@clerk/nextjs/server';
const db = new Database('app.db');
export default async function Dashboard() {
  const session = await getServerSession();
  const { userId } = await clerkAuth();
  const rows = db.prepare('SELECT * FROM todos WHERE user = ? OR user = ?').all(session?.user?.email, userId);
  return <p>{rows.length}</p>;
}
`,
    },
    {
      name: 'a page below a layout that reads cookies() renders per request (ƒ)',
      ...inProject('next15', 'app/(dashboard)/stats/page.tsx'),
      code: `
import { selectUser } from '@/lib/db';
export default function Stats() {
  return <p>{String(selectUser.get(1))}</p>;
}
`,
    },
    {
      name: "a page below a layout with dynamic = 'force-dynamic'",
      ...inProject('next15', 'app/admin/users/page.tsx'),
      code: `
import { selectUser } from '@/lib/db';
export default function Users() {
  return <p>{String(selectUser.get(1))}</p>;
}
`,
    },
    // --- Routes rendered per request: a dynamic segment that generateStaticParams does not list ---
    {
      name: 'a page under a dynamic segment without generateStaticParams is rendered per request (ƒ)',
      filename: 'app/posts/[slug]/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = db.prepare('SELECT * FROM posts WHERE slug = ?').get(slug) as { title: string };
  return <h1>{post.title}</h1>;
}
`,
    },
    {
      name: 'an Open Graph image under an unlisted dynamic segment is rendered per request too',
      filename: 'app/posts/[slug]/opengraph-image.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
import { ImageResponse } from 'next/og';
const db = new Database('app.db');
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const post = db.prepare('SELECT title FROM posts WHERE slug = ?').get(slug) as { title: string };
  return new ImageResponse(<div>{post.title}</div>);
}
`,
    },
    {
      name: 'a parent layout lists [lang], but the deeper [slug] segment stays unlisted',
      ...inProject('next15', 'app/[lang]/posts/[slug]/page.tsx'),
      code: `
import { selectUser } from '../../../../lib/db';
export default function Post() {
  return <p>{String(selectUser.get(1))}</p>;
}
`,
    },
    {
      name: 'Next 15: revalidate opts a GET in, but its unlisted [id] segment still renders per request',
      filename: 'app/api/posts/[id]/route.ts',
      settings: NEXT15,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const revalidate = 60;
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return Response.json(db.prepare('SELECT * FROM posts WHERE id = ?').get(id));
}
`,
    },
    {
      name: 'cacheComponents: a GET under an unlisted dynamic segment is still rendered per request',
      ...inProject('cache-components', 'app/api/posts/[id]/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET() {
  return Response.json(db.prepare('SELECT count(*) AS n FROM posts').get());
}
`,
    },
    {
      name: 'Next 14: a page under an unlisted dynamic segment renders per request too',
      filename: 'app/posts/[slug]/page.jsx',
      settings: { next: { version: 14 } },
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default function Post({ params }) {
  const post = db.prepare('SELECT * FROM posts WHERE slug = ?').get(params.slug);
  return <h1>{post.title}</h1>;
}
`,
    },
    // --- Setup, not results ---
    {
      name: 'setup inside a lazy getDb() factory freezes nothing',
      filename: 'app/lib/db.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
let db: Database.Database | undefined;
export function getDb() {
  if (!db) {
    db = new Database('app.db');
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, title TEXT)');
  }
  return db;
}
`,
    },
    {
      name: 'setup in an immediately invoked function at module scope',
      filename: 'app/lib/db.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
export const db = new Database('app.db');
(() => {
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY)');
})();
`,
    },
  ],
  invalid: [
    {
      name: 'CRLF file: the inserted import and statement keep the file\'s line endings',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: [
        "import Database from 'better-sqlite3';",
        "const db = new Database('app.db');",
        'export async function getCount() {',
        "  return db.prepare('SELECT 1').get();",
        '}',
        '',
      ].join('\r\n'),
      output: [
        "import Database from 'better-sqlite3';",
        "import { connection } from 'next/server';",
        "const db = new Database('app.db');",
        'export async function getCount() {',
        '  await connection();',
        "  return db.prepare('SELECT 1').get();",
        '}',
        '',
      ].join('\r\n'),
      errors: [connectionError(4, 33)],
    },
    // --- Drivers and query shapes ---
    {
      name: 'page component, default import: autofix adds the import and the call',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';

const db = new Database('app.db');

export default async function Page() {
  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  return <p>{row.n}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';

const db = new Database('app.db');

export default async function Page() {
  await connection();
  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  return <p>{row.n}</p>;
}
`,
      errors: [connectionError(7, 61)],
    },
    {
      name: 'two-step statement and several queries in one function: one insertion',
      filename: 'app/stats/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
const countUsers = db.prepare('SELECT count(*) AS n FROM users');
export default async function Stats() {
  const users = countUsers.get();
  const posts = db.prepare('SELECT * FROM posts').all();
  for (const row of db.prepare('SELECT * FROM tags').iterate()) console.log(row);
  return <p>{String(users)}{posts.length}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
const countUsers = db.prepare('SELECT count(*) AS n FROM users');
export default async function Stats() {
  await connection();
  const users = countUsers.get();
  const posts = db.prepare('SELECT * FROM posts').all();
  for (const row of db.prepare('SELECT * FROM tags').iterate()) console.log(row);
  return <p>{String(users)}{posts.length}</p>;
}
`,
      errors: [connectionError(6, 28), connectionError(7, 51, 'all()'), connectionError(8, 54, 'iterate()')],
    },
    {
      name: 'a transaction called through a later assignment, `??`, a ternary and a type assertion',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
let addVisit;
addVisit = db.transaction(() => db.prepare('UPDATE counters SET value = value + 1').run());
const fallback = undefined ?? db.transaction(() => db.exec('VACUUM'));
const either = Math.random() > 0.5 ? addVisit : fallback;
export default async function Page() {
  either();
  (fallback as () => void)();
  return <p />;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
let addVisit;
addVisit = db.transaction(() => db.prepare('UPDATE counters SET value = value + 1').run());
const fallback = undefined ?? db.transaction(() => db.exec('VACUUM'));
const either = Math.random() > 0.5 ? addVisit : fallback;
export default async function Page() {
  await connection();
  either();
  (fallback as () => void)();
  return <p />;
}
`,
      errors: [connectionError(9, 3, 'transaction()'), connectionError(10, 3, 'transaction()')],
    },
    {
      name: 'run, exec, pragma, pluck chain, transaction and its variants',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
const addVisit = db.transaction(() => {
  db.prepare('UPDATE counters SET value = value + 1').run();
});
export async function recordVisit() {
  db.prepare('INSERT INTO log DEFAULT VALUES').run();
  db.exec('DELETE FROM log WHERE old = 1');
  const mode = db.pragma('journal_mode', { simple: true });
  const total = db.prepare('SELECT value FROM counters').pluck().get();
  addVisit();
  addVisit.immediate();
  return { mode, total };
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
const addVisit = db.transaction(() => {
  db.prepare('UPDATE counters SET value = value + 1').run();
});
export async function recordVisit() {
  await connection();
  db.prepare('INSERT INTO log DEFAULT VALUES').run();
  db.exec('DELETE FROM log WHERE old = 1');
  const mode = db.pragma('journal_mode', { simple: true });
  const total = db.prepare('SELECT value FROM counters').pluck().get();
  addVisit();
  addVisit.immediate();
  return { mode, total };
}
`,
      errors: [
        connectionError(8, 48, 'run()'),
        connectionError(9, 6, 'exec()'),
        connectionError(10, 19, 'pragma()'),
        connectionError(11, 66),
        connectionError(12, 3, 'transaction()'),
        connectionError(13, 12, 'immediate()'),
      ],
    },
    {
      name: 'node:sqlite DatabaseSync, renamed import',
      filename: 'app/lib/analytics.ts',
      settings: NEXT16,
      code: `
import { DatabaseSync as Sqlite } from 'node:sqlite';
const db = new Sqlite('analytics.db');
export async function getPageViews() {
  return db.prepare('SELECT count(*) AS n FROM views').get();
}
`,
      output: `
import { DatabaseSync as Sqlite } from 'node:sqlite';
import { connection } from 'next/server';
const db = new Sqlite('analytics.db');
export async function getPageViews() {
  await connection();
  return db.prepare('SELECT count(*) AS n FROM views').get();
}
`,
      errors: [connectionError(5, 56)],
    },
    {
      name: 'node:sqlite through require in a CommonJS file keeps the directive first and adds a require',
      filename: 'app/lib/analytics.js',
      settings: NEXT16,
      code: `
'use strict';
const sqlite = require('node:sqlite');
const db = new sqlite.DatabaseSync('analytics.db');
async function getPageViews() {
  return db.prepare('SELECT count(*) AS n FROM views').get();
}
module.exports = { getPageViews };
`,
      output: `
'use strict';
const sqlite = require('node:sqlite');
const { connection } = require('next/server');
const db = new sqlite.DatabaseSync('analytics.db');
async function getPageViews() {
  await connection();
  return db.prepare('SELECT count(*) AS n FROM views').get();
}
module.exports = { getPageViews };
`,
      errors: [connectionError(6, 56)],
    },
    {
      name: 'better-sqlite3 through require in an ES module JSX page, without semicolons: the import goes first',
      filename: 'app/users/page.jsx',
      settings: NEXT16,
      code: `
const Database = require('better-sqlite3')
const db = Database('app.db')
export default async function Users() {
  const users = db.prepare('SELECT * FROM users').all()
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>
}
`,
      output: `
import { connection } from 'next/server'

const Database = require('better-sqlite3')
const db = Database('app.db')
export default async function Users() {
  await connection()
  const users = db.prepare('SELECT * FROM users').all()
  return <ul>{users.map((user) => <li key={user.id}>{user.name}</li>)}</ul>
}
`,
      errors: [connectionError(5, 51, 'all()')],
    },
    // --- Where the fix goes: suggestions, module scope, arrow bodies ---
    {
      name: 'a data function that is not async: suggestion only, it makes the function async',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function getVisitorCount(): unknown {
  return db.prepare('SELECT value FROM counters').get();
}
`,
      output: null,
      errors: [
        {
          ...connectionError(5, 51),
          suggestions: [
            {
              messageId: 'addConnectionAndAsync',
              output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function getVisitorCount(): Promise<unknown> {
  await connection();
  return db.prepare('SELECT value FROM counters').get();
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a callback inside the component: suggestion for the component',
      filename: 'app/posts/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
const commentCount = db.prepare('SELECT count(*) AS n FROM comments WHERE post_id = ?');
export default async function Posts({ ids }: { ids: number[] }) {
  return <ul>{ids.map((id) => <li key={id}>{String(commentCount.get(id))}</li>)}</ul>;
}
`,
      output: null,
      errors: [
        {
          ...connectionError(6, 65),
          suggestions: [
            {
              messageId: 'addConnection',
              output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
const commentCount = db.prepare('SELECT count(*) AS n FROM comments WHERE post_id = ?');
export default async function Posts({ ids }: { ids: number[] }) {
  await connection();
  return <ul>{ids.map((id) => <li key={id}>{String(commentCount.get(id))}</li>)}</ul>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a read at module scope: reported, no fix',
      filename: 'app/lib/settings.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const settings = db.prepare('SELECT * FROM settings').all();
`,
      output: null,
      errors: [{ messageId: 'queryAtModuleScope', line: 4, column: 62, data: { method: 'all()', optOut: 'await connection()' } }],
    },
    {
      name: 'an async arrow with an expression body becomes a block',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const getUsers = async () => db.prepare('SELECT * FROM users').all();
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export const getUsers = async () => { await connection(); return db.prepare('SELECT * FROM users').all(); };
`,
      errors: [connectionError(4, 71, 'all()')],
    },
    {
      name: 'generateMetadata is prerendered too',
      filename: 'app/about/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function generateMetadata() {
  const site = db.prepare('SELECT title FROM site').get() as { title: string };
  return { title: site.title };
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function generateMetadata() {
  await connection();
  const site = db.prepare('SELECT title FROM site').get() as { title: string };
  return { title: site.title };
}
`,
      errors: [connectionError(5, 53)],
    },
    {
      name: "a server-only module outside app/",
      filename: 'lib/queries.ts',
      settings: NEXT16,
      code: `
import 'server-only';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function countUsers() {
  return db.prepare('SELECT count(*) FROM users').get();
}
`,
      output: `
import 'server-only';
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function countUsers() {
  await connection();
  return db.prepare('SELECT count(*) FROM users').get();
}
`,
      errors: [connectionError(6, 51)],
    },
    // --- Comments, directives and imports around the inserted code ---
    {
      name: 'comments stay with their code; a function directive stays first',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3'; // the app database
const db = new Database('app.db');
export async function getTotals() { // totals for the header
  'use strict'; // legacy
  // one row per counter
  return db.prepare('SELECT * FROM counters').all();
}
`,
      output: `
import Database from 'better-sqlite3'; // the app database
import { connection } from 'next/server';
const db = new Database('app.db');
export async function getTotals() { // totals for the header
  'use strict'; // legacy
  await connection();
  // one row per counter
  return db.prepare('SELECT * FROM counters').all();
}
`,
      errors: [connectionError(7, 47, 'all()')],
    },
    {
      name: 'merges into an existing next/server import, next to a type-only one',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import type { NextRequest } from 'next/server';
import { after } from "next/server";
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getCount(request?: NextRequest) {
  after(() => console.log(request?.url));
  return db.prepare('SELECT 1').get();
}
`,
      output: `
import type { NextRequest } from 'next/server';
import { after, connection } from "next/server";
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getCount(request?: NextRequest) {
  await connection();
  after(() => console.log(request?.url));
  return db.prepare('SELECT 1').get();
}
`,
      errors: [connectionError(8, 33)],
    },
    {
      name: 'connection already imported but called after the query: reuse the import',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import { connection as waitForRequest } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  const row = db.prepare('SELECT 1 AS one').get();
  await waitForRequest();
  return <p>{String(row)}</p>;
}
`,
      output: `
import { connection as waitForRequest } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  await waitForRequest();
  const row = db.prepare('SELECT 1 AS one').get();
  await waitForRequest();
  return <p>{String(row)}</p>;
}
`,
      errors: [connectionError(6, 45)],
    },
    {
      name: 'the name connection is taken: import it under an alias',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const connection = new Database('app.db');
export async function getCount() {
  return connection.prepare('SELECT 1').get();
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection as nextConnection } from 'next/server';
const connection = new Database('app.db');
export async function getCount() {
  await nextConnection();
  return connection.prepare('SELECT 1').get();
}
`,
      errors: [connectionError(5, 41)],
    },
    {
      name: 'a local connection() that is not from next/server does not count, and is not shadowed',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  const connection = () => db;
  connection();
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection as nextConnection } from 'next/server';
const db = new Database('app.db');
export default async function Page() {
  await nextConnection();
  const connection = () => db;
  connection();
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
      errors: [connectionError(7, 44)],
    },
    {
      name: 'cookies from another module is not a request-time API',
      filename: 'app/page.tsx',
      settings: NEXT16,
      code: `
import { cookies } from './fake-headers';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  await cookies();
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
      output: `
import { cookies } from './fake-headers';
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export default async function Page() {
  await connection();
  await cookies();
  return <p>{String(db.prepare('SELECT 1').get())}</p>;
}
`,
      errors: [connectionError(7, 44)],
    },
    {
      name: 'connection() after the query does not help',
      filename: 'app/page.tsx',
      settings: NEXT15,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  const rows = db.prepare('SELECT * FROM users').all();
  await connection();
  return <p>{rows.length}</p>;
}
`,
      output: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Page() {
  await connection();
  const rows = db.prepare('SELECT * FROM users').all();
  await connection();
  return <p>{rows.length}</p>;
}
`,
      errors: [connectionError(6, 50, 'all()')],
    },
    // --- Route handlers by version ---
    {
      name: 'Next 14 (package.json): a GET that reads no request is static; noStore() is its opt-out',
      ...inProject('next14', 'app/api/users/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
export async function POST(request: Request) {
  db.prepare('INSERT INTO users (name) VALUES (?)').run((await request.json()).name);
  return new Response(null, { status: 201 });
}
`,
      output: `
import Database from 'better-sqlite3';
import { unstable_noStore as noStore } from 'next/cache';
const db = new Database('app.db');
export function GET() {
  noStore();
  return Response.json(db.prepare('SELECT * FROM users').all());
}
export async function POST(request: Request) {
  db.prepare('INSERT INTO users (name) VALUES (?)').run((await request.json()).name);
  return new Response(null, { status: 201 });
}
`,
      errors: [{ messageId: 'requireNoStore', line: 5, column: 58, data: { method: 'all()' } }],
    },
    {
      name: 'Next 14: a helper that the static GET calls',
      ...inProject('next14', 'app/api/users/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
function listUsers() {
  return db.prepare('SELECT * FROM users').all();
}
export const GET = async () => Response.json(listUsers());
`,
      output: `
import Database from 'better-sqlite3';
import { unstable_noStore as noStore } from 'next/cache';
const db = new Database('app.db');
function listUsers() {
  noStore();
  return db.prepare('SELECT * FROM users').all();
}
export const GET = async () => Response.json(listUsers());
`,
      errors: [{ messageId: 'requireNoStore', line: 5, column: 44, data: { method: 'all()' } }],
    },
    {
      name: 'Next 15: revalidate = 3600 opts the GET into prerendering',
      filename: 'app/feed/route.ts',
      settings: NEXT15,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const revalidate = 3600;
export const GET = async () => Response.json(db.prepare('SELECT * FROM posts').all());
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export const revalidate = 3600;
export const GET = async () => { await connection(); return Response.json(db.prepare('SELECT * FROM posts').all()); };
`,
      errors: [connectionError(5, 80, 'all()')],
    },
    {
      name: 'Next 16: generateStaticParams opts the GET into prerendering (and itself is exempt)',
      filename: 'app/api/posts/[slug]/route.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function generateStaticParams() {
  return db.prepare('SELECT slug FROM posts').all();
}
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  return Response.json(db.prepare('SELECT * FROM posts WHERE slug = ?').get(slug));
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export function generateStaticParams() {
  return db.prepare('SELECT slug FROM posts').all();
}
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  return Response.json(db.prepare('SELECT * FROM posts WHERE slug = ?').get(slug));
}
`,
      errors: [connectionError(9, 73)],
    },
    {
      name: 'cacheComponents: true in next.config.mjs makes every GET count',
      ...inProject('cache-components', 'app/api/users/route.ts'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function GET() {
  await connection();
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
      errors: [connectionError(5, 58, 'all()')],
    },
    {
      name: 'settings.next.cacheComponents overrides next.config',
      ...inProject('next15', 'app/api/users/route.ts'),
      settings: { next: { rootDir: path.relative('/', path.join(FIXTURES, 'next15')), cacheComponents: true } },
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function GET() {
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function GET() {
  await connection();
  return Response.json(db.prepare('SELECT * FROM users').all());
}
`,
      errors: [connectionError(5, 58, 'all()')],
    },
    {
      name: 'Next 14 page: a component that is not async still gets an autofix with noStore()',
      ...inProject('next14', 'app/page.tsx'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default function Home() {
  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  return <p>{row.n}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { unstable_noStore as noStore } from 'next/cache';
const db = new Database('app.db');
export default function Home() {
  noStore();
  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };
  return <p>{row.n}</p>;
}
`,
      errors: [{ messageId: 'requireNoStore', line: 5, column: 61, data: { method: 'get()' } }],
    },
    // --- Databases imported from other files of the project ---
    {
      name: 'named import through the @/ alias (tsconfig paths with comments)',
      ...inProject('next15', 'app/users/page.tsx'),
      code: `
import { db } from '@/lib/db';
export default async function Users() {
  const users = db.prepare('SELECT * FROM users').all();
  return <p>{users.length}</p>;
}
`,
      output: `
import { db } from '@/lib/db';
import { connection } from 'next/server';
export default async function Users() {
  await connection();
  const users = db.prepare('SELECT * FROM users').all();
  return <p>{users.length}</p>;
}
`,
      errors: [connectionError(4, 51, 'all()')],
    },
    {
      name: 'default import, relative path; a statement, a transaction and a factory from the same module',
      ...inProject('next15', 'app/users/page.tsx'),
      code: `
import database, { selectUser, addVisits, getDb, analyticsDb } from '../../lib/db';
export default async function User({ id }: { id: string }) {
  const user = selectUser.get(id);
  addVisits(1);
  const count = database.prepare('SELECT count(*) FROM users').pluck().get();
  const views = analyticsDb.prepare('SELECT count(*) FROM views').get();
  const posts = getDb().prepare('SELECT * FROM posts WHERE user_id = ?').all(id);
  return <p>{String(user)}{String(count)}{String(views)}{posts.length}</p>;
}
`,
      output: `
import database, { selectUser, addVisits, getDb, analyticsDb } from '../../lib/db';
import { connection } from 'next/server';
export default async function User({ id }: { id: string }) {
  await connection();
  const user = selectUser.get(id);
  addVisits(1);
  const count = database.prepare('SELECT count(*) FROM users').pluck().get();
  const views = analyticsDb.prepare('SELECT count(*) FROM views').get();
  const posts = getDb().prepare('SELECT * FROM posts WHERE user_id = ?').all(id);
  return <p>{String(user)}{String(count)}{String(views)}{posts.length}</p>;
}
`,
      errors: [
        connectionError(4, 27),
        connectionError(5, 3, 'transaction()'),
        connectionError(6, 72),
        connectionError(7, 67),
        connectionError(8, 74, 'all()'),
      ],
    },
    {
      name: 'an imported transaction, called with no other query in the file',
      ...inProject('next15', 'app/visits/page.tsx'),
      code: `
import { addVisits } from '@/lib/db';
export default async function Visits() {
  addVisits(1);
  return <p>Thanks</p>;
}
`,
      output: `
import { addVisits } from '@/lib/db';
import { connection } from 'next/server';
export default async function Visits() {
  await connection();
  addVisits(1);
  return <p>Thanks</p>;
}
`,
      errors: [connectionError(4, 3, 'transaction()')],
    },
    {
      name: 'a statement held in a name that shadows a global (`JSON.all()`)',
      ...inProject('next15', 'app/posts/page.tsx'),
      code: `
import { db } from '@/lib/db';
export default async function Home() {
  const JSON = db.prepare('SELECT * FROM posts');
  const rows = JSON.all();
  return <p>{rows.length}</p>;
}
`,
      output: `
import { db } from '@/lib/db';
import { connection } from 'next/server';
export default async function Home() {
  await connection();
  const JSON = db.prepare('SELECT * FROM posts');
  const rows = JSON.all();
  return <p>{rows.length}</p>;
}
`,
      errors: [connectionError(5, 21, 'all()')],
    },
    {
      name: 'a statement exported by a CommonJS module, through require',
      ...inProject('next15', 'app/lib/stats.js'),
      code: `
const { countUsers } = require('../../lib/legacy-db');
async function getStats() {
  return { users: countUsers.get() };
}
module.exports = { getStats };
`,
      output: `
const { countUsers } = require('../../lib/legacy-db');
const { connection } = require('next/server');
async function getStats() {
  await connection();
  return { users: countUsers.get() };
}
module.exports = { getStats };
`,
      errors: [connectionError(4, 30)],
    },
    // --- Function shapes ---
    {
      name: 'a one-line body stays on one line',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getOne() { return db.prepare('SELECT 1').get(); }
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function getOne() { await connection(); return db.prepare('SELECT 1').get(); }
`,
      errors: [connectionError(4, 64)],
    },
    {
      name: 'a class method that is not async: the suggestion adds async before its name',
      filename: 'app/lib/repository.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export class Users {
  static count() {
    return db.prepare('SELECT count(*) FROM users').get();
  }
}
`,
      output: null,
      errors: [
        {
          ...connectionError(6, 53),
          suggestions: [
            {
              messageId: 'addConnectionAndAsync',
              output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export class Users {
  static async count() {
    await connection();
    return db.prepare('SELECT count(*) FROM users').get();
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a getter cannot be async: report without a fix',
      filename: 'app/lib/repository.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const stats = {
  get users() {
    return db.prepare('SELECT count(*) FROM users').get();
  },
};
`,
      output: null,
      errors: [{ ...connectionError(6, 53), suggestions: [] }],
    },
    {
      name: 'a file-local helper also called before connection() is reported',
      filename: 'app/stats/page.tsx',
      settings: NEXT16,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
function getStats() {
  return db.prepare('SELECT * FROM stats').get();
}
export default async function Stats() {
  const first = getStats();
  await connection();
  return <p>{String(first)}{String(getStats())}</p>;
}
`,
      output: null,
      errors: [
        {
          ...connectionError(6, 44),
          suggestions: [
            {
              messageId: 'addConnectionAndAsync',
              output: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
async function getStats() {
  await connection();
  return db.prepare('SELECT * FROM stats').get();
}
export default async function Stats() {
  const first = getStats();
  await connection();
  return <p>{String(first)}{String(getStats())}</p>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a closure also called before await connection() is reported, with the fix in the component',
      filename: 'app/posts/page.tsx',
      settings: NEXT16,
      code: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Posts() {
  const count = () => db.prepare('SELECT count(*) FROM posts').pluck().get();
  const before = count();
  await connection();
  return <p>{String(before)} / {String(count())}</p>;
}
`,
      output: null,
      errors: [
        {
          ...connectionError(6, 72),
          suggestions: [
            {
              messageId: 'addConnection',
              output: `
import { connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Posts() {
  await connection();
  const count = () => db.prepare('SELECT count(*) FROM posts').pluck().get();
  const before = count();
  await connection();
  return <p>{String(before)} / {String(count())}</p>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a query in an after() callback: the call goes into the component, since connection() throws inside after()',
      filename: 'app/blog/page.tsx',
      settings: NEXT16,
      code: `
import { after } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Blog() {
  after(async () => {
    db.prepare('INSERT INTO views (path) VALUES (?)').run('/blog');
  });
  return <h1>Blog</h1>;
}
`,
      output: null,
      errors: [
        {
          ...connectionError(7, 55, 'run()'),
          suggestions: [
            {
              messageId: 'addConnection',
              output: `
import { after, connection } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Blog() {
  await connection();
  after(async () => {
    db.prepare('INSERT INTO views (path) VALUES (?)').run('/blog');
  });
  return <h1>Blog</h1>;
}
`,
            },
          ],
        },
      ],
    },
    {
      name: "a fetch cached for an hour does not make the page dynamic",
      filename: 'app/weather/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Weather() {
  await fetch('https://api.example.com/forecast', { next: { revalidate: 3600 } });
  const cities = db.prepare('SELECT * FROM cities').all();
  return <p>{cities.length}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export default async function Weather() {
  await connection();
  await fetch('https://api.example.com/forecast', { next: { revalidate: 3600 } });
  const cities = db.prepare('SELECT * FROM cities').all();
  return <p>{cities.length}</p>;
}
`,
      errors: [connectionError(6, 53, 'all()')],
    },
    {
      name: "an imported fetch with cache: 'no-store' is not Next's fetch",
      filename: 'app/weather/page.tsx',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
import { fetch } from 'undici';
const db = new Database('app.db');
export default async function Weather() {
  await fetch('https://api.example.com/now', { cache: 'no-store' });
  const cities = db.prepare('SELECT * FROM cities').all();
  return <p>{cities.length}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { fetch } from 'undici';
import { connection } from 'next/server';
const db = new Database('app.db');
export default async function Weather() {
  await connection();
  await fetch('https://api.example.com/now', { cache: 'no-store' });
  const cities = db.prepare('SELECT * FROM cities').all();
  return <p>{cities.length}</p>;
}
`,
      errors: [connectionError(7, 53, 'all()')],
    },
    // --- Shapes from real data modules ---
    {
      name: "an immediately called transaction, and React's cache() (a per-request memo, not a build-time cache)",
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import { cache } from 'react';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function recordVisit(path: string) {
  db.transaction(() => {
    db.prepare('INSERT INTO visits (path) VALUES (?)').run(path);
  })();
}
export const getUser = cache(async (id: string) => {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id);
});
`,
      output: [
        `
import { cache } from 'react';
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function recordVisit(path: string) {
  await connection();
  db.transaction(() => {
    db.prepare('INSERT INTO visits (path) VALUES (?)').run(path);
  })();
}
export const getUser = cache(async (id: string) => {
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id);
});
`,
        `
import { cache } from 'react';
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export async function recordVisit(path: string) {
  await connection();
  db.transaction(() => {
    db.prepare('INSERT INTO visits (path) VALUES (?)').run(path);
  })();
}
export const getUser = cache(async (id: string) => {
  await connection();
  return db.prepare('SELECT * FROM users WHERE id = ?').get(id);
});
`,
      ],
      errors: [connectionError(6, 3, 'transaction()'), connectionError(11, 57)],
    },
    // --- Imports that do not read the request ---
    {
      name: 'a project helper that reads nothing from the request does not count; nor does auth() after the query',
      ...inProject('next15', 'app/profile/page.tsx'),
      code: `
import { formatUserName } from '@/lib/session';
import { auth } from '@/auth';
import { selectUser } from '@/lib/db';
export default async function Profile() {
  const name = formatUserName(' Ada ');
  const user = selectUser.get(name);
  const session = await auth();
  return <p>{String(user)}{String(session)}</p>;
}
`,
      output: `
import { formatUserName } from '@/lib/session';
import { auth } from '@/auth';
import { selectUser } from '@/lib/db';
import { connection } from 'next/server';
export default async function Profile() {
  await connection();
  const name = formatUserName(' Ada ');
  const user = selectUser.get(name);
  const session = await auth();
  return <p>{String(user)}{String(session)}</p>;
}
`,
      errors: [connectionError(7, 27)],
    },
    // --- Dynamic segments that are prerendered after all ---
    {
      name: 'a layout in the segment lists [lang]: the page is prerendered once per language',
      ...inProject('next15', 'app/[lang]/page.tsx'),
      code: `
import { selectUser } from '../../lib/db';
export default async function Home() {
  return <p>{String(selectUser.get(1))}</p>;
}
`,
      output: `
import { selectUser } from '../../lib/db';
import { connection } from 'next/server';
export default async function Home() {
  await connection();
  return <p>{String(selectUser.get(1))}</p>;
}
`,
      errors: [connectionError(4, 32)],
    },
    {
      name: 'an Open Graph image in a segment its layout lists is prerendered',
      ...inProject('next15', 'app/[lang]/opengraph-image.tsx'),
      code: `
import { ImageResponse } from 'next/og';
import { selectUser } from '@/lib/db';
export default async function Image() {
  return new ImageResponse(<div>{String(selectUser.get(1))}</div>);
}
`,
      output: `
import { ImageResponse } from 'next/og';
import { selectUser } from '@/lib/db';
import { connection } from 'next/server';
export default async function Image() {
  await connection();
  return new ImageResponse(<div>{String(selectUser.get(1))}</div>);
}
`,
      errors: [connectionError(5, 52)],
    },
    {
      name: 'cacheComponents: code before await params runs in the prerendered shell, even without generateStaticParams',
      ...inProject('cache-components', 'app/posts/[slug]/page.tsx'),
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  const total = db.prepare('SELECT count(*) FROM posts').pluck().get();
  const { slug } = await params;
  return <p>{slug} of {String(total)}</p>;
}
`,
      output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
export default async function Post({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const total = db.prepare('SELECT count(*) FROM posts').pluck().get();
  const { slug } = await params;
  return <p>{slug} of {String(total)}</p>;
}
`,
      errors: [connectionError(5, 66)],
    },
    // --- Where a fix cannot go ---
    {
      name: 'a read in an immediately invoked function at module scope runs on import: no fix',
      filename: 'app/lib/settings.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const settings = (() => db.prepare('SELECT * FROM settings').all())();
export const flags = (async () => db.prepare('SELECT * FROM flags').all())();
`,
      output: null,
      errors: [
        { messageId: 'queryAtModuleScope', line: 4, column: 69, data: { method: 'all()', optOut: 'await connection()' } },
        { messageId: 'queryAtModuleScope', line: 5, column: 69, data: { method: 'all()', optOut: 'await connection()' } },
      ],
    },
    {
      name: 'Next 14: a read at module scope names noStore(), since connection() does not exist there',
      filename: 'app/lib/settings.ts',
      settings: { next: { version: 14 } },
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export const settings = db.prepare('SELECT * FROM settings').all();
`,
      output: null,
      errors: [{ messageId: 'queryAtModuleScope', line: 4, column: 62, data: { method: 'all()', optOut: 'noStore()' } }],
    },
    {
      name: 'a query in a parameter default runs before the body: report without a fix',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export async function getPosts(limit = db.prepare('SELECT value FROM settings').pluck().get() as number) {
  return limit;
}
`,
      output: null,
      errors: [{ ...connectionError(4, 89), suggestions: [] }],
    },
    // --- Making a function async, in TypeScript ---
    {
      name: 'a declared return type becomes a Promise of it',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
type Post = { id: number; title: string };
export function getPosts(): Post[] {
  return db.prepare('SELECT * FROM posts').all() as Post[];
}
`,
      output: null,
      errors: [
        {
          ...connectionError(6, 44, 'all()'),
          suggestions: [
            {
              messageId: 'addConnectionAndAsync',
              output: `
import Database from 'better-sqlite3';
import { connection } from 'next/server';
const db = new Database('app.db');
type Post = { id: number; title: string };
export async function getPosts(): Promise<Post[]> {
  await connection();
  return db.prepare('SELECT * FROM posts').all() as Post[];
}
`,
            },
          ],
        },
      ],
    },
    {
      name: 'a type predicate or overloads cannot simply become async: report without a fix',
      filename: 'app/lib/data.ts',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function isKnownUser(id: unknown): id is number {
  return db.prepare('SELECT 1 FROM users WHERE id = ?').get(id) !== undefined;
}
export function findUser(id: number): { name: string };
export function findUser(name: string): { name: string };
export function findUser(key: number | string) {
  return db.prepare('SELECT * FROM users WHERE id = ? OR name = ?').get(key, key) as { name: string };
}
`,
      output: null,
      errors: [
        { ...connectionError(5, 57), suggestions: [] },
        { ...connectionError(10, 69), suggestions: [] },
      ],
    },
    {
      name: 'a one-line body in a file without semicolons still gets one between the statements',
      filename: 'app/lib/data.js',
      settings: NEXT16,
      code: `
import Database from 'better-sqlite3'
const db = new Database('app.db')
export function getPosts() { return db.prepare('SELECT * FROM posts').all() }
`,
      output: null,
      errors: [
        {
          ...connectionError(4, 71, 'all()'),
          suggestions: [
            {
              messageId: 'addConnectionAndAsync',
              output: `
import Database from 'better-sqlite3'
import { connection } from 'next/server'
const db = new Database('app.db')
export async function getPosts() { await connection(); return db.prepare('SELECT * FROM posts').all() }
`,
            },
          ],
        },
      ],
    },
  ],
});

describe('with ESLint’s default parser (espree)', () => {
  const root = path.join(FIXTURES, 'next15');
  const lintJs = (code: string) =>
    new Linter({ configType: 'flat', cwd: root }).verify(
      code,
      [
        {
          files: ['**/*.js'],
          languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
          plugins: { 'next-db': { rules: { 'require-connection': rule as unknown as Rule.RuleModule } } },
          rules: { 'next-db/require-connection': 'error' },
        },
      ],
      path.join(root, 'app/stats/page.js'),
    );

  // The project model reads other files with its own TypeScript-aware parser, whatever parser lints this file.
  it('follows a JavaScript module and a TypeScript one alike', () => {
    const messages = lintJs(`
import { countUsers } from '../../lib/legacy-db';
import { db } from '@/lib/db';
export default async function Stats() {
  return <p>{String(countUsers.get())}{String(db.prepare('SELECT 1').get())}</p>;
}
`);
    expect(messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }))).toEqual([
      { ruleId: 'next-db/require-connection', messageId: 'requireConnection', line: 5, column: 32 },
      { ruleId: 'next-db/require-connection', messageId: 'requireConnection', line: 5, column: 70 },
    ]);
  });
});
