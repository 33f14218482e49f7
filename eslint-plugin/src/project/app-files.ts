import * as path from 'node:path';
import { getDerived } from './file-store';
import { listFolder, listSubfolders } from './folders';
import { SOURCE_EXTENSIONS } from './resolve';

/**
 * The source files of an app and the module specifiers each one names, found
 * by a text scan (no parse): enough to know who may import whom, so only the
 * files on a path to the module in question are ever parsed.
 */

/** Folders that hold no source of the app: dependencies, build output, VCS data. */
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage']);
/** A bound on the walk for pathological trees; larger apps are read up to it. */
const MAX_FILES = 20_000;

export function listSourceFiles(appRoot: string): string[] {
  const files: string[] = [];
  const pending = [appRoot];
  for (let dir = pending.pop(); dir !== undefined && files.length < MAX_FILES; dir = pending.pop()) {
    const folders = listSubfolders(dir);
    for (const name of [...listFolder(dir)].sort()) {
      if (folders.has(name)) {
        if (!name.startsWith('.') && !SKIPPED_FOLDERS.has(name)) pending.push(path.join(dir, name));
      } else if (SOURCE_EXTENSIONS.includes(path.extname(name)) && !name.endsWith('.d.ts')) {
        files.push(path.join(dir, name));
      }
    }
  }
  return files;
}

/** `from 'x'`, `import 'x'`, `import('x')`, `require('x')`: a scan that over-approximates, confirmed later by a parse. */
const SPECIFIER = /\b(?:from|import|require)\s*(?:\(\s*)?(['"])([^'"\r\n]{1,300})\1/g;

/** The module specifiers a text names (deduplicated), found without parsing. */
export function getModuleSpecifiers(text: string): string[] {
  return [...new Set([...text.matchAll(SPECIFIER)].map((match) => match[2] ?? ''))];
}

export function getSpecifiers(filePath: string, root: string): string[] {
  return getDerived('specifiers', filePath, root, getModuleSpecifiers) ?? [];
}
