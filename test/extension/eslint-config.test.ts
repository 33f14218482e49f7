import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findEslintConfigRules, findNearestEslintConfigRules, getRulesEnabledByConfigText } from '../../extension/src/server/eslint-config';

const presets = { recommended: ['no-pool-in-handler', 'require-connection'], all: ['no-pool-in-handler', 'require-connection'] };
const enabled = (text: string) => [...getRulesEnabledByConfigText(text, presets)].sort();

describe('getRulesEnabledByConfigText', () => {
  it('finds the recommended config in its usual spellings', () => {
    expect(enabled("import nextDb from 'eslint-plugin-next-db';\nexport default [nextDb.configs.recommended];")).toEqual(presets.all);
    expect(enabled("const nextDb = require('eslint-plugin-next-db');\nmodule.exports = [nextDb.configs['recommended']];")).toEqual(
      presets.all,
    );
  });

  it('reads single rules, and rules turned off after a preset', () => {
    expect(enabled("export default [{ plugins: { 'next-db': p }, rules: { 'next-db/require-connection': 'warn' } }];")).toEqual([
      'require-connection',
    ]);
    expect(
      enabled("export default [nextDb.configs.recommended, { rules: { 'next-db/no-pool-in-handler': 'off' } }];"),
    ).toEqual(['require-connection']);
    expect(enabled('export default [nextDb.configs.all, { rules: { "next-db/require-connection": [0] } }];')).toEqual([
      'no-pool-in-handler',
    ]);
  });

  it("does not take another plugin's recommended config for next-db's", () => {
    const text = [
      "import js from '@eslint/js';",
      "import nextDb from 'eslint-plugin-next-db';",
      "export default [js.configs.recommended, { plugins: { 'next-db': nextDb }, rules: { 'next-db/require-connection': 'error' } }];",
    ].join('\n');
    expect(enabled(text)).toEqual(['require-connection']);
    expect(enabled(text.replace('js.configs.recommended', 'js.configs.recommended, nextDb.default.configs.all'))).toEqual(presets.all);
    expect(enabled("const $db = require('eslint-plugin-next-db');\nmodule.exports = [tseslint.configs.recommended, $db.configs['recommended']];")).toEqual(
      presets.all,
    );
  });

  it('finds the vercel config, which holds attach-database-pool', () => {
    const withVercel = { ...presets, vercel: ['attach-database-pool'], all: [...presets.all, 'attach-database-pool'] };
    const text = "import nextDb from 'eslint-plugin-next-db';\nexport default [nextDb.configs.recommended, nextDb.configs.vercel];";
    expect([...getRulesEnabledByConfigText(text, withVercel)].sort()).toEqual(['attach-database-pool', ...presets.recommended]);
    expect([...getRulesEnabledByConfigText(text.replace(', nextDb.configs.vercel', ''), withVercel)].sort()).toEqual(presets.recommended);
  });

  it('finds nothing in configs that do not mention next-db', () => {
    expect(enabled("import js from '@eslint/js';\nexport default [js.configs.recommended];")).toEqual([]);
  });
});

describe('findEslintConfigRules', () => {
  it('reads the first eslint.config.* of the folder, without running it', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-config-'));
    try {
      expect(findEslintConfigRules(folder, presets)).toBeUndefined();
      // Executing this file would throw; reading it does not.
      fs.writeFileSync(path.join(folder, 'eslint.config.mjs'), "import nextDb from 'eslint-plugin-next-db';\nthrow new Error('executed');\nexport default [nextDb.configs.recommended];\n");
      const found = findEslintConfigRules(folder, presets);
      expect(found?.configFile).toBe(path.join(folder, 'eslint.config.mjs'));
      expect([...(found?.rules ?? [])].sort()).toEqual(presets.all);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('findNearestEslintConfigRules', () => {
  it("finds the config that applies to a file: its own folder's or the nearest above, as ESLint 10 does", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-nearest-'));
    try {
      const write = (relativePath: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(root, relativePath)), { recursive: true });
        fs.writeFileSync(path.join(root, relativePath), text);
      };
      write('eslint.config.mjs', "import js from '@eslint/js';\nexport default [js.configs.recommended];\n");
      write('apps/web/eslint.config.mjs', "import nextDb from 'eslint-plugin-next-db';\nexport default [nextDb.configs.recommended];\n");
      write('apps/web/app/api/users/route.ts', '');
      write('apps/docs/app/page.tsx', '');
      const web = findNearestEslintConfigRules(path.join(root, 'apps/web/app/api/users/route.ts'), presets, root);
      expect(web?.configFile).toBe(path.join(root, 'apps/web/eslint.config.mjs'));
      expect([...(web?.rules ?? [])].sort()).toEqual(presets.all);
      const docs = findNearestEslintConfigRules(path.join(root, 'apps/docs/app/page.tsx'), presets, root);
      expect(docs?.configFile).toBe(path.join(root, 'eslint.config.mjs'));
      expect([...(docs?.rules ?? [])]).toEqual([]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('a hostile eslint.config.* (issue 9)', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-hostile-config-'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const enabling = "import nextDb from 'eslint-plugin-next-db';\nexport default [nextDb.configs.recommended];\n";

  it('does not open a FIFO (which would block) nor read a link to /dev/zero (which never ends)', () => {
    fs.mkdirSync(path.join(root, 'fifo'));
    execFileSync('mkfifo', [path.join(root, 'fifo/eslint.config.mjs')]);
    expect(findEslintConfigRules(path.join(root, 'fifo'), presets)).toEqual({ configFile: path.join(root, 'fifo/eslint.config.mjs'), rules: new Set() });
    fs.mkdirSync(path.join(root, 'zero'));
    fs.symlinkSync('/dev/zero', path.join(root, 'zero/eslint.config.mjs'));
    expect(findEslintConfigRules(path.join(root, 'zero'), presets)?.rules).toEqual(new Set());
  });

  it('does not read a config that links out of the workspace folder', () => {
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside/real.mjs'), enabling);
    fs.mkdirSync(path.join(root, 'workspace'));
    fs.symlinkSync(path.join(root, 'outside/real.mjs'), path.join(root, 'workspace/eslint.config.mjs'));
    expect(findEslintConfigRules(path.join(root, 'workspace'), presets)?.rules).toEqual(new Set());
  });

  it('never looks above the workspace folder', () => {
    fs.writeFileSync(path.join(root, 'eslint.config.mjs'), enabling);
    fs.mkdirSync(path.join(root, 'inner/app'), { recursive: true });
    const file = path.join(root, 'inner/app/page.tsx');
    expect(findNearestEslintConfigRules(file, presets, path.join(root, 'inner'))).toBeUndefined();
    expect(findNearestEslintConfigRules(file, presets, root)?.configFile).toBe(path.join(root, 'eslint.config.mjs'));
  });
});
