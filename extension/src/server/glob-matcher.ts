/**
 * Glob patterns as `.gitignore` writes them, matched without backtracking: the
 * pattern becomes a small automaton whose set of live states is stepped once
 * per character of the path, so a match costs path length × pattern length at
 * most. A regular expression such as `[^/]*a[^/]*a…b` backtracks
 * exponentially on a long name of `a`s; a cloned repository must not be able
 * to freeze the server that way.
 */

type Token =
  | { kind: 'char'; char: string }
  /** `?`: one character other than `/`. */
  | { kind: 'any' }
  | { kind: 'class'; negated: boolean; ranges: Array<[string, string]> }
  /** `*`: any run of characters other than `/`. */
  | { kind: 'star' }
  /** A trailing `/**`: everything inside. */
  | { kind: 'rest' }
  /** `**\/` (and an unanchored pattern's start): zero or more folders; enters `folders` or skips them. */
  | { kind: 'folders-start' }
  | { kind: 'folders' };

export class InvalidPatternError extends Error {}

/** `[a-z]`, `[!abc]`, `[]x]` from `start` (at the `[`): the token and the index of its `]`, or undefined when unclosed. */
function parseClass(glob: string, start: number): { token: Token; end: number } | undefined {
  const end = glob.indexOf(']', start + 2);
  if (end === -1) return undefined;
  let body = glob.slice(start + 1, end);
  const negated = body.startsWith('!') || body.startsWith('^');
  if (negated) body = body.slice(1);
  const chars = [...body.replace(/\\(.)/g, '$1')];
  const ranges: Array<[string, string]> = [];
  for (let index = 0; index < chars.length; index++) {
    const low = chars[index]!;
    const high = chars[index + 2];
    if (chars[index + 1] === '-' && high !== undefined) {
      if (high < low) throw new InvalidPatternError(`invalid range ${low}-${high}`);
      ranges.push([low, high]);
      index += 2;
    } else {
      ranges.push([low, low]);
    }
  }
  return { token: { kind: 'class', negated, ranges }, end };
}

function isWholeSegment(glob: string, index: number): boolean {
  const atStart = index === 0 || glob[index - 1] === '/';
  return atStart && (index + 2 === glob.length || glob[index + 2] === '/');
}

function tokenize(glob: string): Token[] {
  const tokens: Token[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*' && glob[index + 1] === '*' && isWholeSegment(glob, index)) {
      tokens.push(...(index + 2 === glob.length ? [{ kind: 'rest' } as const] : [{ kind: 'folders-start' } as const, { kind: 'folders' } as const]));
      index += 2;
    } else if (char === '*') {
      tokens.push({ kind: 'star' });
    } else if (char === '?') {
      tokens.push({ kind: 'any' });
    } else if (char === '[' && parseClass(glob, index) !== undefined) {
      const { token, end } = parseClass(glob, index)!;
      tokens.push(token);
      index = end;
    } else if (char === '\\' && index + 1 < glob.length) {
      tokens.push({ kind: 'char', char: glob.charAt(++index) });
    } else {
      tokens.push({ kind: 'char', char });
    }
  }
  return tokens;
}

function inClass(token: Extract<Token, { kind: 'class' }>, char: string): boolean {
  return token.ranges.some(([low, high]) => char >= low && char <= high) !== token.negated;
}

/** The states `state` leads to on `char`. */
function step(tokens: readonly Token[], state: number, char: string): number[] {
  const token = tokens[state];
  if (token === undefined) return [];
  switch (token.kind) {
    case 'char':
      return char === token.char ? [state + 1] : [];
    case 'any':
      return char === '/' ? [] : [state + 1];
    case 'class':
      return char !== '/' && inClass(token, char) ? [state + 1] : [];
    case 'star':
      return char === '/' ? [] : [state];
    case 'rest':
      return [state];
    case 'folders':
      return char === '/' ? [state, state + 1] : [state];
    case 'folders-start':
      return [];
  }
}

/** States reached without reading a character: past a `*`, a trailing `/**`, or a skipped `**\/`. */
function skips(tokens: readonly Token[], state: number): number[] {
  const kind = tokens[state]?.kind;
  if (kind === 'star' || kind === 'rest') return [state + 1];
  if (kind === 'folders-start') return [state + 1, state + 2];
  return [];
}

export class GlobMatcher {
  private readonly tokens: Token[];

  /** `anchored`: the glob matches from the start of the path; otherwise from the start of any folder in it. */
  constructor(glob: string, anchored: boolean) {
    const prefix: Token[] = anchored ? [] : [{ kind: 'folders-start' }, { kind: 'folders' }];
    this.tokens = [...prefix, ...tokenize(glob)];
  }

  /** Whether the whole of `path` matches. */
  matches(path: string): boolean {
    const final = this.tokens.length;
    let live = this.close([0]);
    for (const char of path) {
      if (live.length === 0) return false;
      live = this.close(live.flatMap((state) => step(this.tokens, state, char)));
    }
    return live.includes(final);
  }

  /** The states with every skip followed, each once. */
  private close(states: readonly number[]): number[] {
    const seen = new Set<number>();
    const pending = [...states];
    while (pending.length > 0) {
      const state = pending.pop()!;
      if (seen.has(state)) continue;
      seen.add(state);
      pending.push(...skips(this.tokens, state));
    }
    return [...seen];
  }
}
