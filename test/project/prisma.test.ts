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

describe('the Prisma 7 hoists type-check', () => {
  it('against the generated client, @prisma/client 7 and @prisma/adapter-pg, with tsc', async () => {
    const dir = writeApp(
      {
        'lib/per-call.ts': `import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/generated/prisma/client';

export function getPrisma() {
  const adapter = new PrismaPg({ connectionString: process.env.DATABASE_URL });
  return new PrismaClient({ adapter });
}
`,
        'lib/prisma.ts': GUARDED(POOL, ADAPTER, 'new PrismaClient({ adapter })'),
        'app/api/a/route.ts': ROUTE('@/lib/per-call'),
        'app/api/b/route.ts': USERS('@/lib/prisma'),
        'app/api/c/route.ts': `import { Pool } from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client';

export async function GET() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const user = await prisma.user.findUnique({ where: { email: 'a@example.com' } });
  return Response.json(user?.name ?? null);
}
`,
      },
      'ts',
    );
    const findings = await lintDir(dir);
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.kind}`)).toEqual([
      'app/api/c/route.ts:7 suggestion',
      'lib/per-call.ts:6 suggestion',
      'lib/prisma.ts:6 suggestion',
    ]);
    for (const finding of findings) fs.writeFileSync(path.join(dir, finding.file), finding.fixed ?? '');
    fs.writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          // The `prisma-client` generator imports its own files as `./enums.ts`.
          allowImportingTsExtensions: true,
          skipLibCheck: true,
          types: ['node'],
          paths: { '@/*': ['./*'] },
        },
        include: ['lib', 'app'],
      }),
    );
    const result = spawnSync(process.execPath, [TSC, '-p', dir], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
