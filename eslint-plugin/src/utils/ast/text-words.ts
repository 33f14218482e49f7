/**
 * Whether a file's text names any of some words, in one pass. Rules check a
 * file's text for their words before any analysis, and most files hold none:
 * one `includes` per word scanned the whole text once per word (57 µs for 15
 * module names on a 20 kB component), where one regular expression scans it
 * once (7 µs).
 *
 * A word counts only where it stands whole: not inside a longer name, so
 * `pg` is not found in `.jpg`, `PrismaClient` not in
 * `PrismaClientKnownRequestError`, `require` not in `required`. Module names
 * stand between quotes and names between punctuation, so no real use is
 * missed, and far fewer files go on to be analysed for nothing.
 */

/** Word lists seen so far; rules have a handful, so more means options generate them. */
const MAX_PATTERNS = 256;
const patterns = new Map<string, RegExp>();
/** The same, by list: the constant lists are found without joining them on every call. */
const patternsByList = new WeakMap<readonly string[], RegExp>();

/**
 * Every word asked about so far, in one pattern: most files hold none of
 * them, and one scan tells so for every rule's list at once (each file is
 * asked about by several rules, one after another, with the same text).
 */
const MAX_KNOWN_WORDS = 1024;
const knownWords = new Set<string>();
let anyKnownWord: RegExp | undefined;
let lastText: string | undefined;
let lastTextHoldsAny = true;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileWords(words: readonly string[]): RegExp {
  const key = words.join('\0');
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    if (patterns.size >= MAX_PATTERNS) patterns.clear();
    // Not preceded or followed by a character that a JavaScript name may hold.
    pattern = new RegExp(`(?<![\\w$])(?:${words.map(escapeRegExp).join('|')})(?![\\w$])`);
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Adds a list's words to the shared pattern (before it is first used on a text). */
function learnWords(words: readonly string[]): void {
  const before = knownWords.size;
  for (const word of words) if (knownWords.size < MAX_KNOWN_WORDS) knownWords.add(word);
  if (knownWords.size !== before) {
    anyKnownWord = undefined;
    lastText = undefined;
  }
}

/** Whether the text may hold any word asked about so far: false means none of them, for every list. */
function mayHoldAnyKnownWord(text: string): boolean {
  if (knownWords.size >= MAX_KNOWN_WORDS) return true;
  if (text !== lastText) {
    anyKnownWord ??= compileWords([...knownWords]);
    lastTextHoldsAny = anyKnownWord.test(text);
    lastText = text;
  }
  return lastTextHoldsAny;
}

export function containsAnyWord(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  let pattern = patternsByList.get(words);
  if (pattern === undefined) {
    pattern = compileWords(words);
    patternsByList.set(words, pattern);
    learnWords(words);
  }
  return mayHoldAnyKnownWord(text) && pattern.test(text);
}
