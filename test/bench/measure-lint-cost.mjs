// Measures, in this process, the CPU time of linting each file parse-only
// (the same parser and languageOptions, no rules) and with next-db's rules.
// The lints are interleaved per file, so machine noise falls on all alike.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const TS_FILES = ['**/*.{ts,tsx,mts,cts}'];
const JS_FILES = ['**/*.{js,jsx,mjs,cjs}'];

/** The typescript-eslint parser for TS, ESLint's default (espree) for JS; JSX on for both, as Next.js apps write it. */
const PARSE_ONLY = [
  { files: JS_FILES, languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
  { files: TS_FILES, languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } },
];

/**
 * `eslint` builds its config array once per run; `Linter#verify` given a plain
 * array rebuilds it on every call, which would add the same fixed cost to both
 * sides and flatten the ratio. So both sides get a prebuilt array.
 */
function prebuildConfig(config, cwd) {
  const eslintDir = path.dirname(createRequire(import.meta.url).resolve('eslint/package.json'));
  const { FlatConfigArray } = createRequire(import.meta.url)(path.join(eslintDir, 'lib/config/flat-config-array.js'));
  const array = new FlatConfigArray(config, { basePath: cwd });
  array.normalizeSync();
  return array;
}

/**
 * A rule that does nothing: what ESLint itself costs for running any rule (a
 * rule context per file, and the traversal's events), against which next-db's
 * own cost can be told apart.
 */
export const NO_OP_RULE_SET = {
  label: 'one no-op rule',
  plugins: { bench: { rules: { 'no-op': { meta: { schema: [] }, create: () => ({ CallExpression() {} }) } } } },
  rules: { 'bench/no-op': 'error' },
};

/** The parse-only config, or with `plugins` and `rules` on top, prebuilt for `cwd`. */
export function buildLintConfig(cwd, plugins, rules) {
  return prebuildConfig(plugins === undefined ? PARSE_ONLY : [...PARSE_ONLY, { files: [...TS_FILES, ...JS_FILES], plugins, rules }], cwd);
}

/**
 * Empties the young generation before a timed lint (when the process was
 * started with --expose-gc), so each lint pays for the collections its own
 * allocations cause, not for garbage the previous lint left. Without it, the
 * scavenge that falls into a lint depends on where the previous ones left off,
 * and the same code measured 1.03× in one run and 1.16× in the next.
 */
function startClean() {
  globalThis.gc?.({ type: 'minor' });
}

function cpuMicroseconds(run) {
  startClean();
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  return { result, micros: used.user + used.system };
}

/**
 * Lints `files` (absolute paths inside `cwd`) for `rounds` rounds and returns,
 * per round, the CPU time (in all, and per file) of the parse-only lint and of each of `ruleSets`
 * (`{ label, plugins, rules }`; the first one's findings are counted), and the files
 * that do not parse. Round 1 is cold: the rules' caches start empty (the
 * parsers and ESLint are warmed up first, see warmUpEslint). The lints
 * of one file take turns at going first, so none always meets a warmer CPU
 * cache; with several rule sets, they share the rules' caches.
 */
export function measureLintCost({ cwd, files, rounds, ruleSets }) {
  const sources = files.map((filePath) => ({ filePath, text: fs.readFileSync(filePath, 'utf8') }));
  const linter = new Linter({ cwd });
  const configs = [buildLintConfig(cwd), ...ruleSets.map(({ plugins, rules }) => buildLintConfig(cwd, plugins, rules))];
  const results = [];
  warmUpEslint(linter, cwd, sources);
  for (let round = 0; round < rounds; round++) {
    const totals = { micros: configs.map(() => 0), fileMicros: configs.map(() => []), findings: 0, unparsed: 0 };
    sources.forEach(({ filePath, text }, index) => {
      for (let turn = 0; turn < configs.length; turn++) {
        const side = (index + round + turn) % configs.length;
        const { result, micros } = cpuMicroseconds(() => linter.verify(text, configs[side], filePath));
        totals.micros[side] += micros;
        totals.fileMicros[side][index] = micros;
        if (side === 0 && result.some((message) => message.fatal)) totals.unparsed += 1;
        if (side === 1) totals.findings += result.filter((message) => message.ruleId?.startsWith('next-db/')).length;
      }
    });
    results.push(totals);
  }
  return results;
}

/**
 * Lets V8 compile the parsers and ESLint's own code before anything is
 * timed, by linting every file once parse-only and once with the no-op rule,
 * with the linter and texts that will be timed. Loading and compiling
 * TypeScript, and ESLint's code for running rules (which a parse-only lint
 * never reaches), are not costs of next-db's rules: in one thread they would
 * be billed to whichever side linted first. With a parse-only warm-up alone,
 * on another linter and other copies of the texts, the parse-only side still
 * measured 15–40% slower in round 1 than an identical parse-only side beside
 * it, and the no-op rule up to 1.25× parse-only on 300 files. next-db's own
 * code and caches stay cold.
 */
function warmUpEslint(linter, cwd, sources) {
  const configs = [buildLintConfig(cwd), buildLintConfig(cwd, NO_OP_RULE_SET.plugins, NO_OP_RULE_SET.rules)];
  for (const { filePath, text } of sources) for (const config of configs) linter.verify(text, config, filePath);
}
