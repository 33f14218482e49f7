import * as path from 'node:path';
import type { NextSettings } from '../utils/next/next-settings';
import { ancestorDirs, listFolder } from './folders';
import { isInsideRoot } from './read-file';
import type { ProjectScope } from './session';

/**
 * The folder the project model may read: ESLint's cwd (the editor passes the
 * workspace folder) for a file inside it; for a file outside it, the nearest
 * folder above the file with a package.json, else the file's own folder.
 */
export function getProjectScope(filename: string, cwd: string, settings: NextSettings): ProjectScope {
  const file = path.resolve(cwd, filename);
  if (isInsideRoot(file, cwd)) return { root: path.resolve(cwd), cwd, settings };
  const dir = path.dirname(file);
  for (const candidate of ancestorDirs(dir, path.parse(dir).root)) {
    if (listFolder(candidate).has('package.json')) return { root: candidate, cwd, settings };
  }
  return { root: dir, cwd, settings };
}
