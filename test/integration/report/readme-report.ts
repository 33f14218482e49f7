import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** Where the tests write their figures for the README (the lead merges them). */
export const REPORT_PATH = process.env.NEXT_DB_INTEGRATION_REPORT ?? '/tmp/readme-integration.md';

/**
 * Replaces the block between `<!-- name -->` and `<!-- /name -->` in the
 * report (appending it when absent), so each test file updates only its part.
 */
export function writeReportSection(name: string, markdown: string): void {
  const open = `<!-- ${name} -->`;
  const close = `<!-- /${name} -->`;
  const block = `${open}\n${markdown.trim()}\n${close}`;
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
