import * as fs from 'node:fs';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../eslint-plugin/src/index';
import { type RuleName, rules } from '../eslint-plugin/src/rules';
import { DOCS_BASE_URL } from '../eslint-plugin/src/create-rule';

const repoRoot = path.join(__dirname, '..');
const ruleNames = Object.keys(plugin.rules).sort();

/** Every object schema, however deeply nested, must be strict and describe its properties. */
function findLooseSchemas(schema: unknown, where: string): string[] {
  if (schema === null || typeof schema !== 'object') return [];
  const node = schema as Record<string, unknown>;
  const problems: string[] = [];
  if (node.type === 'object') {
    if (node.additionalProperties !== false) problems.push(`${where}: additionalProperties is not false`);
    for (const [key, value] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      if (typeof value.description !== 'string' || value.description === '') problems.push(`${where}.${key}: no description`);
    }
  }
  for (const [key, value] of Object.entries(node)) problems.push(...findLooseSchemas(value, `${where}.${key}`));
  return problems;
}

describe('plugin metadata', () => {
  it('has one source file and one doc page per rule, and nothing else', () => {
    const sources = fs
      .readdirSync(path.join(repoRoot, 'eslint-plugin/src/rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.replace(/\.ts$/, ''));
    const docs = fs.readdirSync(path.join(repoRoot, 'docs/rules')).map((file) => file.replace(/\.md$/, ''));
    expect(sources.sort()).toEqual(ruleNames);
    expect(docs.sort()).toEqual(ruleNames);
  });

  it.each(ruleNames)('%s has complete meta, strict options and a doc page with ❌ and ✅ examples', (name) => {
    const rule = rules[name as RuleName];
    expect(rule.meta.docs?.url).toBe(`${DOCS_BASE_URL}/${name}.md`);
    expect(rule.meta.docs?.description).toMatch(/^[A-Z].+[^.]$/);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    expect(findLooseSchemas(rule.meta.schema, name)).toEqual([]);

    const doc = fs.readFileSync(path.join(repoRoot, 'docs/rules', `${name}.md`), 'utf8');
    expect(doc).toContain(`# next-db/${name}`);
    expect(doc).toContain('❌');
    expect(doc).toContain('✅');
    // eslint-doc-generator requires an Options section exactly when the rule has options.
    const hasOptions = Array.isArray(rule.meta.schema) ? rule.meta.schema.length > 0 : rule.meta.schema !== undefined;
    if (hasOptions) expect(doc).toContain('## Options');
    else expect(doc).not.toContain('## Options');
  });

  it.each(ruleNames)('%s leads every message with a sentence of at most 100 characters', (name) => {
    // A placeholder stands for a value of typical length, like `new pg.Pool()` or `getDb`.
    const firstSentences = Object.values(rules[name as RuleName].meta.messages).map(
      (message) => message.replace(/\{\{\s*\w+\s*\}\}/g, 'x'.repeat(16)).split(/(?<=\.) /)[0]!,
    );
    expect(firstSentences.filter((sentence) => sentence.length > 100)).toEqual([]);
  });

  it('gives its published package caret ranges for runtime dependencies', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'eslint-plugin/package.json'), 'utf8'));
    for (const range of Object.values(manifest.dependencies as Record<string, string>)) expect(range).toMatch(/^\^\d/);
  });

  it('exposes recommended and all configs that reference only real rules', () => {
    const qualified = ruleNames.map((name) => `next-db/${name}`);
    expect(Object.keys(plugin.configs.all.rules).sort()).toEqual(qualified);
    for (const ruleId of Object.keys(plugin.configs.recommended.rules)) expect(qualified).toContain(ruleId);
    expect(plugin.configs.recommended.plugins['next-db']).toBe(plugin);
  });

  it('is published as its own package with the promised entry points and peer range', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'eslint-plugin/package.json'), 'utf8'));
    expect(manifest.name).toBe('eslint-plugin-next-db');
    expect(manifest.peerDependencies.eslint).toBe('^9.39.0 || ^10.0.0');
    expect(manifest.main).toBe('./dist/index.js');
    expect(manifest.types).toBe('./dist/index.d.ts');
    expect(manifest.exports['.'].default).toBe('./dist/index.js');
    expect(plugin.meta.name).toBe('eslint-plugin-next-db');
  });

  it('lists every rule in the README rules table', () => {
    const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
    for (const name of ruleNames) expect(readme).toContain(`[${name}](docs/rules/${name}.md)`);
  });
});

const IMPORTS_PROJECT_FILE = /from '(?:@\/|\.{1,2}\/)/;
/** Files Next.js loads by their place: App Router and Pages Router files, middleware and proxy. */
const ROUTER_FILE = /^(?:src\/)?(?:app\/|pages\/|(?:middleware|proxy)\.)/;

/** A doc page's ❌ and ✅ code blocks; a block may name its file in a first-line comment (`// app/page.tsx`). */
function getDocExamples(name: string): { label: '❌' | '✅'; filename: string; code: string }[] {
  const doc = fs.readFileSync(path.join(repoRoot, 'docs/rules', `${name}.md`), 'utf8');
  const examples: { label: '❌' | '✅'; filename: string; code: string }[] = [];
  let label = '';
  for (const match of doc.matchAll(/^(❌|✅|#+ |Before:|After:).*$|^```(tsx?)\n([\s\S]*?)^```$/gm)) {
    if (match[1] !== undefined) label = match[1];
    else if (label === '❌' || label === '✅') {
      const code = match[3] ?? '';
      const filename = /^\/\/ (\S+\.tsx?)(?::|$)/m.exec(code)?.[1] ?? (match[2] === 'tsx' ? 'app/page.tsx' : 'app/api/example/route.ts');
      examples.push({ label, filename, code });
    }
  }
  return examples;
}

/** The host a rule's page is about: its examples assume the app runs there. */
const DOC_HOSTS: Record<string, string | undefined> = { 'attach-database-pool': 'vercel', 'no-shared-pool-on-workers': 'cloudflare' };

/** The rule's findings in a doc example, linted as in an App Router project on Next.js 16 (nothing read from disk). */
function countDocFindings(name: string, code: string, filename: string): number {
  const linter = new Linter({ configType: 'flat', cwd: repoRoot });
  return linter.verify(
    code,
    {
      files: ['**/*.{ts,tsx}'],
      languageOptions: { parser: tsParser as Linter.Parser, parserOptions: { ecmaFeatures: { jsx: true } } },
      plugins: { 'next-db': plugin as unknown as ESLint.Plugin },
      settings: { next: { version: 16, cacheComponents: false, host: DOC_HOSTS[name] } },
      rules: { [`next-db/${name}`]: 'error' },
    },
    filename,
  ).filter((message) => message.ruleId === `next-db/${name}`).length;
}

describe('rule doc pages', () => {
  it.each(ruleNames)('%s shows ❌ examples the rule reports and ✅ examples it accepts', (name) => {
    const examples = getDocExamples(name);
    expect(examples.some((example) => example.label === '❌')).toBe(true);
    expect(examples.some((example) => example.label === '✅')).toBe(true);
    for (const { label, code, filename } of examples) {
      const findings = countDocFindings(name, code, filename);
      // An example that imports another project file (`@/lib/db`), or a module outside the router that counts only
      // once the app imports it, is only judged with those files, which a doc page does not hold.
      const needsOtherFiles = IMPORTS_PROJECT_FILE.test(code) || !ROUTER_FILE.test(filename);
      if (label === '❌' && !needsOtherFiles) expect(findings, `${filename}:\n${code}`).toBeGreaterThan(0);
      else expect(findings, `${filename}:\n${code}`).toBe(0);
    }
  });
});
