// Editor latency benchmark for the next-db language server. Prints figures;
// asserts nothing. Run with `npm run bench:editor`.
//
// It builds the production bundle (what the VSIX ships) into test/.tmp, starts
// it as a child process and speaks LSP to it like VS Code does, measuring:
// - server start to `initialize` answered (the bulk of extension activation),
// - document change to published diagnostics, for the example app's files,
//   for generated 2,000-line TSX files (one the rules concern, one they cannot),
//   and for a data module of the generated 1,000-file app, whose findings
//   depend on which pages of the app reach it,
// - the VSIX size, when `npm run package` has produced next-db.vsix.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeGeneratedApp } from './generated-app.mjs';
import {
  changeDocument,
  openDocument,
  startServer,
  stopServer,
  toUri,
  waitForDiagnostics,
} from '../extension/lsp-session.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const EXAMPLE_APP = path.join(ROOT, 'test/fixtures/example-app');
const BUNDLE_DIR = path.join(ROOT, 'test/.tmp/bench-dist');
const SERVER = path.join(BUNDLE_DIR, 'server.js');
const STARTS = 5;
const CHANGES = 40;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const ms = (value) => `${value.toFixed(1)} ms`;

/** A 2,000-line Server Component; with `concerning`, it queries better-sqlite3 without connection(). */
function generateTsx(concerning) {
  const lines = concerning
    ? ["import Database from 'better-sqlite3';", '', "const db = new Database('app.db');", '']
    : ["import { useMemo } from 'react';", ''];
  let index = 0;
  while (lines.length < 1980) {
    lines.push(
      `export function Card${index}({ title, items }: { title: string; items: string[] }) {`,
      `  const label = title.trim().toUpperCase() + ' #${index}';`,
      '  return (',
      `    <section className="card card-${index}">`,
      '      <h2>{label}</h2>',
      '      <ul>{items.map((item) => <li key={item}>{item}</li>)}</ul>',
      '    </section>',
      '  );',
      '}',
      '',
    );
    index++;
  }
  lines.push(
    'export default async function Page() {',
    concerning
      ? "  const row = db.prepare('SELECT count(*) AS n FROM users').get() as { n: number };"
      : '  const row = { n: 1 };',
    '  return <Card0 title={String(row.n)} items={[]} />;',
    '}',
  );
  return `${lines.join('\n')}\n`;
}

/** Times `CHANGES` edits of one open document, each until its diagnostics are published. */
async function timeChanges(session, filePath, text) {
  const uri = toUri(filePath);
  const opened = waitForDiagnostics(session, uri, 1);
  await openDocument(session, filePath, text);
  const diagnostics = await opened;
  const durations = [];
  for (let index = 0; index < CHANGES; index++) {
    const started = performance.now();
    const version = changeDocument(session, uri, `${text}// edit ${index}\n`);
    await waitForDiagnostics(session, uri, version);
    durations.push(performance.now() - started);
  }
  await session.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  session.documents.delete(uri);
  return { findings: diagnostics.length, lines: text.split('\n').length - 1, durations };
}

async function measureActivation() {
  const startups = [];
  const firstLints = [];
  for (let index = 0; index < STARTS; index++) {
    const started = performance.now();
    const session = await startServer({ serverPath: SERVER, rootPath: EXAMPLE_APP });
    startups.push(performance.now() - started);
    const filePath = path.join(EXAMPLE_APP, 'pages/api/users.ts');
    const lintStarted = performance.now();
    const published = waitForDiagnostics(session, toUri(filePath), 1);
    await openDocument(session, filePath, fs.readFileSync(filePath, 'utf8'));
    await published;
    firstLints.push(performance.now() - lintStarted);
    await stopServer(session);
  }
  return { startup: median(startups), firstLint: median(firstLints) };
}

function fileSize(filePath) {
  return fs.existsSync(filePath) ? `${(fs.statSync(filePath).size / 1024 / 1024).toFixed(2)} MB` : 'not built';
}

async function main() {
  execFileSync(process.execPath, ['esbuild.js', '--production', `--outdir=${BUNDLE_DIR}`], { cwd: ROOT, stdio: 'inherit' });
  console.log(`next-db editor latency — Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}`);
  console.log(`Production server bundle: ${fileSize(SERVER)}; debounce 0 ms here (the server waits 150 ms after typing in VS Code).\n`);

  const activation = await measureActivation();
  console.log(`Activation: server start → initialized, median of ${STARTS}: ${ms(activation.startup)}`);
  console.log(`First lint after start (cold parser and rules), median of ${STARTS}: ${ms(activation.firstLint)}\n`);

  const session = await startServer({ serverPath: SERVER, rootPath: EXAMPLE_APP });
  const cases = [
    ['pages/api/users.ts', fs.readFileSync(path.join(EXAMPLE_APP, 'pages/api/users.ts'), 'utf8')],
    ['app/api/users/route.ts', fs.readFileSync(path.join(EXAMPLE_APP, 'app/api/users/route.ts'), 'utf8')],
    ['app/actions.ts', fs.readFileSync(path.join(EXAMPLE_APP, 'app/actions.ts'), 'utf8')],
    ['app/lib/data.ts', fs.readFileSync(path.join(EXAMPLE_APP, 'app/lib/data.ts'), 'utf8')],
    ['app/page.tsx', fs.readFileSync(path.join(EXAMPLE_APP, 'app/page.tsx'), 'utf8')],
    ['app/generated/page.tsx (2,000 lines, queries better-sqlite3)', generateTsx(true)],
    ['app/generated/card.tsx (2,000 lines, no trigger word: skipped)', generateTsx(false)],
  ];
  const rows = [];
  for (const [label, text] of cases) {
    const relativePath = label.split(' ')[0];
    const result = await timeChanges(session, path.join(EXAMPLE_APP, relativePath), text);
    rows.push([label, result.lines, result.findings, median(result.durations), percentile(result.durations, 95)]);
  }
  await stopServer(session);

  // A data module's findings depend on the pages that reach it: each edit asks the whole app again.
  const generatedApp = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-editor-bench-'));
  try {
    writeGeneratedApp(generatedApp);
    const appSession = await startServer({ serverPath: SERVER, rootPath: generatedApp });
    const dataModule = 'lib/data/data-0.ts';
    const result = await timeChanges(appSession, path.join(generatedApp, dataModule), fs.readFileSync(path.join(generatedApp, dataModule), 'utf8'));
    rows.push([`${dataModule} of the generated 1,000-file app (reached from its pages)`, result.lines, result.findings, median(result.durations), percentile(result.durations, 95)]);
    await stopServer(appSession);
  } finally {
    fs.rmSync(generatedApp, { recursive: true, force: true });
  }

  console.log(`Document change → publishDiagnostics (${CHANGES} edits per file):\n`);
  console.log('| File | Lines | Findings | Median | p95 |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [label, lines, findings, med, p95] of rows) {
    console.log(`| ${label} | ${lines} | ${findings} | ${ms(med)} | ${ms(p95)} |`);
  }
  console.log(`\nVSIX (next-db.vsix from \`npm run package\`): ${fileSize(path.join(ROOT, 'next-db.vsix'))}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
