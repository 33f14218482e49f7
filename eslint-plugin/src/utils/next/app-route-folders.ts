import * as path from 'node:path';

export interface RouteFolder {
  /** The folder's name, a route segment: `posts`, `[slug]`, `(marketing)`. */
  segment: string;
  folder: string;
}

/**
 * The folders from the App Router's `app/` down to the file's own folder,
 * outermost first (the segments whose layouts wrap the file); none for a
 * file outside `app/`.
 */
export function getAppRouteFolders(filename: string, projectRoot: string): RouteFolder[] {
  const segments = path.relative(projectRoot, path.dirname(filename)).split(/[\\/]+/);
  const appIndex = segments.indexOf('app');
  if (appIndex === -1) return [];
  return segments
    .slice(appIndex)
    .map((segment, index) => ({ segment, folder: path.join(projectRoot, ...segments.slice(0, appIndex + index + 1)) }));
}
