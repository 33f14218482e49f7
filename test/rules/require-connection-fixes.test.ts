import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import rule from '../../eslint-plugin/src/rules/require-connection';
import { applyFix } from '../support/lint-config.mjs';

/**
 * Properties of the fixes, on sources with several queries per function,
 * callbacks, CommonJS and Next 14: the fixed code parses, is no longer
 * reported, and a second fix pass changes nothing; each suggestion parses and
 * removes the report it was offered for.
 */

const RULE_ID = 'next-db/require-connection';

function config(version: number): Linter.Config[] {
  return [
    {
      files: ['**/*.{ts,tsx,js,jsx}'],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { 'next-db': { rules: { 'require-connection': rule as unknown as Rule.RuleModule } } },
      rules: { [RULE_ID]: 'error' },
      settings: { next: { version, cacheComponents: false } },
    },
  ];
}

const SOURCES: Array<{ name: string; filename: string; version: number; code: string }> = [
  {
    name: 'several queries, a transaction and a callback in one component',
    filename: 'app/page.tsx',
    version: 16,
    code: `import Database from 'better-sqlite3';
const db = new Database('app.db');
const byId = db.prepare('SELECT * FROM posts WHERE id = ?');
const touch = db.transaction(() => db.prepare('UPDATE stats SET n = n + 1').run());
export default async function Page({ ids }: { ids: number[] }) {
  touch();
  const all = db.prepare('SELECT * FROM posts').all();
  const some = ids.map((id) => byId.get(id));
  return <p>{all.length}{some.length}</p>;
}
export function helper() {
  return db.prepare('SELECT 1').get();
}
export const list = async () => db.prepare('SELECT 2').all();
`,
  },
  {
    name: 'CommonJS data module with a taken name',
    filename: 'app/lib/data.js',
    version: 16,
    code: `'use strict';
const Database = require('better-sqlite3');
const connection = new Database('app.db');
async function getCount() {
  // the count
  return connection.prepare('SELECT count(*) FROM users').get();
}
function getNames() {
  return connection.prepare('SELECT name FROM users').pluck().all();
}
module.exports = { getCount, getNames };
`,
  },
  {
    name: 'Next 14 route handler and page',
    filename: 'app/api/users/route.ts',
    version: 14,
    code: `import { NextResponse } from 'next/server';
import Database from 'better-sqlite3';
const db = new Database('app.db');
export function GET() {
  const users = db.prepare('SELECT * FROM users').all();
  const count = db.prepare('SELECT count(*) FROM users').get();
  return NextResponse.json({ users, count });
}
`,
  },
];

function lint(linter: Linter, code: string, filename: string, version: number) {
  const messages = linter.verify(code, config(version), filename);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.filter((message) => message.ruleId === RULE_ID);
}

describe('require-connection fixes', () => {
  for (const { name, filename, version, code } of SOURCES) {
    it(`${name}: autofix parses, clears its reports and is idempotent`, () => {
      const linter = new Linter({ configType: 'flat' });
      const before = lint(linter, code, filename, version);
      const autofixable = before.filter((message) => message.fix).length;
      expect(autofixable).toBeGreaterThan(0);

      const once = linter.verifyAndFix(code, config(version), filename);
      expect(once.fixed).toBe(true);
      const after = lint(linter, once.output, filename, version);
      expect(after.filter((message) => message.fix)).toEqual([]);
      expect(after.length).toBeLessThanOrEqual(before.length - autofixable);

      const twice = linter.verifyAndFix(once.output, config(version), filename);
      expect(twice.output).toBe(once.output);
    });

    it(`${name}: each suggestion parses and removes its report`, () => {
      const linter = new Linter({ configType: 'flat' });
      const before = lint(linter, code, filename, version);
      const suggestions = before.flatMap((message) => message.suggestions ?? []);
      for (const suggestion of suggestions) {
        const { text } = suggestion.fix;
        const applied = applyFix(code, suggestion.fix);
        const after = lint(linter, applied, filename, version);
        expect(after.length).toBeLessThan(before.length);
        const again = after.flatMap((message) => message.suggestions ?? []).map((other) => other.fix.text);
        expect(again).not.toContain(text);
      }
    });
  }
});
