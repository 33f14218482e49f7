// Lint time of files built to be slow (issue 9). Prints figures; asserts
// nothing. Run with `npm run bench:hostile` (it builds the plugin first).
//
// A handler creating and closing N pools made `no-pool-in-handler` walk the
// whole handler again for every pool; each file here is under 100 KB and
// should lint in well under 0.5 s.
import * as path from 'node:path';
import { Linter } from 'eslint';
import plugin from '../../eslint-plugin/dist/index.js';
import { recommendedFlatConfig } from '../support/lint-config.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CWD = path.join(ROOT, 'test/fixtures/example-app');
const RUNS = 3;

/** An API route handler that creates and ends `count` pools. */
function manyPoolsHandler(count) {
  const lines = ["import { Pool } from 'pg';", '', 'export async function GET() {'];
  for (let index = 0; index < count; index++) lines.push(`  const p${index} = new Pool({ max: 1 }); await p${index}.end();`);
  lines.push('  return Response.json({});', '}', '');
  return lines.join('\n');
}

/** Best of RUNS, after one warm-up run; `rules: false` parses only, to show what the rules add. */
function lintMilliseconds(text, filename, rules = true) {
  const linter = new Linter({ cwd: CWD });
  const config = rules ? recommendedFlatConfig(plugin.default ?? plugin) : recommendedFlatConfig({ configs: { recommended: {} } });
  let problems = linter.verify(text, config, { filename }).length;
  let best = Infinity;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    problems = linter.verify(text, config, { filename }).length;
    best = Math.min(best, performance.now() - started);
  }
  return { best, problems };
}

console.log(`no-pool-in-handler, one route handler creating N pools (best of ${RUNS}; budget 500 ms under 100 KB):`);
for (const count of [600, 1000, 2000]) {
  const text = manyPoolsHandler(count);
  const kilobytes = Buffer.byteLength(text) / 1000;
  const filename = path.join(CWD, 'app/api/many/route.ts');
  const { best, problems } = lintMilliseconds(text, filename);
  const parseOnly = lintMilliseconds(text, filename, false).best;
  const verdict = kilobytes < 100 && best >= 500 ? '  OVER the budget' : '';
  console.log(
    `  N = ${String(count).padStart(4)}  ${kilobytes.toFixed(0).padStart(4)} KB  lint ${best.toFixed(0).padStart(5)} ms` +
      `  (parse alone ${parseOnly.toFixed(0).padStart(5)} ms)  ${problems} problems${verdict}`,
  );
}
