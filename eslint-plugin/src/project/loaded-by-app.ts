import { getNextFileInfo } from '../utils/next/next-file-kind';
import { findAppRoot } from './app-root';
import { getImporterIndex } from './reach';
import type { ModelSession } from './session';

/**
 * Whether `next dev` loads (and so reloads) a module: it is a file Next.js
 * knows (a page, a route, a module under `app/`, middleware), or such a file
 * imports it at any depth. A seed script or a test is neither, and runs once.
 */
export function isLoadedByApp(session: ModelSession, file: string): boolean {
  return session.memo(`loaded-by-app\0${file}`, () => {
    const { cwd, settings, root } = session.scope;
    const appRoot = findAppRoot(file, root);
    if (appRoot === undefined) return false;
    const importers = getImporterIndex(session, appRoot);
    const queue = [file];
    const seen = new Set(queue);
    for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
      if (getNextFileInfo(current, cwd, settings).kind !== 'other') return true;
      for (const importer of importers.get(current) ?? []) {
        if (seen.has(importer)) continue;
        seen.add(importer);
        queue.push(importer);
      }
    }
    return false;
  });
}
