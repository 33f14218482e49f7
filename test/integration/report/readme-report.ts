import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../paths';

/** Where the tests write their figures, in README form (gitignored; copy them into the README by hand). */
export const REPORT_PATH =
  process.env.NEXT_DB_INTEGRATION_REPORT ?? path.join(REPOSITORY_ROOT, 'test-results/integration-report.md');

/**
 * Replaces the block between `<!-- name -->` and `<!-- /name -->` in the
 * report (appending it when absent), so each test file updates only its part.
 */
export function writeReportSection(name: string, markdown: string): void {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
  mkdirSync(path.dirname(REPORT_PATH), { recursive: true });
  const current = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, 'utf8') : '';
  const start = current.indexOf(open);
  const end = current.indexOf(close);
  const next =
    start !== -1 && end > start
      ? current.slice(0, start) + block + current.slice(end + close.length)
      : `${current.trimEnd()}${current.trim() === '' ? '' : '\n\n'}${block}\n`;
  writeFileSync(REPORT_PATH, next);
}

/** A Markdown table from a header row and data rows. */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
