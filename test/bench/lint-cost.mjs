// `npm run bench`: the CPU cost of next-db's rules, as a ratio to a parse-only
// lint of the same files. Prints figures; asserts nothing (timings are not
// pass/fail).
//
//   npm run bench                                   the example app and a generated 1,000-file app
//   npm run bench -- /path/to/app [more folders]    those folders instead, linted in place (cwd = the folder)
//   options: --rounds N (default 3; round 1 is cold), --sample N (lint N files spread over each folder),
//            --per-rule (also lint with each rule alone)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import plugin from '../../eslint-plugin/dist/index.js';
import { writeGeneratedApp } from './generated-app.mjs';
import { measureLintCost, warmUpParsers } from './measure-lint-cost.mjs';
import { listSourceFiles, sampleEvenly } from './source-files.mjs';

// process.cpuUsage counts every thread, so V8's background compiler and
// collector would bill their work to whichever lint happens to be running.
// With one thread, each lint's CPU time is its own.
// --expose-gc lets each lint start with an empty young generation (see measure-lint-cost.mjs).
if (!process.execArgv.includes('--single-threaded')) {
  const flags = ['--single-threaded', '--expose-gc'];
  const run = spawnSync(process.execPath, [...flags, ...process.execArgv, import.meta.filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE_APP = path.join(ROOT, 'test/fixtures/example-app');
const GENERATED_FILES = 1000;

const { values: options, positionals: folders } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '3' }, sample: { type: 'string' }, 'per-rule': { type: 'boolean', default: false } },
});
const rounds = Math.max(1, Number(options.rounds) || 1);
const sample = options.sample === undefined ? undefined : Number(options.sample);
const RECOMMENDED = plugin.configs.recommended.rules;
/** What is linted besides parse-only: the recommended config, and with --per-rule each of its rules alone. */
const ruleSets = [
  { label: 'recommended', rules: RECOMMENDED },
  ...(options['per-rule'] ? Object.entries(RECOMMENDED).map(([id, level]) => ({ label: `${id.replace('next-db/', '')} only`, rules: { [id]: level } })) : []),
];

const ms = (micros) => `${(micros / 1000).toFixed(1)} ms`;
const ratio = (withRules, parseOnly) => (parseOnly === 0 ? 'n/a' : `${(withRules / parseOnly).toFixed(3)}×`);

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

function printCorpus(name, fileCount, results) {
  const [cold, ...warm] = results;
  const rounds = [['1 (cold)', cold.micros]];
  if (warm.length > 0) rounds.push([warm.length === 1 ? '2 (warm)' : `2–${results.length} (warm, fastest per file)`, fastestWarmLints(warm)]);
  for (const [label, micros] of rounds) {
    const [parseOnly] = micros;
    ruleSets.forEach((ruleSet, index) => {
      const withRules = micros[index + 1];
      const perFile = (withRules - parseOnly) / fileCount;
      console.log(
        `| ${name} | ${fileCount} | ${cold.findings} | ${label} | ${ruleSet.label} | ${ms(parseOnly)} | ${ms(withRules)} | ` +
          `${(perFile / 1000).toFixed(2)} ms | **${ratio(withRules, parseOnly)}** |`,
      );
    });
  }
  if (cold.unparsed > 0) console.log(`|  | ${cold.unparsed} of them do not parse (fatal in every lint) | | | | | | | |`);
}

function measureFolder(name, dir) {
  const files = sampleEvenly(listSourceFiles(dir), sample);
  if (files.length === 0) {
    console.log(`| ${name} | 0 | | no JS/TS files found | | | | | |`);
    return;
  }
  warmUpParsers(dir, files);
  printCorpus(name, files.length, measureLintCost({ cwd: dir, files, rounds, plugin, ruleSets }));
}

function describeMachine() {
  const cpus = os.cpus();
  const eslintVersion = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/eslint/package.json'), 'utf8')).version;
  return `Node ${process.version}, ${cpus.length} × ${cpus[0]?.model ?? 'CPU'}, ESLint ${eslintVersion}, load average ${os.loadavg()[0].toFixed(2)}`;
}

console.log(`next-db lint cost — ${describeMachine()}`);
console.log(
  `CPU time (process.cpuUsage, user + system) of a parse-only lint and of a lint with next-db's recommended rules, ` +
    `interleaved per file in one single-threaded process; ${rounds} round${rounds === 1 ? '' : 's'}${sample === undefined ? '' : `, up to ${sample} sampled files per folder`}.\n`,
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
if (ruleSets.length > 1) console.log('With --per-rule, the lints of one file share the rules\' caches, so in round 1 a rule alone may find them warm.');
