import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file path of a `file:` URI, or undefined for other schemes (untitled, git, …). */
export function toFilePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function toFileUri(filePath: string): string {
  return pathToFileURL(filePath).href;
}

/** The innermost workspace folder holding the file, or undefined. */
export function findWorkspaceFolder(folders: readonly string[], filePath: string): string | undefined {
  let best: string | undefined;
  for (const folder of folders) {
    const relative = path.relative(folder, filePath);
    const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    if (inside && (best === undefined || folder.length > best.length)) best = folder;
  }
  return best;
}

/**
 * ESLint's cwd for a file outside every workspace folder (a single file opened
 * on its own): the nearest folder above it with a package.json, where `eslint`
 * would be run, so that `app/`, `pages/api/` and the rest are recognised as on
 * the CLI; the file's own folder when there is none.
 */
export function findProjectRoot(filePath: string): string {
  for (let dir = path.dirname(filePath); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.dirname(filePath);
  }
}
