import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rules } from '../../eslint-plugin/src/rules';
import { lintText } from '../../extension/src/server/lint';
import { buildRulesConfig, getPresetRules } from '../../extension/src/server/rule-config';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../extension/src/shared/settings';

describe('normalizeSettings', () => {
  it('gives the defaults for missing or malformed settings', () => {
    expect(normalizeSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(normalizeSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
    expect(
      normalizeSettings({ enable: 'yes', run: 'always', rules: [], poolSize: 0, poolFactories: {}, next: { rootDir: 3 } }),
    ).toEqual(DEFAULT_SETTINGS);
  });

  it('says which values it ignored, one line each, and nothing for valid or missing ones', () => {
    const warnings: string[] = [];
    normalizeSettings(
      {
        enable: 'yes',
        run: 'always',
        rules: { 'require-connection': 2, 'no-pool-in-handler': 'warn' },
        poolSize: '5',
        poolFactories: [{ module: '@acme/db' }, 'pg-like'],
        next: { rootDir: 3 },
        deferToESLintExtension: 1,
      },
      (message) => warnings.push(message),
    );
    expect(warnings.map((message) => message.split(':')[0])).toEqual([
      'next-db.enable',
      'next-db.run',
      'next-db.rules.require-connection',
      'next-db.poolSize',
      'next-db.poolFactories',
      'next-db.next.rootDir',
      'next-db.deferToESLintExtension',
    ]);
    expect(warnings[1]).toContain('"always"');

    const none: string[] = [];
    normalizeSettings({ enable: false, run: 'off', rules: {}, poolSize: 3, next: { rootDir: ['apps/*'] } }, (message) => none.push(message));
    normalizeSettings(undefined, (message) => none.push(message));
    expect(none).toEqual([]);
  });

  it('keeps valid values, drops invalid entries and accepts rule ids with the prefix', () => {
    const settings = normalizeSettings({
      enable: false,
      run: 'onSave',
      rules: { 'next-db/no-pool-in-handler': 'warn', 'require-connection': 'off', other: 'loud' },
      poolSize: 10,
      poolFactories: [{ module: '@acme/db', import: 'createPool', sizeOption: 'size' }, { import: 'x' }, 'pg'],
      next: { rootDir: ['apps/*', '', 4], host: 'vercel' },
      deferToEslintExtension: false,
    });
    expect(settings).toEqual({
      enable: false,
      run: 'onSave',
      rules: { 'no-pool-in-handler': 'warn', 'require-connection': 'off' },
      poolSize: 10,
      poolFactories: [{ module: '@acme/db', import: 'createPool', sizeOption: 'size' }],
      next: { rootDir: ['apps/*'], host: 'vercel' },
      deferToEslintExtension: false,
    });
  });

  it('reads deferToESLintExtension also under its former key deferToEslintExtension', () => {
    expect(normalizeSettings({ deferToESLintExtension: false }).deferToEslintExtension).toBe(false);
    expect(normalizeSettings({ deferToEslintExtension: false }).deferToEslintExtension).toBe(false);
    expect(normalizeSettings({ deferToESLintExtension: true, deferToEslintExtension: false }).deferToEslintExtension).toBe(true);
  });

  it('reads next.rootDir given as a dotted key or a single string', () => {
    expect(normalizeSettings({ 'next.rootDir': 'apps/web' }).next.rootDir).toEqual(['apps/web']);
    expect(normalizeSettings({ next: { rootDir: 'packages/site' } }).next.rootDir).toEqual(['packages/site']);
  });
});

describe('buildRulesConfig', () => {
  it('starts from the recommended config and maps the pool settings onto no-pool-in-handler', () => {
    const rules = buildRulesConfig(normalizeSettings({ poolSize: 8, poolFactories: [{ module: '@acme/db' }] }), new Set());
    expect(rules['next-db/no-pool-in-handler']).toEqual(['error', { poolSize: 8, factories: [{ module: '@acme/db' }] }]);
    expect(rules['next-db/require-connection']).toEqual(['error']);
    expect(rules['next-db/prefer-connection']).toEqual(['warn']);
    // Silent unless the app is on Vercel, so the editor runs it without asking.
    expect(rules['next-db/attach-database-pool']).toEqual(['error']);
  });

  it('applies per-rule severities and turns off rules left to the ESLint extension', () => {
    const settings = normalizeSettings({ rules: { 'require-connection': 'warn' } });
    expect(buildRulesConfig(settings, new Set())['next-db/require-connection']).toEqual(['warn']);
    const rules = buildRulesConfig(settings, new Set(['no-pool-in-handler']));
    expect(rules['next-db/no-pool-in-handler']).toBe('off');
  });

  it('knows the rules of the plugin presets', () => {
    expect(getPresetRules().all.sort()).toEqual(Object.keys(rules).sort());
    expect(getPresetRules().all).toContain('release-pool-client');
    expect(getPresetRules().vercel).toEqual(['attach-database-pool']);
  });
});

describe('next.rootDir', () => {
  const text = "import { Pool } from 'pg';\nexport default async function handler() {\n  const pool = new Pool();\n  await pool.query('SELECT 1');\n}\n";
  const cwd = path.join(os.tmpdir(), `next-db-monorepo-${process.pid}`);
  const lint = (rootDir: unknown) =>
    lintText({ text, filename: path.join(cwd, 'apps/web/pages/api/users.ts'), cwd, settings: normalizeSettings({ next: { rootDir } }) })
      .messages.map((message) => message.ruleId);

  it('finds the Next.js project of a monorepo only where the setting points', () => {
    expect(lint(undefined)).toEqual([]);
    expect(lint('apps/*')).toEqual(['next-db/no-pool-in-handler']);
    expect(lint(['apps/web'])).toEqual(['next-db/no-pool-in-handler']);
  });
});

describe('next.host', () => {
  // A pool per request in a route handler: reported on a Node.js server, the rule for Cloudflare Workers.
  const text = "import { Pool } from 'pg';\nexport async function GET() {\n  const pool = new Pool();\n  return Response.json((await pool.query('SELECT 1')).rows);\n}\n";
  const cwd = path.resolve('test/fixtures/hosts/node');
  const lint = (host: unknown) =>
    lintText({ text, filename: path.join(cwd, 'app/api/count/route.ts'), cwd, settings: normalizeSettings({ next: { host } }) })
      .messages.map((message) => message.ruleId);

  it('passes the host to the rules, and detects it for "auto"', () => {
    expect(lint(undefined)).toEqual(['next-db/no-pool-in-handler']);
    expect(lint('auto')).toEqual(['next-db/no-pool-in-handler']);
    expect(lint('cloudflare')).toEqual([]);
    expect(lint('vercel')).toEqual(['next-db/no-pool-in-handler']);
  });

  it('warns about any other value and detects the host instead', () => {
    const warnings: string[] = [];
    expect(normalizeSettings({ next: { host: 'aws' } }, (message) => warnings.push(message)).next.host).toBe('auto');
    expect(normalizeSettings({ 'next.host': 'cloudflare' }).next.host).toBe('cloudflare');
    expect(warnings).toEqual(['next-db.next.host: "aws" is not a valid value; using "auto".']);
  });
});

describe('the next-db.rules setting in the manifest', () => {
  it('offers every rule of the plugin in the Settings UI, and no other', async () => {
    const manifest = (await import('../../package.json', { with: { type: 'json' } })).default as {
      contributes: { configuration: { properties: Record<string, { properties?: Record<string, unknown> }> } };
    };
    const listed = Object.keys(manifest.contributes.configuration.properties['next-db.rules']?.properties ?? {});
    expect(listed.sort()).toEqual(Object.keys(rules).sort());
  });
});
