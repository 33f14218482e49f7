// Writes a generated Next.js App Router app for the lint-cost benchmark: 1,000
// files by default, about 10% of them touching a database the way real apps
// do (pg pools in route handlers, better-sqlite3 data modules behind a lazy
// getDb(), pages and Server Actions calling them); the rest are plain React
// components and utilities that import each other.
import * as fs from 'node:fs';
import * as path from 'node:path';

const TSCONFIG = {
  compilerOptions: { strict: true, jsx: 'preserve', moduleResolution: 'bundler', baseUrl: '.', paths: { '@/*': ['./*'] } },
};

const DB_MODULE = `import Database from 'better-sqlite3';

let db: Database.Database | undefined;

// A lazy singleton: the connection opens on first use.
export function getDb() {
  db ??= new Database(process.env.SQLITE_PATH ?? 'app.db');
  return db;
}
`;

const POOL_MODULE = `import { Pool } from 'pg';

let pool: Pool | undefined;

export function getPool() {
  pool ??= new Pool({ connectionString: process.env.DATABASE_URL, max: 5 });
  return pool;
}
`;

function utility(index) {
  // Each module imports one with half its index: a tree about 10 levels deep, as real imports are.
  const parent = Math.floor((index - 1) / 2);
  const imports = index > 0 ? `import { format${parent} } from './util-${parent}';\n\n` : '';
  const previous = index > 0 ? `format${parent}(value.trim())` : 'value.trim()';
  return `${imports}export interface Options${index} {
  prefix?: string;
  limit?: number;
}

export function format${index}(value: string, options: Options${index} = {}): string {
  const text = ${previous};
  const limited = options.limit === undefined ? text : text.slice(0, options.limit);
  return options.prefix ? \`\${options.prefix} \${limited}\` : limited;
}

export function sum${index}(values: readonly number[]): number {
  let total = 0;
  for (const value of values) total += Number.isFinite(value) ? value : 0;
  return Math.round(total * 100) / 100;
}

export const LABEL_${index} = format${index}('item ${index}', { limit: 40 });
`;
}

function component(index, utilityCount) {
  const child = Math.floor((index - 1) / 2);
  const childImport = index > 0 ? `import { Card${child} } from './card-${child}';\n` : '';
  const util = index % utilityCount;
  const rendered = index > 0 ? `<Card${child} title={label} items={items.slice(1)} />` : null;
  return `${index % 3 === 0 ? "'use client';\n\n" : ''}import { useMemo, useState } from 'react';
import { format${util}, sum${util} } from '@/lib/utils/util-${util}';
${childImport}
export interface Card${index}Props {
  title: string;
  items: { id: string; label: string; price: number }[];
}

export function Card${index}({ title, items }: Card${index}Props) {
  const [open, setOpen] = useState(false);
  const label = useMemo(() => format${util}(title, { prefix: '#${index}' }), [title]);
  const total = sum${util}(items.map((item) => item.price));
  return (
    <section className="card card-${index}">
      <button type="button" onClick={() => setOpen(!open)}>
        {label} ({total})
      </button>
      {open && (
        <ul>
          {items.map((item) => (
            <li key={item.id}>{item.label}</li>
          ))}
        </ul>
      )}
      {${rendered}}
    </section>
  );
}
`;
}

function dataModule(index) {
  return `import { getDb } from '@/lib/db';

export interface Row${index} {
  id: number;
  title: string;
}

export async function list${index}(): Promise<Row${index}[]> {
  return getDb().prepare('SELECT id, title FROM table_${index} ORDER BY id').all() as Row${index}[];
}

export async function get${index}(id: number): Promise<Row${index} | undefined> {
  const db = getDb();
  return db.prepare('SELECT id, title FROM table_${index} WHERE id = ?').get(id) as Row${index} | undefined;
}

export function save${index}(title: string): void {
  getDb().prepare('INSERT INTO table_${index} (title) VALUES (?)').run(title);
}
`;
}

function page(index, dataCount, componentCount) {
  const data = index % dataCount;
  const card = (index * 7) % componentCount;
  const deferred = index % 4 === 0;
  return `${deferred ? "import { connection } from 'next/server';\n" : ''}import { list${data} } from '@/lib/data/data-${data}';
import { Card${card} } from '@/components/card-${card}';

export default async function Page${index}() {
${deferred ? '  await connection();\n' : ''}  const rows = await list${data}();
  return <Card${card} title="Page ${index}" items={rows.map((row) => ({ id: String(row.id), label: row.title, price: row.id }))} />;
}
`;
}

function routeHandler(index) {
  if (index % 2 === 0) {
    return `import { Pool } from 'pg';

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const { rows } = await pool.query('SELECT now() AS time');
  await pool.end();
  return Response.json({ time: rows[0].time });
}
`;
  }
  return `import { getPool } from '@/lib/pg';

export async function GET(request: Request) {
  const id = new URL(request.url).searchParams.get('id');
  const { rows } = await getPool().query('SELECT * FROM items WHERE id = $1', [id]);
  return Response.json(rows);
}
`;
}

function serverAction(index, dataCount) {
  const data = index % dataCount;
  return `'use server';

import { save${data} } from '@/lib/data/data-${data}';

export async function add${index}(formData: FormData) {
  save${data}(String(formData.get('title')));
}
`;
}

/** File path → text for an app of about `total` files. */
export function generateAppFiles(total = 1000) {
  const files = new Map([
    ['package.json', `${JSON.stringify({ name: 'generated-app', private: true, dependencies: { next: '16.4.5', pg: '8.23.1', 'better-sqlite3': '12.11.1' } }, null, 2)}\n`],
    ['tsconfig.json', `${JSON.stringify(TSCONFIG, null, 2)}\n`],
    ['next.config.mjs', 'export default {};\n'],
    ['lib/db.ts', DB_MODULE],
    ['lib/pg.ts', POOL_MODULE],
  ]);
  const databaseFiles = Math.round(total / 10) - 2;
  const dataCount = Math.round(databaseFiles * 0.3);
  const routeCount = Math.round(databaseFiles * 0.2);
  const actionCount = Math.round(databaseFiles * 0.1);
  const pageCount = databaseFiles - dataCount - routeCount - actionCount;
  const plainCount = total - files.size - databaseFiles;
  const utilityCount = Math.round(plainCount / 3);
  const componentCount = plainCount - utilityCount;

  for (let i = 0; i < utilityCount; i++) files.set(`lib/utils/util-${i}.ts`, utility(i));
  for (let i = 0; i < componentCount; i++) files.set(`components/card-${i}.tsx`, component(i, utilityCount));
  for (let i = 0; i < dataCount; i++) files.set(`lib/data/data-${i}.ts`, dataModule(i));
  for (let i = 0; i < pageCount; i++) files.set(`app/section-${i}/page.tsx`, page(i, dataCount, componentCount));
  for (let i = 0; i < routeCount; i++) files.set(`app/api/route-${i}/route.ts`, routeHandler(i));
  for (let i = 0; i < actionCount; i++) files.set(`app/actions/action-${i}.ts`, serverAction(i, dataCount));
  return files;
}

/** Writes the generated app into `dir` (which must be empty or missing). */
export function writeGeneratedApp(dir, total = 1000) {
  for (const [file, text] of generateAppFiles(total)) {
    const target = path.join(dir, file);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
  }
}
