import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { planNamedImport } from '../../eslint-plugin/src/utils/fix/insert-import';

const REQUEST = { source: 'next/server', imported: 'connection', localNames: ['connection', 'nextConnection'] };

/**
 * Plans the import as seen from the first function of `code` and applies it
 * with ESLint's fixer. Returns the local name and the fixed code, or undefined
 * when the helper offers no plan.
 */
function plan(code: string, sourceType: 'module' | 'commonjs' = 'module'): { local: string; output: string } | undefined {
  let local: string | undefined;
  const rule: TSESLint.RuleModule<'plan'> = {
    meta: { type: 'suggestion', fixable: 'code', messages: { plan: 'plan' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          let fn: TSESTree.Node | undefined;
          const find = (node: TSESTree.Node): void => {
            if (!fn && (node.type === 'FunctionDeclaration' || node.type === 'ArrowFunctionExpression')) fn = node;
          };
          for (const statement of program.body) find(statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement);
          const scope = fn ? context.sourceCode.scopeManager!.acquire(fn, true)! : context.sourceCode.getScope(program);
          const result = planNamedImport(context.sourceCode, REQUEST, scope);
          if (!result) return;
          local = result.local;
          context.report({ node: program, messageId: 'plan', fix: (fixer) => result.fix(fixer) });
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const { output, messages } = linter.verifyAndFix(code, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, sourceType },
    plugins: { test: { rules: { plan: rule as unknown as Rule.RuleModule } } },
    rules: { 'test/plan': 'error' },
  }, { filename: 'file.ts' });
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return local === undefined ? undefined : { local, output };
}

describe('planNamedImport', () => {
  it('adds a declaration after the last import, keeping its quotes and semicolons', () => {
    expect(plan(`import a from "a"\nimport b from "b" // b\nexport async function f() {}\n`)).toEqual({
      local: 'connection',
      output: `import a from "a"\nimport b from "b" // b\nimport { connection } from "next/server"\nexport async function f() {}\n`,
    });
  });

  it('keeps directives first when the file has no imports', () => {
    expect(plan(`'use strict';\nexport async function f() {}\n`)?.output).toBe(
      `'use strict';\nimport { connection } from 'next/server';\nexport async function f() {}\n`,
    );
    expect(plan(`// header\nexport async function f() {}\n`)?.output).toBe(
      `// header\nimport { connection } from 'next/server';\n\nexport async function f() {}\n`,
    );
  });

  it('merges into named and default imports, not into namespace or type-only ones', () => {
    expect(plan(`import { after } from 'next/server';\nexport async function f() {}`)?.output).toBe(
      `import { after, connection } from 'next/server';\nexport async function f() {}`,
    );
    expect(plan(`import server from 'next/server';\nexport async function f() {}`)?.output).toBe(
      `import server, { connection } from 'next/server';\nexport async function f() {}`,
    );
    expect(plan(`import * as server from 'next/server';\nexport async function f() {}`)?.output).toBe(
      `import * as server from 'next/server';\nimport { connection } from 'next/server';\nexport async function f() {}`,
    );
    expect(plan(`import type { NextRequest } from 'next/server';\nexport async function f() {}`)?.output).toBe(
      `import type { NextRequest } from 'next/server';\nimport { connection } from 'next/server';\nexport async function f() {}`,
    );
  });

  it('reuses an existing import or require under its local name', () => {
    expect(plan(`import { connection as c } from 'next/server';\nexport async function f() {}`)).toEqual({
      local: 'c',
      output: `import { connection as c } from 'next/server';\nexport async function f() {}`,
    });
    expect(plan(`const { connection: c } = require('next/server');\nasync function f() {}`, 'commonjs')?.local).toBe('c');
  });

  it('uses a require in CommonJS files', () => {
    expect(plan(`const db = require('./db');\nasync function f() {}\nmodule.exports = f;`, 'commonjs')?.output).toBe(
      `const db = require('./db');\nconst { connection } = require('next/server');\nasync function f() {}\nmodule.exports = f;`,
    );
  });

  it('aliases instead of shadowing, and gives up when every name is taken', () => {
    expect(plan(`let connection = 1;\nexport async function f() {}`)?.local).toBe('nextConnection');
    expect(plan(`export async function f() { const connection = 1; }`)?.local).toBe('nextConnection');
    expect(plan(`export async function f() { return connection; }`)?.local).toBe('nextConnection');
    expect(plan(`const connection = 1, nextConnection = 2;\nexport async function f() {}`)).toBeUndefined();
    expect(plan(`import { connection } from 'next/server';\nexport async function f(connection: number) {}`)).toBeUndefined();
  });
});
