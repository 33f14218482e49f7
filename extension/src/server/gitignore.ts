/**
 * A small `.gitignore` matcher, enough for "Lint Workspace" to skip what git
 * skips: `*`, `?`, `**`, character classes, anchoring with `/`, directory-only
 * patterns (trailing `/`), negation with `!`, and escapes. Git itself is not
 * run: a workspace's git config can name programs to execute.
 */
interface IgnoreRule {
  pattern: RegExp;
  negated: boolean;
  directoryOnly: boolean;
}

function globToRegExpSource(glob: string): string {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob.charAt(index);
    if (char === '*') {
      if (glob[index + 1] === '*') {
        const atSegmentStart = index === 0 || glob[index - 1] === '/';
        const atSegmentEnd = index + 2 === glob.length || glob[index + 2] === '/';
        if (atSegmentStart && atSegmentEnd) {
          // `**/` matches zero or more folders; a trailing `**` matches everything inside.
          source += index + 2 === glob.length ? '.*' : '(?:.*/)?';
          index += 2;
          continue;
        }
      }
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '[') {
      const close = glob.indexOf(']', index + 2);
      if (close === -1) {
        source += '\\[';
      } else {
        source += `[${glob.slice(index + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\')}]`;
        index = close;
      }
    } else if (char === '\\' && index + 1 < glob.length) {
      source += `\\${glob.charAt(++index)}`;
    } else {
      source += char.replace(/[.+^${}()|\]\\]/g, '\\$&');
    }
  }
  return source;
}

function parseLine(line: string): IgnoreRule | undefined {
  let text = line.replace(/(?<!\\)\s+$/, '');
  if (text === '' || text.startsWith('#')) return undefined;
  const negated = text.startsWith('!');
  if (negated) text = text.slice(1);
  if (text.startsWith('\\#') || text.startsWith('\\!')) text = text.slice(1);
  const directoryOnly = text.endsWith('/');
  if (directoryOnly) text = text.slice(0, -1);
  const anchored = text.includes('/');
  text = text.replace(/^\//, '');
  if (text === '') return undefined;
  const prefix = anchored ? '^' : '(?:^|/)';
  return { pattern: new RegExp(`${prefix}${globToRegExpSource(text)}$`), negated, directoryOnly };
}

export class GitIgnore {
  private readonly rules: IgnoreRule[];

  constructor(content: string) {
    this.rules = content.split(/\r?\n/).flatMap((line) => parseLine(line) ?? []);
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
      if (rule.pattern.test(relativePath)) decision = !rule.negated;
    }
    return decision;
  }
}
