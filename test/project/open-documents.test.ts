/**
 * An editor lays its open documents over the disk and changes one on every
 * keystroke. The model must see each change at once, yet keep what no change
 * touched: the index of who imports whom reads every file of the app, and is
 * built again only when an open document changes what it imports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ModelSession } from '../../eslint-plugin/src/project';
import { forgetProjectCaches } from '../../eslint-plugin/src/project/epoch';
import { closeOpenDocument, setOpenDocument } from '../../eslint-plugin/src/project/file-store';
import { getImporterIndex } from '../../eslint-plugin/src/project/reach';
import { getNextSettings } from '../../eslint-plugin/src/utils/next/next-settings';
import { writeProject } from '../support/project-lint';

const PAGE = `import { getMeals } from '../lib/meals';\nexport default async function Page() {\n  return <p>{(await getMeals()).length}</p>;\n}\n`;

let app: string;

beforeAll(() => {
  app = writeProject({
    'package.json': JSON.stringify({ dependencies: { next: '16.0.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { paths: { '@/*': ['./*'] } } }),
    'lib/meals.ts': `export async function getMeals() { return []; }\n`,
    'app/page.tsx': PAGE,
  });
  // One epoch for the whole test: what changes below is only the open documents.
  const now = performance.now();
  vi.spyOn(performance, 'now').mockReturnValue(now);
  forgetProjectCaches(now);
});

afterAll(() => {
  vi.restoreAllMocks();
  fs.rmSync(app, { recursive: true, force: true });
});

function importersOfMeals(): string[] | undefined {
  const session = new ModelSession({ root: app, cwd: app, settings: getNextSettings({}) });
  return getImporterIndex(session, app).get(path.join(app, 'lib/meals.ts'));
}

function indexNow(): Map<string, string[]> {
  return getImporterIndex(new ModelSession({ root: app, cwd: app, settings: getNextSettings({}) }), app);
}

describe('open documents and the importer index', () => {
  const page = () => path.join(app, 'app/page.tsx');

  it('keeps the index while typing changes no import, and follows an import added or removed at once', () => {
    setOpenDocument(page(), PAGE, 1);
    const built = indexNow();
    expect(importersOfMeals()).toEqual([page()]);

    setOpenDocument(page(), `${PAGE}// typing…\n`, 2);
    expect(indexNow()).toBe(built);

    setOpenDocument(page(), PAGE.replace("import { getMeals } from '../lib/meals';\n", 'const getMeals = async () => [];\n'), 3);
    expect(importersOfMeals()).toBeUndefined();

    setOpenDocument(page(), PAGE.replace('../lib/meals', '@/lib/meals'), 4);
    expect(importersOfMeals()).toEqual([page()]);
    closeOpenDocument(page());
  });

  it('builds the index again when an open tsconfig changes, since every import may resolve elsewhere', () => {
    const tsconfig = path.join(app, 'tsconfig.json');
    setOpenDocument(page(), PAGE.replace('../lib/meals', '@/lib/meals'), 5);
    expect(importersOfMeals()).toEqual([page()]);

    setOpenDocument(tsconfig, JSON.stringify({ compilerOptions: { paths: { '@/*': ['./src/*'] } } }), 1);
    expect(importersOfMeals()).toBeUndefined();

    closeOpenDocument(tsconfig);
    expect(importersOfMeals()).toEqual([page()]);
    closeOpenDocument(page());
  });
});
