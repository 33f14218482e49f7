/**
 * Prisma 7 in no-pool-in-handler: `PrismaClient` imported from the project's
 * own generated client (made here by the real `prisma generate`), driver
 * adapters that own the pool, and a `globalThis` guard that keeps the client
 * but not its pool. Each case lints a small app on disk, as `eslint .` would.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generatePrismaClient } from '../support/prisma-generate';
import { type ProjectFinding, lintProject, writeProject } from '../support/project-lint';

const TSC = path.resolve(import.meta.dirname, '../../node_modules/typescript/bin/tsc');
const PACKAGE = JSON.stringify({ dependencies: { next: '16.0.0', '@prisma/client': '7.10.0', '@prisma/adapter-pg': '7.10.1', pg: '8.0.0' } });
const TSCONFIG = JSON.stringify({ compilerOptions: { strict: true, paths: { '@/*': ['./*'] } } });

/** The generated clients, made once: `generated/prisma` of each generator. */
const generated: Record<'ts' | 'js', string> = { ts: '', js: '' };

beforeAll(() => {
  for (const [key, generator] of [['ts', 'prisma-client'], ['js', 'prisma-client-js']] as const) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `next-db-prisma-${key}-`));
    generatePrismaClient(dir, generator);
    generated[key] = path.join(dir, 'generated');
  }
}, 120_000);

/** The rule reads no file this large, and parsing prisma-client-js's inlined query compiler costs seconds. */
const LARGE_RUNTIME_FILE = 200_000;

/** Writes the app with a copy of a generated client (and a link to node_modules) into a new folder. */
function writeApp(files: Record<string, string>, client: 'ts' | 'js' | 'none'): string {
  const dir = writeProject({ 'package.json': PACKAGE, 'tsconfig.json': TSCONFIG, ...files });
  if (client === 'none') return dir;
  const source = generated[client];
  fs.cpSync(source, path.join(dir, 'generated'), { recursive: true, filter: (file) => fs.statSync(file).size < LARGE_RUNTIME_FILE });
  fs.symlinkSync(path.join(source, '../node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** The rule findings; generated files open with an eslint-disable comment, which ESLint reports as unused. */
async function lintDir(dir: string): Promise<ProjectFinding[]> {
  return (await lintProject(dir)).filter((finding) => finding.ruleId !== null);
}

async function lintApp(files: Record<string, string>, client: 'ts' | 'js' | 'none' = 'ts'): Promise<ProjectFinding[]> {
  return lintDir(writeApp(files, client));
}

function brief(findings: readonly ProjectFinding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.line} ${finding.message.split('. ')[0]}`);
}

const ROUTE = (from: string) => `import { getPrisma } from '${from}';

export async function GET() {
  const users = await getPrisma().user.findMany();
  return Response.json(users);
}
`;

describe('a PrismaClient from the generated client, with a driver adapter', () => {
  it('reports a client built per call in a helper, and hoists it with its adapter onto globalThis', async () => {
    const findings = await lintApp({
      'lib/prisma.ts': `import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export function getPrisma() {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
  return new PrismaClient({ adapter });
}
`,
      'app/api/users/route.ts': ROUTE('@/lib/prisma'),
    });
    expect(brief(findings)).toEqual([
      'lib/prisma.ts:6 `new PrismaClient()` opens a pool on every request: create it once at module scope and reuse it',
    ]);
    expect(findings[0]?.fixed).toBe(`import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 5 }) });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export function getPrisma() {
  return prisma;
}
`);
  });

  it('follows require() of a prisma-client-js output folder, and moves pool, adapter and client together', async () => {
    const findings = await lintApp(
      {
        'app/api/users/route.js': `const { Pool } = require('pg');
const { PrismaPg } = require('@prisma/adapter-pg');
const { PrismaClient } = require('../../../generated/prisma');

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter });
  const users = await prisma.user.findMany();
  await prisma.$disconnect();
  return Response.json(users);
}
`,
      },
      'js',
    );
    expect(brief(findings)).toEqual([
      'app/api/users/route.js:8 `new PrismaClient()` opens a pool on every request: create it once at module scope and reuse it',
    ]);
    expect(findings[0]?.fixed).toBe(`const { Pool } = require('pg');
const { PrismaPg } = require('@prisma/adapter-pg');
const { PrismaClient } = require('../../../generated/prisma');

const prisma = globalThis.prisma ?? new PrismaClient({ adapter: new PrismaPg(new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })) });
if (process.env.NODE_ENV !== 'production') globalThis.prisma = prisma;

export async function GET() {
  const users = await prisma.user.findMany();
  return Response.json(users);
}
`);
  });

  it('does not go by names: a PrismaClient from a hand-written module or an unknown package is no client', async () => {
    const handler = (from: string) => `import { PrismaClient } from '${from}';

export async function GET() {
  const prisma = new PrismaClient();
  return Response.json(await prisma.user.findMany());
}
`;
    const findings = await lintApp(
      {
        'generated/prisma/client.ts': `export class PrismaClient {\n  user = { findMany: async () => [] };\n}\n`,
        'app/api/a/route.ts': handler('@/generated/prisma/client'),
        'app/api/b/route.ts': handler('@acme/generated/prisma'),
      },
      'none',
    );
    expect(brief(findings)).toEqual([]);
  });
});

const GUARDED = (pool: string, adapter: string, client: string) => `import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
${pool}${adapter}export const prisma = globalForPrisma.prisma ?? ${client};
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`;
const POOL = `const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });\n`;
const ADAPTER = `const adapter = new PrismaPg(pool);\n`;
const USERS = (from: string) => `import { prisma } from '${from}';

export async function GET() {
  return Response.json(await prisma.user.findMany());
}
`;

describe('a hostile generated folder', () => {
  it('reads no FIFO and follows no link out of the project when looking for the banner', async () => {
    const handler = (from: string) => `import { PrismaClient } from '${from}';\n\nexport async function GET() {\n  return Response.json(await new PrismaClient().user.count());\n}\n`;
    const dir = writeApp({ 'app/api/a/route.ts': handler('@/fifo/models'), 'app/api/b/route.ts': handler('@/linked/models') }, 'none');
    for (const folder of ['fifo', 'linked']) fs.mkdirSync(path.join(dir, folder));
    fs.writeFileSync(path.join(dir, 'fifo/models.ts'), 'export class PrismaClient {}\n');
    fs.writeFileSync(path.join(dir, 'linked/models.ts'), 'export class PrismaClient {}\n');
    // A reader that opened the FIFO would wait for a writer forever.
    expect(spawnSync('mkfifo', [path.join(dir, 'fifo/client.ts')]).status).toBe(0);
    // A real generated client, but outside the project: a link to it is not followed.
    fs.symlinkSync(path.join(generated.ts, 'prisma/client.ts'), path.join(dir, 'linked/client.ts'));
    // Only the routes: ESLint itself would open the FIFO to lint it.
    expect(brief(await lintProject(dir, {}, ['app']))).toEqual([]);
  }, 20_000);
});

describe('a globalThis guard that keeps the client but not its pool', () => {
  it('reports the pool in a module the app loads, with a suggestion that builds it inside the guard', async () => {
    const findings = await lintApp({
      'lib/prisma.ts': GUARDED(POOL, ADAPTER, 'new PrismaClient({ adapter })'),
      'app/api/users/route.ts': USERS('@/lib/prisma'),
    });
    expect(brief(findings)).toEqual([
      'lib/prisma.ts:6 `new pg.Pool()` runs on every `next dev` reload, but only its PrismaClient is kept on `globalThis`',
    ]);
    expect(findings[0]?.fixed).toBe(
      GUARDED('', '', 'new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL })) })'),
    );
  });

  it('stays silent for a pool inside the guard, an adapter that opens its pool on connect, and a script', async () => {
    const findings = await lintApp({
      'lib/inside.ts': GUARDED('', '', 'new PrismaClient({ adapter: new PrismaPg(new pg.Pool()) })'),
      'lib/lazy.ts': GUARDED('', 'const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });\n', 'new PrismaClient({ adapter })'),
      'app/api/a/route.ts': USERS('@/lib/inside'),
      'app/api/b/route.ts': USERS('@/lib/lazy'),
      // A seed script runs once: no reload, no leak.
      'scripts/seed.ts': GUARDED(POOL, ADAPTER, 'new PrismaClient({ adapter })'),
    });
    expect(brief(findings)).toEqual([]);
  });

  it('reports an exported pool without a suggestion: other modules use it', async () => {
    const findings = await lintApp({
      'lib/prisma.ts': GUARDED(`export ${POOL}`, ADAPTER, 'new PrismaClient({ adapter })'),
      'app/api/users/route.ts': USERS('@/lib/prisma'),
    });
    expect(findings.map((finding) => [finding.line, finding.kind, finding.message.split('. ').at(-1)])).toEqual([
      [6, 'none', 'No automatic suggestion: `pool` is exported.'],
    ]);
  });
});

describe('the Prisma 7 fixture app (test/fixtures/prisma7-app)', () => {
  it('reports its three pools with exact suggestions, whose results type-check with tsc against the generated client', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-prisma7-app-'));
    fs.cpSync(path.resolve(import.meta.dirname, '../fixtures/prisma7-app'), dir, { recursive: true });
    generatePrismaClient(dir);
    const findings = await lintDir(dir);
    expect(brief(findings)).toEqual([
      'app/api/signup/route.ts:8 `new PrismaClient()` opens a pool on every request: create it once at module scope and reuse it',
      'lib/prisma.ts:8 `new pg.Pool()` runs on every `next dev` reload, but only its PrismaClient is kept on `globalThis`',
      'lib/reports.ts:7 `new PrismaClient()` opens a pool on every request: create it once at module scope and reuse it',
    ]);
    const fixed = Object.fromEntries(findings.map((finding) => [finding.file, finding.fixed]));
    expect(fixed['app/api/signup/route.ts']).toBe(`import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaPg(new Pool({ connectionString: process.env.DATABASE_URL, max: 5 })) });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

export async function POST(request: Request) {
  const { email } = (await request.json()) as { email: string };
  const user = await prisma.user.create({ data: { email } });
  return Response.json({ id: user.id, name: user.name ?? null });
}
`);
    expect(fixed['lib/prisma.ts']).toBe(`import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

// The guard keeps the first client across \`next dev\` reloads, but the pool
// above it is built again on each reload.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
export const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: process.env.DATABASE_URL })) });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;
`);
    expect(fixed['lib/reports.ts']).toBe(`import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };
const prisma = globalForPrisma.prisma ?? new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.REPORTS_DATABASE_URL, max: 5 }) });
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

// Looks like an accessor, but builds a client and its adapter's pool on every call.
export function getReportsDb() {
  return prisma;
}
`);
    const typeCheck = () => spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    // The app as written type-checks too, so a failure below is the suggestions' doing.
    expect(typeCheck().stdout).toBe('');
    for (const [file, text] of Object.entries(fixed)) fs.writeFileSync(path.join(dir, file), text ?? '');
    const result = typeCheck();
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
