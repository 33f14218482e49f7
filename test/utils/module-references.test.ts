import { Linter, type Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import type { TSESLint } from '@typescript-eslint/utils';
import { CALL, CONSTRUCT, iterateModuleReferences } from '../../eslint-plugin/src/utils/ast/module-references';

const traceMap = {
  pg: { Pool: { [CONSTRUCT]: 'pg.Pool' } },
  postgres: { [CALL]: 'postgres()' },
};

/** Lints `code` with a throwaway rule that lists what the tracker finds. */
function findReferences(code: string, sourceType: 'module' | 'commonjs' = 'module'): string[] {
  const found: string[] = [];
  const rule: TSESLint.RuleModule<'found'> = {
    meta: { type: 'problem', messages: { found: 'found' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'() {
          for (const reference of iterateModuleReferences(context.sourceCode, traceMap)) {
            found.push(`${String(reference.info)}@${reference.node.loc.start.line}`);
          }
        },
      };
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(code, {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser as Linter.Parser, sourceType },
    plugins: { test: { rules: { refs: rule as unknown as Rule.RuleModule } } },
    rules: { 'test/refs': 'error' },
  }, 'file.ts');
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return found.sort();
}

describe('iterateModuleReferences', () => {
  it('finds named, renamed, default and namespace imports', () => {
    expect(findReferences(`import { Pool } from 'pg';\nnew Pool();`)).toEqual(['pg.Pool@2']);
    expect(findReferences(`import { Pool as P } from 'pg';\nnew P();`)).toEqual(['pg.Pool@2']);
    expect(findReferences(`import pg from 'pg';\nnew pg.Pool();`)).toEqual(['pg.Pool@2']);
    expect(findReferences(`import * as pg from 'pg';\nnew pg.Pool();`)).toEqual(['pg.Pool@2']);
    expect(findReferences(`import postgres from 'postgres';\npostgres('url');`)).toEqual(['postgres()@2']);
  });

  it('finds require() with or without a declared require global', () => {
    const code = `const { Pool } = require('pg');\nnew Pool();\nnew (require('pg').Pool)();\nrequire('postgres')();`;
    expect(findReferences(code, 'module')).toEqual(['pg.Pool@2', 'pg.Pool@3', 'postgres()@4']);
    expect(findReferences(code, 'commonjs')).toEqual(['pg.Pool@2', 'pg.Pool@3', 'postgres()@4']);
  });

  it('ignores other modules, shadowed names and a locally defined require', () => {
    expect(findReferences(`import { Pool } from 'pg-lite';\nnew Pool();`)).toEqual([]);
    expect(findReferences(`import { Pool } from 'pg';\nfunction f(Pool: any) { return new Pool(); }`)).toEqual([]);
    expect(findReferences(`const require = (x: string) => x;\nconst { Pool } = require('pg') as any;\nnew Pool();`)).toEqual([]);
  });
});
