export type LintTrigger = 'open' | 'change' | 'save' | 'refresh';

const DEFAULT_DEBOUNCE_MS = 150;

interface PendingLint {
  timer: NodeJS.Timeout;
  trigger: LintTrigger;
  version: number;
}

/**
 * When each open document is linted: at most one lint waits per document, and
 * a newer request replaces it (typed changes wait `debounceMs`, so typing
 * lints once it pauses).
 */
export class LintScheduler {
  debounceMs = DEFAULT_DEBOUNCE_MS;
  private readonly pending = new Map<string, PendingLint>();

  constructor(
    private readonly lint: (uri: string, trigger: LintTrigger) => Promise<void>,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(document: { uri: string; version: number }, trigger: LintTrigger, delay: number): void {
    const pending = this.pending.get(document.uri);
    // Opening fires a change event too; it must not downgrade the open to a typed change.
    if (pending !== undefined && pending.trigger === 'open' && pending.version === document.version) return;
    if (pending !== undefined) clearTimeout(pending.timer);
    const timer = setTimeout(() => {
      this.pending.delete(document.uri);
      this.lint(document.uri, trigger).catch(this.onError);
    }, delay);
    this.pending.set(document.uri, { timer, trigger, version: document.version });
  }

  cancel(uri: string): void {
    const pending = this.pending.get(uri);
    if (pending !== undefined) clearTimeout(pending.timer);
    this.pending.delete(uri);
  }
}
