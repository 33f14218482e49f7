import type { TSESTree } from '@typescript-eslint/utils';

/**
 * Parses another file of the project: TypeScript, JSX and plain JavaScript
 * alike, with ranges but without tokens, comments or locations (a third of
 * the cost of ESLint's own parse), and never with type information.
 */

type Parse = (text: string, options: Record<string, unknown>) => TSESTree.Program;

let parseFunction: Parse | null | undefined;

/** typescript-estree needs the `typescript` package; without it, other files are not read (undefined). */
function loadParse(): Parse | undefined {
  if (parseFunction === undefined) {
    try {
      parseFunction = (require('@typescript-eslint/typescript-estree') as { parse: Parse }).parse;
    } catch {
      parseFunction = null;
    }
  }
  return parseFunction ?? undefined;
}

const JSX_FILE = /\.(jsx|tsx)$/;
const PLAIN_JS_FILE = /\.(js|mjs|cjs)$/;

const parseListeners = new Set<(filePath: string) => void>();

/** Hears every parse of another file (tests count them: no file is parsed twice for the same content). */
export function onModelParse(listener: (filePath: string) => void): () => void {
  parseListeners.add(listener);
  return () => parseListeners.delete(listener);
}

export function parseProgram(filePath: string, text: string): TSESTree.Program | undefined {
  const parse = loadParse();
  if (!parse) return undefined;
  for (const listener of parseListeners) listener(filePath);
  // .js files may hold JSX (Next.js allows it); .ts files may not (`<T>x` is a cast there).
  const jsx = JSX_FILE.test(filePath) || PLAIN_JS_FILE.test(filePath);
  try {
    return parse(text, { range: true, loc: false, tokens: false, comment: false, jsx, filePath });
  } catch {
    if (!jsx || !PLAIN_JS_FILE.test(filePath)) return undefined;
    // A .js file whose `<` is a comparison JSX cannot read.
    try {
      return parse(text, { range: true, loc: false, tokens: false, comment: false, jsx: false, filePath });
    } catch {
      return undefined;
    }
  }
}
