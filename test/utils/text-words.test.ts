import { describe, expect, it } from 'vitest';
import { containsAnyWord, escapeRegExp } from '../../eslint-plugin/src/utils/ast/text-words';

describe('containsAnyWord', () => {
  const POOL_WORDS = ['pg', '@neondatabase/serverless', 'PrismaClient', '$disconnect'];

  it('finds a module name between quotes, whatever quote or subpath', () => {
    expect(containsAnyWord(`import { Pool } from 'pg';`, POOL_WORDS)).toBe(true);
    expect(containsAnyWord('const { Pool } = require("pg");', POOL_WORDS)).toBe(true);
    expect(containsAnyWord('await import(`pg`)', POOL_WORDS)).toBe(true);
    expect(containsAnyWord(`import x from 'pg/lib/client';`, POOL_WORDS)).toBe(true);
    expect(containsAnyWord(`import { Pool } from '@neondatabase/serverless';`, POOL_WORDS)).toBe(true);
  });

  it('finds a name used as a name: constructed, called as a method, imported under another name', () => {
    expect(containsAnyWord('const prisma = new PrismaClient();', POOL_WORDS)).toBe(true);
    expect(containsAnyWord('new prismaModule.PrismaClient<Options>()', POOL_WORDS)).toBe(true);
    expect(containsAnyWord('await prisma.$disconnect();', POOL_WORDS)).toBe(true);
    expect(containsAnyWord(`import { PrismaClient as Db } from '@/generated/prisma/client';`, POOL_WORDS)).toBe(true);
  });

  it('does not find a word inside a longer name', () => {
    expect(containsAnyWord(`import hero from './hero.jpg';\nconst svg = upgrade(pgsql);`, POOL_WORDS)).toBe(false);
    expect(containsAnyWord('if (error instanceof Prisma.PrismaClientKnownRequestError) {}', POOL_WORDS)).toBe(false);
    expect(containsAnyWord('z.string().required(); const requireAuth = 1;', ['require'])).toBe(false);
    expect(containsAnyWord('const myPrismaClient = 1; const $disconnected = 2;', POOL_WORDS)).toBe(false);
  });

  it('takes words with spaces and characters regular expressions treat specially', () => {
    expect(containsAnyWord(`'use cache: private'`, ['use cache'])).toBe(true);
    expect(containsAnyWord('a.b(c)', ['b(c'])).toBe(true);
    expect(containsAnyWord('abc', ['a.c'])).toBe(false);
    expect(containsAnyWord('anything', [])).toBe(false);
  });

  it('gives the same answer for a list it has seen and for an equal new list', () => {
    const words = ['better-sqlite3'];
    const text = `import Database from 'better-sqlite3';`;
    expect(containsAnyWord(text, words)).toBe(true);
    expect(containsAnyWord(text, words)).toBe(true);
    expect(containsAnyWord(text, [...words])).toBe(true);
    expect(containsAnyWord(`import Database from 'sqlite3';`, words)).toBe(false);
  });
});

describe('containsAnyWord, asked by several rules in turn', () => {
  it('answers each list right when a list is first asked about after the text was scanned for others', () => {
    const text = `import { cookies } from 'next/headers';`;
    expect(containsAnyWord(text, ['zzz-only-in-this-test'])).toBe(false);
    // A new list: the scan for every word known so far must now include it.
    expect(containsAnyWord(text, ['cookies'])).toBe(true);
    expect(containsAnyWord(text, ['zzz-only-in-this-test'])).toBe(false);
    expect(containsAnyWord('const nothing = 1;', ['cookies'])).toBe(false);
    expect(containsAnyWord(text, ['head'])).toBe(false);
    expect(containsAnyWord(text, ['headers'])).toBe(true);
  });
});

describe('escapeRegExp', () => {
  it('makes every special character literal', () => {
    const text = '.*+?^$' + '{}()|[]\\';
    expect(new RegExp(`^${escapeRegExp(text)}$`).test(text)).toBe(true);
  });
});
