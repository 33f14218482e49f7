// The npm package as users get it: copy the plugin's files as a fresh clone has
// them (no dist/), pack it with `npm run pack:plugin`'s script, unpack the
// tarball into a node_modules folder, and use what it contains.
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

/** The plugin's files as a fresh clone has them: tracked or new, never ignored (so no dist/). */
function copyCleanTree(): string {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z', 'eslint-plugin'], { cwd: repoRoot, encoding: 'utf8' });
  for (const file of listed.split('\0').filter((entry) => entry !== '' && fs.existsSync(path.join(repoRoot, entry)))) {
    fs.mkdirSync(path.dirname(path.join(scratch, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(scratch, file));
  }
  return path.join(scratch, 'eslint-plugin');
}

function packPlugin(): { files: string[]; installedAt: string } {
  const pluginDir = copyCleanTree();
  const tarball = execFileSync(process.execPath, [path.join(pluginDir, 'scripts/pack.mjs'), scratch], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  const installedAt = path.join(scratch, 'node_modules', 'eslint-plugin-next-db');
  fs.mkdirSync(installedAt, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installedAt, '--strip-components=1']);
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter((file) => file !== '');
  return { files: files.map((file) => file.replace(/^package\//, '')).sort(), installedAt };
}

/** create-next-app 16's eslint.config.mjs renamed to .ts, with the plugin's config added. */
const TYPED_CONFIG = `import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import nextDb from 'eslint-plugin-next-db';

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  nextDb.configs.recommended,
  globalIgnores(['.next/**', 'out/**', 'build/**', 'next-env.d.ts']),
]);
`;

/** The compiler options create-next-app 16 writes, minus the Next.js plugin and paths. */
const NEXT_APP_TSCONFIG = {
  compilerOptions: {
    target: 'ES2017',
    lib: ['dom', 'dom.iterable', 'esnext'],
    allowJs: true,
    skipLibCheck: true,
    strict: true,
    noEmit: true,
    esModuleInterop: true,
    module: 'esnext',
    moduleResolution: 'bundler',
    resolveJsonModule: true,
    isolatedModules: true,
    jsx: 'react-jsx',
  },
  include: ['eslint.config.ts'],
};

describe('the published eslint-plugin-next-db package, packed from a clean tree', () => {
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

  it('type-checks in a typed eslint.config.ts beside the real eslint-config-next', () => {
    fs.writeFileSync(path.join(scratch, 'eslint.config.ts'), TYPED_CONFIG);
    fs.writeFileSync(path.join(scratch, 'tsconfig.json'), JSON.stringify(NEXT_APP_TSCONFIG));
    const tsc = path.join(repoRoot, 'node_modules/typescript/bin/tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', path.join(scratch, 'tsconfig.json')], { cwd: scratch, encoding: 'utf8' });
    } catch (error) {
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    expect(output).toBe('');
  }, 60_000);
});
