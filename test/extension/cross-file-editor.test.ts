/**
 * The editor's side of the project model, over LSP against the bundled server:
 * a data module's diagnostics follow the files that call it, including their
 * unsaved text, without the data module being reopened.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './helpers';
import { changeDocument, openDocument, startServer, stopServer, toUri, waitForDiagnostics, type LspSession } from './lsp-session.mjs';

// Its own bundle: another test run of this checkout may be rebuilding dist/ meanwhile.
const BUNDLE_DIR = path.join(ROOT, 'test/.tmp', `cross-file-dist-${process.pid}`);
const app = fs.mkdtempSync(path.join(os.tmpdir(), 'next-db-cross-file-'));
let session: LspSession;

/** Diagnostics of `uri` once `predicate` holds for them, waiting for later publications. */
async function diagnosticsWhen(uri: string, predicate: (lines: number[]) => boolean): Promise<number[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const latest = session.diagnostics.get(uri)?.diagnostics.map((diagnostic) => diagnostic.range.start.line + 1) ?? [];
    if (predicate(latest)) return latest;
    if (Date.now() > deadline) throw new Error(`Diagnostics of ${uri} stayed at lines [${latest.join(', ')}]`);
    await waitForDiagnostics(session, uri, undefined, Math.max(1, deadline - Date.now())).catch(() => undefined);
  }
}

beforeAll(async () => {
  execFileSync(process.execPath, ['esbuild.js', `--outdir=${BUNDLE_DIR}`], { cwd: ROOT, stdio: 'pipe' });
  fs.cpSync(path.join(ROOT, 'test/fixtures/layered-app'), app, { recursive: true });
  session = await startServer({ serverPath: path.join(BUNDLE_DIR, 'server.js'), rootPath: app });
}, 120_000);

afterAll(async () => {
  await stopServer(session);
  fs.rmSync(app, { recursive: true, force: true });
  fs.rmSync(BUNDLE_DIR, { recursive: true, force: true });
});

describe('a data module open beside the pages that call it', () => {
  const meals = path.join(app, 'lib/meals.ts');
  const dynamicPage = path.join(app, 'app/meals/[slug]/page.tsx');

  it('reports the queries the static routes reach, and updates when a caller changes, before any save', async () => {
    await openDocument(session, meals, fs.readFileSync(meals, 'utf8'));
    // getMeals (the static /meals page) and listMealSlugs (the sitemap); getMeal is only reached from the dynamic page.
    expect(await diagnosticsWhen(toUri(meals), (lines) => lines.length > 0)).toEqual([11, 27]);

    const pageText = fs.readFileSync(dynamicPage, 'utf8');
    await openDocument(session, dynamicPage, pageText);
    // Listing the params makes /meals/[slug] static: its getMeal() call is now prerendered.
    changeDocument(session, toUri(dynamicPage), `${pageText}\nexport function generateStaticParams() {\n  return [{ slug: 'soup' }];\n}\n`);
    expect(await diagnosticsWhen(toUri(meals), (lines) => lines.length === 3)).toEqual([11, 17, 27]);
    expect(fs.readFileSync(dynamicPage, 'utf8'), 'the edit was never saved').toBe(pageText);

    // And back: undoing the edit in the editor withdraws the finding.
    changeDocument(session, toUri(dynamicPage), pageText);
    expect(await diagnosticsWhen(toUri(meals), (lines) => lines.length === 2)).toEqual([11, 27]);
  });

  it('follows an open file that starts importing the data module, and stops', async () => {
    const layout = path.join(app, 'app/layout.tsx');
    const layoutText = fs.readFileSync(layout, 'utf8');
    await openDocument(session, layout, layoutText);
    // The root layout is prerendered: once it calls getMeal(), that query is frozen too.
    const calling = layoutText
      .replace("import type { ReactNode } from 'react';", "import type { ReactNode } from 'react';\nimport { getMeal } from '@/lib/meals';")
      .replace('export default function RootLayout', 'export default async function RootLayout')
      .replace('<body>{children}</body>', "<body>{(await getMeal('soup'))?.title}{children}</body>");
    changeDocument(session, toUri(layout), calling);
    expect(await diagnosticsWhen(toUri(meals), (lines) => lines.length === 3)).toEqual([11, 17, 27]);

    changeDocument(session, toUri(layout), layoutText);
    expect(await diagnosticsWhen(toUri(meals), (lines) => lines.length === 2)).toEqual([11, 27]);
  });
});
