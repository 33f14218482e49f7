// Prints how fast the bundled language server starts: the time from spawning it
// to its answer to `initialize`, and to the first diagnostics of the first file
// opened right after (what a user waits for in a fresh window).
// Usage: node test/bench/cold-start.mjs [path/to/server.js] (default: dist/server.js; run `npm run build` first)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDocument, startServer, stopServer, toUri, waitForDiagnostics } from '../extension/lsp-session.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverPath = path.resolve(process.argv[2] ?? path.join(root, 'dist/server.js'));
const app = path.join(root, 'test/fixtures/example-app');
const file = path.join(app, 'pages/api/users.ts');
const RUNS = 5;

const figures = [];
for (let run = 0; run < RUNS; run++) {
  const spawned = performance.now();
  const session = await startServer({ serverPath, rootPath: app });
  const initialized = performance.now();
  const diagnostics = waitForDiagnostics(session, toUri(file), 1, 30_000);
  await openDocument(session, file, fs.readFileSync(file, 'utf8'));
  const found = await diagnostics;
  const diagnosed = performance.now();
  if (found.length !== 1) throw new Error(`expected 1 diagnostic, got ${found.length}`);
  figures.push({ initialize: initialized - spawned, firstDiagnostics: diagnosed - initialized });
  await stopServer(session);
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`Cold start of ${path.relative(root, serverPath)} (median of ${RUNS}, Node ${process.version}):`);
console.log(`  spawn → initialize answered:          ${median(figures.map((figure) => figure.initialize)).toFixed(0)} ms`);
console.log(`  open first file → first diagnostics:  ${median(figures.map((figure) => figure.firstDiagnostics)).toFixed(0)} ms`);
