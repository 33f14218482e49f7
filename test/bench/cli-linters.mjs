// Prints how long ESLint and oxlint (with the plugin as a JS plugin) take to
// lint the example app with next-db's two rules, each run a fresh process as on
// the command line. Usage: npm run build && node test/bench/cli-linters.mjs
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RUNS = 5;
// Outside the repository, whose .gitignore oxlint would honour.
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-bench-'));
fs.cpSync(path.join(root, 'test/fixtures/example-app'), app, { recursive: true });
const rules = { 'next-db/no-pool-in-handler': 'error', 'next-db/require-connection': 'error' };
fs.writeFileSync(path.join(app, '.oxlintrc.json'), JSON.stringify({ jsPlugins: [path.join(root, 'eslint-plugin/dist/index.js')], rules }));
const eslintScript = `
import { ESLint } from ${JSON.stringify(path.join(root, 'node_modules/eslint/lib/api.js'))};
import plugin from ${JSON.stringify(path.join(root, 'eslint-plugin/dist/index.js'))};
import { recommendedFlatConfig } from ${JSON.stringify(path.join(root, 'test/support/lint-config.mjs'))};
const eslint = new ESLint({ cwd: process.cwd(), overrideConfigFile: true, overrideConfig: recommendedFlatConfig(plugin) });
const results = await eslint.lintFiles(['.']);
console.log(results.reduce((sum, result) => sum + result.messages.length, 0));
`;
fs.writeFileSync(path.join(app, 'run-eslint.mjs'), eslintScript);

/** Median wall time of RUNS runs; `isRight` checks each run's output, so a broken setup is not timed. */
function time(command, args, isRight) {
  const figures = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const result = spawnSync(command, args, { cwd: app, encoding: 'utf8' });
    figures.push(performance.now() - started);
    if (result.error) throw result.error;
    if (!isRight(result.stdout)) throw new Error(`${path.basename(command)} ${args.join(' ')} printed:\n${result.stdout}${result.stderr}`);
  }
  return figures.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

try {
  const eslint = time(process.execPath, ['run-eslint.mjs'], (output) => output.trim() === '4');
  const oxlint = time(path.join(root, 'node_modules/.bin/oxlint'), ['-c', '.oxlintrc.json', '--ignore-pattern', 'run-eslint.mjs', '.'], (output) =>
    output.includes('Found 0 warnings and 4 errors'),
  );
  console.log(`Linting the example app (9 files, 4 findings), median of ${RUNS} fresh processes:`);
  console.log(`  ESLint ${fs.readFileSync(path.join(root, 'node_modules/eslint/package.json'), 'utf8').match(/"version": "([^"]+)"/)?.[1]}: ${eslint.toFixed(0)} ms`);
  console.log(`  oxlint ${fs.readFileSync(path.join(root, 'node_modules/oxlint/package.json'), 'utf8').match(/"version": "([^"]+)"/)?.[1]} (JS plugin): ${oxlint.toFixed(0)} ms`);
} finally {
  fs.rmSync(app, { recursive: true, force: true });
}
