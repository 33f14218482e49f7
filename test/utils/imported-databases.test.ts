import * as fs from 'node:fs';
import * as path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveProjectImport } from '../../eslint-plugin/src/utils/import-resolution';
import { getExportedSyncKinds, getImportedSyncKind } from '../../eslint-plugin/src/utils/imported-databases';
import { parseModule } from '../../eslint-plugin/src/utils/workspace-files';

const NEXT15 = path.resolve('test/fixtures/require-connection/next15');
const TMP = path.resolve('test/.tmp', `imported-databases-${process.pid}`);

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function exportsOf(code: string, file = 'db.ts'): Record<string, string> {
  const program = parseModule(tsParser, file, code);
  if (!program) throw new Error('parse failed');
  return Object.fromEntries(getExportedSyncKinds(program));
}

describe('getExportedSyncKinds', () => {
  it('classifies databases, statements, transactions and factories, however they are exported', () => {
    expect(
      exportsOf(`
import Database from 'better-sqlite3';
const db = new Database('a.db');
export const users = db.prepare('SELECT * FROM users').pluck();
export const save = db.transaction(() => {});
export function getDb() { return db; }
export { db as database };
export default db;
export const name = 'x';
`),
    ).toEqual({ users: 'statement', save: 'transaction', getDb: 'databaseFactory', database: 'database', default: 'database' });
  });

  it('reads node:sqlite through named, namespace and require bindings', () => {
    expect(exportsOf(`import { DatabaseSync as D } from 'node:sqlite';\nexport const a = new D(':memory:');`)).toEqual({ a: 'database' });
    expect(exportsOf(`import * as sqlite from 'node:sqlite';\nexport const a = new sqlite.DatabaseSync('x');`)).toEqual({ a: 'database' });
    expect(
      exportsOf(`const { DatabaseSync } = require('node:sqlite');\nconst db = new DatabaseSync('x');\nmodule.exports = { db, count: db.prepare('x') };`, 'db.js'),
    ).toEqual({ db: 'database', count: 'statement' });
  });

  it('reads exports.x = and module.exports = db', () => {
    expect(exportsOf(`const Database = require('better-sqlite3');\nexports.db = new Database('x');`, 'db.js')).toEqual({ db: 'database' });
    expect(exportsOf(`const Database = require('better-sqlite3');\nmodule.exports = Database('x');`, 'db.js')).toEqual({ default: 'database' });
  });

  it('does not mistake look-alikes for databases', () => {
    expect(exportsOf(`import Database from 'other-db';\nexport const db = new Database('x');`)).toEqual({});
    expect(exportsOf(`export const db = { prepare() { return { get() {} }; } };`)).toEqual({});
    expect(exportsOf(`import Database from 'better-sqlite3';\nexport async function getDb() { return new Database('x'); }`)).toEqual({});
  });
});

describe('resolveProjectImport', () => {
  const from = path.join(NEXT15, 'app/users/page.tsx');

  it('resolves relative paths and @/ aliases, trying extensions and index files', () => {
    expect(resolveProjectImport(from, '@/lib/db')).toBe(path.join(NEXT15, 'lib/db.ts'));
    expect(resolveProjectImport(from, '../../lib/legacy-db')).toBe(path.join(NEXT15, 'lib/legacy-db.js'));
    expect(resolveProjectImport(from, '../../lib/db.js')).toBe(path.join(NEXT15, 'lib/db.ts'));
  });

  it('never follows packages or missing files', () => {
    expect(resolveProjectImport(from, 'better-sqlite3')).toBeUndefined();
    expect(resolveProjectImport(from, '@/lib/missing')).toBeUndefined();
  });
});

describe('getImportedSyncKind', () => {
  const from = path.join(NEXT15, 'app/users/page.tsx');

  it('reads what a fixture module exports', () => {
    expect(getImportedSyncKind(from, '@/lib/db', 'db', tsParser)).toBe('database');
    expect(getImportedSyncKind(from, '@/lib/db', 'default', tsParser)).toBe('database');
    expect(getImportedSyncKind(from, '@/lib/db', 'analyticsDb', tsParser)).toBe('database');
    expect(getImportedSyncKind(from, '@/lib/db', 'getUsers', tsParser)).toBeUndefined();
    expect(getImportedSyncKind(from, '../../lib/legacy-db', 'countUsers', tsParser)).toBe('statement');
    expect(getImportedSyncKind(from, '../../lib/cache', 'db', tsParser)).toBeUndefined();
  });

  it('picks up edits to the imported file', () => {
    fs.mkdirSync(TMP, { recursive: true });
    const page = path.join(TMP, 'page.ts');
    const db = path.join(TMP, 'db.ts');
    fs.writeFileSync(db, `export const db = { fake: true };\n`);
    expect(getImportedSyncKind(page, './db', 'db', tsParser)).toBeUndefined();
    fs.writeFileSync(db, `import Database from 'better-sqlite3';\nexport const db = new Database('app.db');\n`);
    expect(getImportedSyncKind(page, './db', 'db', tsParser)).toBe('database');
  });

  it('is silent on a file the parser cannot read', () => {
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(path.join(TMP, 'broken.ts'), `export const db = new (;\n`);
    expect(getImportedSyncKind(path.join(TMP, 'page.ts'), './broken', 'db', tsParser)).toBeUndefined();
  });
});
