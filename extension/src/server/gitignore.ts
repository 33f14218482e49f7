/**
 * A small `.gitignore` matcher, enough for "Lint Workspace" to skip what git
 * skips: `*`, `?`, `**`, character classes, anchoring with `/`, directory-only
 * patterns (trailing `/`), negation with `!`, and escapes. Git itself is not
 * run: a workspace's git config can name programs to execute. Patterns are
 * matched in linear time (see glob-matcher.ts).
 */
import { GlobMatcher, InvalidPatternError } from './glob-matcher';

interface IgnoreRule {
  pattern: GlobMatcher;
  negated: boolean;
  directoryOnly: boolean;
}

/** Trailing spaces go unless escaped (`a\\ ` keeps one); a scan, as a regular expression would backtrack on a long run of spaces. */
function trimTrailingSpaces(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  if (end < line.length && line[end - 1] === '\\') end++;
  return line.slice(0, end);
}

/** One rule, or undefined for a blank line or a comment; throws `InvalidPatternError` for a pattern such as `[z-a]`. */
function parseLine(line: string): IgnoreRule | undefined {
  let text = trimTrailingSpaces(line);
  if (text === '' || text.startsWith('#')) return undefined;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1);
  if (text.startsWith('\\#') || text.startsWith('\\!')) text = text.slice(1);
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  const anchored = text.includes('/');
  text = text.replace(/^\//, '');
  if (text === '') return undefined;
  return { pattern: new GlobMatcher(text, anchored), negated, directoryOnly };
}

/** The rules of a `.gitignore`; a line git would reject drops only that line, as in git. */
function parseRules(content: string): IgnoreRule[] {
  return content.split(/\r?\n/).flatMap((line) => {
    try {
      return parseLine(line) ?? [];
    } catch (error) {
      if (error instanceof InvalidPatternError) return [];
      throw error;
    }
  });
}

export class GitIgnore {
  private readonly rules: IgnoreRule[];

  constructor(content: string) {
    this.rules = parseRules(content);
  }

  /** `relativePath` uses `/` and is relative to the folder holding the `.gitignore`. */
  ignores(relativePath: string, isDirectory: boolean): boolean {
    return this.decide(relativePath, isDirectory) ?? false;
  }

  /** Ignored (true), re-included by a `!` rule (false), or undefined when no rule matches. */
  decide(relativePath: string, isDirectory: boolean): boolean | undefined {
    let decision: boolean | undefined;
    for (const rule of this.rules) {
      if (rule.directoryOnly && !isDirectory) continue;
      if (decision === !rule.negated) continue;
      if (rule.pattern.matches(relativePath)) decision = !rule.negated;
    }
    return decision;
  }
}
