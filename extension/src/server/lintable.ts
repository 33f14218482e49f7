/**
 * Which files the server lints, kept apart from lint.ts so that answering
 * `initialize` and listing files never load ESLint, the parser and TypeScript.
 */

/** The file extensions the server lints (JS and TS, with JSX and ESM/CJS variants). */
export const LINTABLE_EXTENSIONS = ['js', 'jsx', 'mjs', 'cjs', 'ts', 'tsx', 'mts', 'cts'];

export function isLintablePath(filePath: string): boolean {
  const extension = /\.([^./\\]+)$/.exec(filePath)?.[1];
  return extension !== undefined && LINTABLE_EXTENSIONS.includes(extension) && !/\.d\.[cm]?ts$/.test(filePath);
}

/**
 * Texts longer than this (in UTF-16 code units, about 1 MB) are not linted:
 * parsing a minified bundle of several megabytes would hold up every other file
 * for seconds, on every keystroke, and no hand-written module is that long.
 */
export const MAX_LINT_LENGTH = 1_000_000;
