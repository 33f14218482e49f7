#!/usr/bin/env node
// `npm run demo`: lints the example Next.js app with the plugin's recommended
// config (the built package, as users get it), prints every finding, then the
// text each file would have after its autofixes and suggestions are applied.
// It never writes to the example app. `--update-readme` also puts the output
// into README.md, whose copy a test keeps in step.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import plugin from '../../eslint-plugin/dist/index.js';
import { applyFix, recommendedFlatConfig } from '../support/lint-config.mjs';

const appDir = fileURLToPath(new URL('../fixtures/example-app/', import.meta.url));
const readmePath = fileURLToPath(new URL('../../README.md', import.meta.url));
const MAX_ROUNDS = 10;
const README_BEGIN = '<!-- begin demo output -->';
const README_END = '<!-- end demo output -->';

const output = [];
const print = (line = '') => output.push(line);

const eslint = new ESLint({ cwd: appDir, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin) });
const fixer = new ESLint({ cwd: appDir, overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin), fix: true });

/** Applies autofixes, then each first suggestion in turn, re-linting after every edit. */
async function fixEverything(text, filePath) {
  const applied = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const [fixed] = await fixer.lintText(text, { filePath });
    if (fixed.output !== undefined && fixed.output !== text) {
      applied.push('autofix');
      text = fixed.output;
    }
    const withSuggestion = fixed.messages.find((message) => message.suggestions?.length);
    if (!withSuggestion) break;
    const [suggestion] = withSuggestion.suggestions;
    applied.push(`suggestion: ${suggestion.desc}`);
    text = applyFix(text, suggestion.fix);
  }
  return { text, applied };
}

const results = await eslint.lintFiles(['.']);
let problems = 0;
print(`next-db demo: linting test/fixtures/example-app with eslint-plugin-next-db's recommended config\n`);
for (const result of results) {
  for (const message of result.messages) {
    problems++;
    const file = path.relative(appDir, result.filePath);
    const severity = message.severity === 2 ? 'error' : 'warning';
    const fix = message.fix ? ' [autofix]' : message.suggestions?.length ? ' [suggestion]' : '';
    print(`${file}:${message.line}:${message.column}  ${severity}  ${message.message}  ${message.ruleId}${fix}`);
  }
}
print(`\n${problems} problem${problems === 1 ? '' : 's'} in ${results.length} files\n`);

for (const result of results) {
  if (result.messages.length === 0 || result.source === undefined) continue;
  const { text, applied } = await fixEverything(result.source, result.filePath);
  if (applied.length === 0) continue;
  print(`──── ${path.relative(appDir, result.filePath)} after ${applied.join(', ')} ────`);
  print(text);
}

const report = output.join('\n').trimEnd();
console.log(report);
if (process.argv.includes('--update-readme')) {
  const readme = fs.readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(README_BEGIN);
  const end = readme.indexOf(README_END);
  if (start === -1 || end < start) throw new Error(`README.md has no ${README_BEGIN} … ${README_END} block`);
  const block = `${README_BEGIN}\n\`\`\`text\n${report}\n\`\`\`\n`;
  fs.writeFileSync(readmePath, readme.slice(0, start) + block + readme.slice(end));
}
if (results.some((result) => result.fatalErrorCount > 0)) process.exitCode = 1;
