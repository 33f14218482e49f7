// `npm run demo` is the README's main job: it must run, report the planted
// problems, and print exactly what the README shows.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.join(__dirname, '..', '..');

function readmeDemoBlock(): string {
  const readme = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
  const match = /<!-- begin demo output -->\n```text\n([\s\S]*?)\n```\n<!-- end demo output -->/.exec(readme);
  if (!match?.[1]) throw new Error('README.md has no demo output block');
  return match[1];
}

describe('npm run demo', () => {
  it('prints the findings and fixed text that the README shows', () => {
    if (!fs.existsSync(path.join(repoRoot, 'eslint-plugin/dist/index.js'))) {
      throw new Error('eslint-plugin/dist is missing: run `npm run build` first (npm test does).');
    }
    const stdout = execFileSync(process.execPath, ['test/demo/run-demo.mjs'], { cwd: repoRoot, encoding: 'utf8' });
    expect(stdout).toContain('9 problems in 14 files');
    expect(stdout).toContain("import { connection } from 'next/server';");
    expect(stdout.trimEnd()).toBe(readmeDemoBlock());
  });
});
