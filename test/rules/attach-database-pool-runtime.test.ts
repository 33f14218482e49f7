/**
 * The suggestions' code against the real `attachDatabasePool` from
 * @vercel/functions and the real pg: the fixed module is compiled and loaded,
 * and loading it must register the function's listener on the module's pool
 * (once: at module scope, not per request). `attachDatabasePool` throws on a
 * pool it does not know, so loading also proves it accepts the pool.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { rules } from '../../eslint-plugin/src/rules';
import { HOST_FIXTURES } from '../support/host-fixtures';
import { applyFix } from '../support/lint-config.mjs';

const FIXTURES = HOST_FIXTURES;
// Inside the repository, so that `pg` and `@vercel/functions` resolve from its node_modules.
const TMP = path.resolve('test/.tmp', `attach-runtime-${process.pid}`);
const requireFromTest = createRequire(__filename);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

/** The text after the one suggestion `ruleId` makes in the fixture file. */
function applySuggestion(ruleId: string, file: string): { before: string; after: string } {
  const filename = path.join(FIXTURES, file);
  const before = fs.readFileSync(filename, 'utf8');
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      plugins: { 'next-db': { rules } as never },
      languageOptions: { parser: tsParser },
      rules: { [`next-db/${ruleId}`]: 'error' },
    },
  ];
  const messages = new Linter({ cwd: FIXTURES }).verify(before, config, { filename });
  expect(messages.map((message) => message.ruleId)).toEqual([`next-db/${ruleId}`]);
  const [suggestion] = messages[0]?.suggestions ?? [];
  if (!suggestion) throw new Error(`no suggestion from ${ruleId} in ${file}`);
  return { before, after: applyFix(before, suggestion.fix) };
}

let loaded = 0;
/** Compiles TS to CommonJS and loads it with Node's own require. `probe` is appended to read a module-level binding. */
function load(code: string, probe = ''): Record<string, unknown> {
  const { outputText } = ts.transpileModule(code, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const file = path.join(TMP, `module-${loaded++}.cjs`);
  fs.mkdirSync(TMP, { recursive: true });
  fs.writeFileSync(file, `${outputText}\n${probe}`);
  return requireFromTest(file) as Record<string, unknown>;
}

interface PgPool {
  listenerCount(event: string): number;
  end(): Promise<void>;
}
const { Pool } = requireFromTest('pg') as { Pool: new () => PgPool };

describe('attachDatabasePool, called by the suggestions, with the real @vercel/functions', () => {
  it('attach-database-pool: the exported pool gets the listener when the module loads', async () => {
    const { before, after } = applySuggestion('attach-database-pool', 'vercel/lib/db.ts');
    expect(after).toContain("import { attachDatabasePool } from '@vercel/functions';");
    const unfixed = load(before).pool as PgPool;
    const fixed = load(after).pool as PgPool;
    expect(unfixed).toBeInstanceOf(Pool);
    expect(fixed).toBeInstanceOf(Pool);
    expect(unfixed.listenerCount('release')).toBe(0);
    expect(fixed.listenerCount('release')).toBe(1);
    await Promise.all([unfixed.end(), fixed.end()]);
  });

  it('no-pool-in-handler on Vercel: the hoisted module-level pool gets the listener once, before any request', async () => {
    const { before, after } = applySuggestion('no-pool-in-handler', 'vercel/app/api/report/route.ts');
    // `pool` is local to GET before the fix, so the probe only works on the fixed module.
    expect(() => load(before, 'exports.__pool = pool;')).toThrow(/pool is not defined/);
    const fixed = load(after, 'exports.__pool = pool;');
    const pool = fixed.__pool as PgPool;
    expect(pool).toBeInstanceOf(Pool);
    expect(typeof fixed.GET).toBe('function');
    expect(pool.listenerCount('release')).toBe(1);
    await pool.end();
  });
});
