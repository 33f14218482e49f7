// The npm package as users get it: `npm pack` the plugin, unpack the tarball
// into a node_modules folder, and lint the example app with what it contains.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { recommendedFlatConfig } from '../support/lint-config.mjs';
import { EXAMPLE_APP_DIR, EXPECTED_FINDINGS, lintProject } from '../support/example-app-findings';

const repoRoot = path.join(__dirname, '..', '..');
// Inside the repository, so the package's own dependencies resolve from the root node_modules.
const scratch = path.join(repoRoot, 'test/.tmp', `published-package-${process.pid}`);
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function packPlugin(): { files: string[]; installedAt: string } {
  fs.mkdirSync(scratch, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', scratch, '-w', 'eslint-plugin-next-db'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const [packed] = JSON.parse(output) as { filename: string; files: { path: string }[] }[];
  if (!packed) throw new Error(`npm pack printed no package: ${output}`);
  const installedAt = path.join(scratch, 'node_modules', 'eslint-plugin-next-db');
  fs.mkdirSync(installedAt, { recursive: true });
  execFileSync('tar', ['-xzf', path.join(scratch, packed.filename), '-C', installedAt, '--strip-components=1']);
  return { files: packed.files.map((file) => file.path).sort(), installedAt };
}

describe('the published eslint-plugin-next-db package', () => {
  const { files, installedAt } = packPlugin();

  it('ships the built code, types, README and LICENSE, and no sources or tests', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
    expect(files.filter((file) => !file.startsWith('dist/') && !['README.md', 'LICENSE', 'package.json'].includes(file))).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  it('loads through its package.json entry points and reports the example app as the sources do', async () => {
    const plugin = require(installedAt) as { meta: { name: string }; configs: { recommended: object } };
    expect(plugin.meta.name).toBe('eslint-plugin-next-db');
    const eslint = new ESLint({ cwd: EXAMPLE_APP_DIR, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin) });
    expect(await lintProject(eslint)).toEqual(EXPECTED_FINDINGS);
  });
});
