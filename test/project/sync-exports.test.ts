import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forgetProjectCaches, getImportedSyncKind, ModelSession } from '../../eslint-plugin/src/project';
import { resolveImport } from '../../eslint-plugin/src/project/resolve';
import { getNextSettings } from '../../eslint-plugin/src/utils/next/next-settings';
import { useEpochClock } from '../support/epoch-clock';

const passEpoch = useEpochClock();

const ROOT = path.resolve('.');
const NEXT15 = path.resolve('test/fixtures/require-connection/next15');
const TMP = path.resolve('test/.tmp', `sync-exports-${process.pid}`);
let fileCount = 0;

afterAll(() => fs.rmSync(TMP, { recursive: true, force: true }));

function session(): ModelSession {
  return new ModelSession({ root: ROOT, cwd: ROOT, settings: getNextSettings({}) });
}

const resolveProjectImport = (from: string, specifier: string) => resolveImport(from, specifier, ROOT);

/** Writes `code` as a module of its own folder and reads the kind of each export name the code declares. */
function exportsOf(code: string, file = 'db.ts'): Record<string, string> {
  const dir = path.join(TMP, `module-${++fileCount}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, file), code);
  const names = ['db', 'users', 'save', 'getDb', 'database', 'default', 'name', 'a', 'count'];
  const model = session();
  const kinds = names.map((name) => [name, getImportedSyncKind(model, path.join(dir, 'page.ts'), `./${file.replace(/\.[^.]+$/, '')}`, name)]);
  return Object.fromEntries(kinds.filter(([, kind]) => kind !== undefined));
}

describe('what a module exports, to a sync driver', () => {
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
    expect(getImportedSyncKind(session(), from, '@/lib/db', 'db')).toBe('database');
    expect(getImportedSyncKind(session(), from, '@/lib/db', 'default')).toBe('database');
    expect(getImportedSyncKind(session(), from, '@/lib/db', 'analyticsDb')).toBe('database');
    expect(getImportedSyncKind(session(), from, '@/lib/db', 'getUsers')).toBeUndefined();
    expect(getImportedSyncKind(session(), from, '../../lib/legacy-db', 'countUsers')).toBe('statement');
    expect(getImportedSyncKind(session(), from, '../../lib/cache', 'db')).toBeUndefined();
  });

  it('picks up edits to the imported file once the epoch passes, or at once when told to forget', () => {
    fs.mkdirSync(TMP, { recursive: true });
    const page = path.join(TMP, 'page.ts');
    const db = path.join(TMP, 'db.ts');
    const fake = `export const db = { fake: true };\n`;
    const real = `import Database from 'better-sqlite3';\nexport const db = new Database('app.db');\n`;
    fs.writeFileSync(db, fake);
    expect(getImportedSyncKind(session(), page, './db', 'db')).toBeUndefined();
    fs.writeFileSync(db, real);
    forgetProjectCaches();
    expect(getImportedSyncKind(session(), page, './db', 'db')).toBe('database');
    fs.writeFileSync(db, fake);
    // Facts about other files are trusted for one epoch (a few seconds), then read again.
    passEpoch();
    expect(getImportedSyncKind(session(), page, './db', 'db')).toBeUndefined();
  });

  it('is silent on a file the parser cannot read', () => {
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(path.join(TMP, 'broken.ts'), `export const db = new (;\n`);
    expect(getImportedSyncKind(session(), path.join(TMP, 'page.ts'), './broken', 'db')).toBeUndefined();
  });
});
