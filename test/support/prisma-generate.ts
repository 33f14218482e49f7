// Runs the real `prisma generate` (Prisma 7, from the exact-pinned devDependency)
// into a folder, offline: generating a client needs no engine binary, but the
// CLI looks for its schema engine on start and would download one. An engine
// path given in PRISMA_SCHEMA_ENGINE_BINARY (Prisma's own setting) skips that;
// the stand-in exits at once and `generate` never calls it.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPO = path.resolve(import.meta.dirname, '../..');
const PRISMA_CLI = path.join(REPO, 'node_modules/prisma/build/index.js');

export type PrismaGenerator = 'prisma-client' | 'prisma-client-js';

const MODELS = `
model User {
  id    Int    @id @default(autoincrement())
  email String @unique
  name  String?
}
`;

/**
 * Runs `prisma generate` in `dir` on its prisma/schema.prisma, first written
 * (with `generator client` writing to `dir`/generated/prisma) when there is
 * none. `dir` gets a link to the repository's node_modules, so the generated
 * client finds `@prisma/client`.
 */
export function generatePrismaClient(dir: string, generator: PrismaGenerator = 'prisma-client'): void {
  fs.mkdirSync(path.join(dir, 'prisma'), { recursive: true });
  if (!fs.existsSync(path.join(dir, 'node_modules'))) fs.symlinkSync(path.join(REPO, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  const schemaFile = path.join(dir, 'prisma/schema.prisma');
  if (!fs.existsSync(schemaFile)) {
    const schema = `generator client {\n  provider = "${generator}"\n  output   = "../generated/prisma"\n}\n\ndatasource db {\n  provider = "postgresql"\n}\n${MODELS}`;
    fs.writeFileSync(schemaFile, schema);
  }
  const engine = path.join(dir, 'prisma/no-schema-engine.sh');
  fs.writeFileSync(engine, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
  execFileSync(process.execPath, [PRISMA_CLI, 'generate'], {
    cwd: dir,
    stdio: 'pipe',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: engine, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}
