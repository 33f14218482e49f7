// `npm run bench:run`: what one whole lint costs, as `eslint .` runs it in CI:
// every file once, in a fresh single-threaded process, garbage collection
// included as it falls. Prints figures; asserts nothing.
//
//   npm run bench:run                                  a generated 1,000-file app
//   npm run bench:run -- /path/to/app [more folders]   those folders, linted in place
//   options: --rounds N (default 2; each round runs every config once, in turn)
//
// Three configs: parse-only, one rule that does nothing (what ESLint itself
// costs for running any rule: its traversal, and the collections that work
// brings on), and next-db's recommended rules. `npm run bench` interleaves
// files and empties the young generation before each lint, which keeps its
// ratios steady but leaves that cost of ESLint's out.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Linter } from 'eslint';
import plugin from '../../eslint-plugin/dist/index.js';
import { writeGeneratedApp } from './generated-app.mjs';
import { NO_OP_RULE_SET, buildLintConfig } from './measure-lint-cost.mjs';
import { listSourceFiles } from './source-files.mjs';

const MODES = ['parse-only', NO_OP_RULE_SET.label, 'recommended'];

function configFor(mode, cwd) {
  if (mode === 'parse-only') return buildLintConfig(cwd);
  if (mode === NO_OP_RULE_SET.label) return buildLintConfig(cwd, NO_OP_RULE_SET.plugins, NO_OP_RULE_SET.rules);
  return buildLintConfig(cwd, plugin.configs.recommended.plugins, plugin.configs.recommended.rules);
}

/** In the child: lints every file of `dir` once with `mode` and prints its CPU and GC time as JSON. */
function runWorker(mode, dir) {
  const files = listSourceFiles(dir).map((filePath) => ({ filePath, text: fs.readFileSync(filePath, 'utf8') }));
  const linter = new Linter({ cwd: dir });
  const config = configFor(mode, dir);
  let gcMillis = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMillis += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  const started = process.cpuUsage();
  let findings = 0;
  for (const { filePath, text } of files) {
    findings += linter.verify(text, config, filePath).filter((message) => message.ruleId?.startsWith('next-db/')).length;
  }
  const used = process.cpuUsage(started);
  // GC entries arrive after the work that caused them.
  setTimeout(() => {
    observer.disconnect();
    console.log(JSON.stringify({ files: files.length, findings, cpuMillis: (used.user + used.system) / 1000, gcMillis }));
  }, 50);
}

function runOnce(mode, dir) {
  const child = spawnSync(process.execPath, ['--single-threaded', import.meta.filename, '--worker', mode, dir], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`${mode} on ${dir} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1));
}

function measureFolder(name, dir, rounds) {
  const best = new Map();
  for (let round = 0; round < rounds; round++) {
    // Each round starts with a different config, so none always meets a busier machine.
    for (let turn = 0; turn < MODES.length; turn++) {
      const mode = MODES[(round + turn) % MODES.length];
      const result = runOnce(mode, dir);
      if (!best.has(mode) || result.cpuMillis < best.get(mode).cpuMillis) best.set(mode, result);
    }
  }
  const parseOnly = best.get('parse-only').cpuMillis;
  const noOp = best.get(NO_OP_RULE_SET.label).cpuMillis;
  for (const mode of MODES) {
    const { files, findings, cpuMillis, gcMillis } = best.get(mode);
    console.log(
      `| ${name} | ${files} | ${mode} | ${mode === 'recommended' ? findings : ''} | ${cpuMillis.toFixed(0)} ms | ${gcMillis.toFixed(0)} ms | ` +
        `**${(cpuMillis / parseOnly).toFixed(3)}×** | ${mode === 'parse-only' ? '' : `${(cpuMillis / noOp).toFixed(3)}×`} |`,
    );
  }
}

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '2' }, worker: { type: 'string' } },
});

if (options.worker !== undefined) {
  runWorker(options.worker, positionals[0]);
} else {
  const rounds = Math.max(1, Number(options.rounds) || 1);
  console.log(`next-db whole-run cost — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg()[0].toFixed(2)}`);
  console.log(`Each config lints every file once in a fresh single-threaded process; the fastest of ${rounds} round${rounds === 1 ? '' : 's'}.\n`);
  console.log('| Corpus | Files | Config | Findings | CPU | of it GC | vs parse-only | vs one no-op rule |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: |');
  if (positionals.length > 0) {
    for (const folder of positionals) measureFolder(folder, path.resolve(folder), rounds);
  } else {
    const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-bench-'));
    try {
      writeGeneratedApp(generated, 1000);
      measureFolder('generated app (1000 files)', generated, rounds);
    } finally {
      fs.rmSync(generated, { recursive: true, force: true });
    }
  }
}
