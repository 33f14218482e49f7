import * as path from 'node:path';
import { getNextFileInfo, getNextSettings } from '../../../eslint-plugin/src/editor';

/**
 * The folder that looks like a Next.js app holding the file (the one above its
 * `app/` or `pages/` folder) when the rules do not see it as one, so they skip
 * the file in silence. Undefined when the rules know the file's app, or when
 * nothing suggests one. The answers come from the plugin's own classification:
 * the candidate is an app root if an App Router page in it would have it as root.
 */
export function findUnrecognisedApp(filePath: string, cwd: string, rootDir: readonly string[]): string | undefined {
  const settings = getNextSettings({ next: { rootDir: [...rootDir] } });
  if (getNextFileInfo(filePath, cwd, settings).projectRoot !== undefined) return undefined;
  const relative = path.relative(cwd, filePath);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const segments = relative.split(path.sep).slice(0, -1);
  const router = segments.findIndex((segment) => segment === 'app' || segment === 'pages');
  if (router === -1) return undefined;
  const above = segments.slice(0, router);
  if (above.at(-1) === 'src') above.pop();
  const candidate = path.join(cwd, ...above);
  const isRoot = getNextFileInfo(path.join(candidate, 'app', 'page.js'), cwd, settings).projectRoot === candidate;
  return isRoot ? undefined : candidate;
}
