import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Reading the user's project files (package.json, next.config.*, tsconfig.json,
 * imported modules). Files are only read and parsed, never executed or
 * required: the VS Code extension promises that untrusted workspaces are safe.
 * Results are cached on path + mtime + size, so edits made in the editor are
 * picked up on the next lint.
 */

interface CacheEntry {
  stamp: string;
  value: unknown;
}

const cache = new Map<string, CacheEntry>();

function getStamp(filePath: string): string | undefined {
  try {
    const stat = fs.statSync(filePath);
    return stat.isFile() ? `${stat.mtimeMs}:${stat.size}` : undefined;
  } catch {
    return undefined;
  }
}

export function isFile(filePath: string): boolean {
  return getStamp(filePath) !== undefined;
}

/**
 * `compute(text)` for a file's current contents, cached per `kind` and file
 * version. Undefined when the file does not exist or cannot be read.
 */
export function readCached<T>(kind: string, filePath: string, compute: (text: string) => T): T | undefined {
  const stamp = getStamp(filePath);
  if (stamp === undefined) return undefined;
  const key = `${kind}\0${filePath}`;
  const entry = cache.get(key);
  if (entry?.stamp === stamp) return entry.value as T;
  let value: T | undefined;
  try {
    value = compute(fs.readFileSync(filePath, 'utf8'));
  } catch {
    value = undefined;
  }
  cache.set(key, { stamp, value });
  return value;
}

/** Folders from `dir` up to and including `stopAt` (or the file-system root). */
export function* ancestorDirs(dir: string, stopAt: string | undefined): Generator<string> {
  let current = path.resolve(dir);
  for (;;) {
    yield current;
    if (stopAt !== undefined && current === path.resolve(stopAt)) return;
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * Parses JSON that may contain comments and trailing commas, as tsconfig.json
 * does. Strings are copied as they are, so `"@/*"` is never mistaken for a comment.
 */
export function parseJsonWithComments(text: string): unknown {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
      out += ' ';
    } else if (char === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) {
      // A trailing comma: JSON does not allow it.
    } else {
      out += char;
    }
  }
  return JSON.parse(out);
}

/** The parser ESLint uses for the linted file: an object with `parseForESLint` or `parse`. */
interface AnyParser {
  parseForESLint?: (text: string, options?: unknown) => { ast: unknown };
  parse?: (text: string, options?: unknown) => unknown;
}

const JSX_EXTENSIONS = /\.(jsx|tsx)$/;

/**
 * Parses another file of the project with the parser ESLint already uses,
 * without type information. Undefined when the parser cannot read it (for
 * example TypeScript syntax with the default parser).
 */
export function parseModule(parser: unknown, filePath: string, text: string): TSESTree.Program | undefined {
  const candidate = parser as AnyParser | undefined;
  const options = {
    ecmaVersion: 'latest',
    sourceType: 'module',
    range: true,
    loc: true,
    comment: false,
    filePath,
    ecmaFeatures: { jsx: JSX_EXTENSIONS.test(filePath) },
  };
  try {
    const ast = candidate?.parseForESLint
      ? candidate.parseForESLint(text, options).ast
      : candidate?.parse?.(text, options);
    const program = ast as TSESTree.Program | undefined;
    return program?.type === 'Program' ? program : undefined;
  } catch {
    return undefined;
  }
}

const parserIds = new WeakMap<object, number>();
let parserCount = 0;

/**
 * A cache key part that tells parsers apart, since one may read a file that
 * another cannot (TypeScript syntax under the default parser). Parsers are
 * told apart by identity: ESLint keeps one object per configured parser.
 */
export function getParserKey(parser: unknown): string {
  if (parser === null || (typeof parser !== 'object' && typeof parser !== 'function')) return 'none';
  let id = parserIds.get(parser);
  if (id === undefined) {
    id = ++parserCount;
    parserIds.set(parser, id);
  }
  return `parser-${id}`;
}
