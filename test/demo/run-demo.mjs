#!/usr/bin/env node
// `npm run demo`: lints the example Next.js app with the plugin's recommended
// config (the built package, as users get it), prints every finding, then the
// text each file would have after its autofixes and suggestions are applied.
// It never writes to the example app.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import plugin from '../../eslint-plugin/dist/index.js';
import { applyFix, recommendedFlatConfig } from '../support/lint-config.mjs';

const appDir = fileURLToPath(new URL('../fixtures/example-app/', import.meta.url));
const MAX_ROUNDS = 10;

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
console.log(`next-db demo: linting ${path.relative(process.cwd(), appDir)} with eslint-plugin-next-db's recommended config\n`);
for (const result of results) {
  for (const message of result.messages) {
    problems++;
    const file = path.relative(appDir, result.filePath);
    const severity = message.severity === 2 ? 'error' : 'warning';
    const fix = message.fix ? ' [autofix]' : message.suggestions?.length ? ' [suggestion]' : '';
    console.log(`${file}:${message.line}:${message.column}  ${severity}  ${message.message}  ${message.ruleId}${fix}`);
  }
}
console.log(`\n${problems} problem${problems === 1 ? '' : 's'} in ${results.length} files\n`);

for (const result of results) {
  if (result.messages.length === 0 || result.source === undefined) continue;
  const { text, applied } = await fixEverything(result.source, result.filePath);
  if (applied.length === 0) continue;
  console.log(`──── ${path.relative(appDir, result.filePath)} after ${applied.join(', ')} ────`);
  console.log(text);
}
if (results.some((result) => result.fatalErrorCount > 0)) process.exitCode = 1;
