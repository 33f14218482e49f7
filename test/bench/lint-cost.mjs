// `npm run bench`: the CPU cost of next-db's rules, as a ratio to a parse-only
// lint of the same files. Prints figures; asserts nothing (timings are not
// pass/fail).
//
//   npm run bench                                   the example app and a generated 1,000-file app
//   npm run bench -- /path/to/app [more folders]    those folders instead, linted in place (cwd = the folder)
//   options: --rounds N (default 3; round 1 is cold), --sample N (lint N files spread over each folder),
//            --per-rule (also lint with each rule alone),
//            --runs N (measure each folder in N fresh processes; prints the run with the median ratio, and every run's ratio)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import plugin from '../../eslint-plugin/dist/index.js';
import { writeGeneratedApp } from './generated-app.mjs';
import { NO_OP_RULE_SET, measureLintCost } from './measure-lint-cost.mjs';
import { listSourceFiles, sampleEvenly } from './source-files.mjs';

// process.cpuUsage counts every thread, so V8's background compiler and
// collector would bill their work to whichever lint happens to be running.
// With one thread, each lint's CPU time is its own.
// --expose-gc lets each lint start with an empty young generation (see measure-lint-cost.mjs).
const CHILD_FLAGS = ['--single-threaded', '--expose-gc'];
if (!process.execArgv.includes('--single-threaded')) {
  const run = spawnSync(process.execPath, [...CHILD_FLAGS, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE_APP = path.join(ROOT, 'test/fixtures/example-app');
const GENERATED_FILES = 1000;

const { values: options, positionals: folders } = parseArgs({
  allowPositionals: true,
  options: {
    rounds: { type: 'string', default: '3' },
    sample: { type: 'string' },
    'per-rule': { type: 'boolean', default: false },
    runs: { type: 'string', default: '1' },
    /** Internal: measure the one folder given and print its rows as JSON (one of --runs). */
    json: { type: 'boolean', default: false },
  },
});
const rounds = Math.max(1, Number(options.rounds) || 1);
const runs = Math.max(1, Number(options.runs) || 1);
const sample = options.sample === undefined ? undefined : Number(options.sample);
const RECOMMENDED = plugin.configs.recommended.rules;
const PLUGINS = plugin.configs.recommended.plugins;
/**
 * What is linted besides parse-only: the recommended config (its findings
 * are counted), one rule that does nothing (ESLint's own cost of running any
 * rule), and with --per-rule each recommended rule alone.
 */
const ruleSets = [
  { label: 'recommended', plugins: PLUGINS, rules: RECOMMENDED },
  NO_OP_RULE_SET,
  ...(options['per-rule']
    ? Object.entries(RECOMMENDED).map(([id, level]) => ({ label: `${id.replace('next-db/', '')} only`, plugins: PLUGINS, rules: { [id]: level } }))
    : []),
];

const ms = (micros) => `${(micros / 1000).toFixed(1)} ms`;
const ratio = ({ withRules, parseOnly }) => (parseOnly === 0 ? Number.NaN : withRules / parseOnly);

/**
 * Each side's CPU time over the warm rounds: per file, the fastest of its
 * warm lints, summed. Noise on a shared machine only ever adds time, so the
 * minimum is the steadiest estimate (two identical parse-only configs agree
 * within about 1% this way, against up to 9% for plain sums).
 */
function fastestWarmLints(warmRounds) {
  const sides = warmRounds[0].fileMicros.length;
  const files = warmRounds[0].fileMicros[0].length;
  return Array.from({ length: sides }, (_, side) => {
    let total = 0;
    for (let file = 0; file < files; file++) total += Math.min(...warmRounds.map((round) => round.fileMicros[side][file]));
    return total;
  });
}

/** One measurement of a folder in this process: a row per round kind and rule set. */
function measureHere(dir) {
  const files = sampleEvenly(listSourceFiles(dir), sample);
  if (files.length === 0) return { fileCount: 0, findings: 0, unparsed: 0, rows: [] };
  const [cold, ...warm] = measureLintCost({ cwd: dir, files, rounds, ruleSets });
  const roundKinds = [['1 (cold)', cold.micros]];
  if (warm.length > 0) roundKinds.push([warm.length === 1 ? '2 (warm)' : `2–${rounds} (warm, fastest per file)`, fastestWarmLints(warm)]);
  const rows = roundKinds.flatMap(([round, [parseOnly, ...withRules]]) =>
    ruleSets.map((ruleSet, index) => ({ round, rules: ruleSet.label, parseOnly, withRules: withRules[index] })),
  );
  return { fileCount: files.length, findings: cold.findings, unparsed: cold.unparsed, rows };
}

/** The same measurement in a fresh process (so round 1 is cold again). */
function measureInChild(dir) {
  const args = [...CHILD_FLAGS, import.meta.filename, '--json', '--rounds', String(rounds), ...(sample === undefined ? [] : ['--sample', String(sample)])];
  if (options['per-rule']) args.push('--per-rule');
  const child = spawnSync(process.execPath, [...args, dir], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (child.status !== 0) throw new Error(`measuring ${dir} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

/**
 * Rows of several runs, one per round kind and rule set: the run with the
 * median ratio (its times, so the row adds up), and every run's ratio.
 */
function combineRuns(measurements) {
  const [first] = measurements;
  const rows = first.rows.map((_, index) => {
    const runRows = measurements.map(({ rows }) => rows[index]).sort((a, b) => ratio(a) - ratio(b));
    const ratios = measurements.map(({ rows }) => ratio(rows[index]).toFixed(3));
    return { ...runRows[Math.floor((runRows.length - 1) / 2)], runs: ratios.join(', ') };
  });
  return { ...first, rows };
}

function printCorpus(name, { fileCount, findings, unparsed, rows }) {
  for (const row of rows) {
    const perFile = (row.withRules - row.parseOnly) / fileCount;
    console.log(
      `| ${name} | ${fileCount} | ${findings} | ${row.round} | ${row.rules} | ${ms(row.parseOnly)} | ${ms(row.withRules)} | ` +
        `${(perFile / 1000).toFixed(2)} ms | **${ratio(row).toFixed(3)}×**${row.runs === undefined ? '' : ` (runs: ${row.runs})`} |`,
    );
  }
  if (unparsed > 0) console.log(`|  | ${unparsed} of them do not parse (fatal in every lint) | | | | | | | |`);
}

function measureFolder(name, dir) {
  const measured = runs === 1 ? measureHere(dir) : combineRuns(Array.from({ length: runs }, () => measureInChild(dir)));
  if (measured.fileCount === 0) console.log(`| ${name} | 0 | | no JS/TS files found | | | | | |`);
  else printCorpus(name, measured);
}

function describeMachine() {
  const cpus = os.cpus();
  const eslintVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/eslint/package.json'), 'utf8')).version;
  return `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ESLint ${eslintVersion}, load average ${os.loadavg()[0].toFixed(2)}`;
}

if (options.json) {
  console.log(JSON.stringify(measureHere(path.resolve(folders[0]))));
  process.exit(0);
}

console.log(`next-db lint cost — ${describeMachine()}`);
console.log(
  `CPU time (process.cpuUsage, user + system) of a parse-only lint and of lints with rules, ` +
    `interleaved per file in one single-threaded process; ${rounds} round${rounds === 1 ? '' : 's'}${sample === undefined ? '' : `, up to ${sample} sampled files per folder`}` +
    `${runs === 1 ? '' : `; each folder measured in ${runs} fresh processes, the run with the median ratio shown`}.\n`,
);
console.log('| Corpus | Files | Findings | Round | Rules | Parse-only | With rules | Rules per file | Ratio |');
console.log('| --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: |');

if (folders.length > 0) {
  for (const folder of folders) measureFolder(folder, path.resolve(folder));
} else {
  measureFolder('example-app', EXAMPLE_APP);
  const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-bench-'));
  try {
    writeGeneratedApp(generated, GENERATED_FILES);
    measureFolder(`generated app (${GENERATED_FILES} files, ~10% touch a database)`, generated);
  } finally {
    fs.rmSync(generated, { recursive: true, force: true });
  }
}
console.log('\nRatio = with rules / parse-only CPU time; "Rules per file" = the difference per file and round; findings are the recommended config\'s.');
console.log('"one no-op rule" is what ESLint itself costs for running any rule: the part of the ratio no plugin can avoid.');
if (ruleSets.length > 2) console.log('With --per-rule, the lints of one file share the rules\' caches, so in round 1 a rule alone may find them warm.');
