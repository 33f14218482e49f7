// What ESLint reports for a fixture project, and what it should report for the example app.
import * as path from 'node:path';
import type { ESLint } from 'eslint';

export const EXAMPLE_APP_DIR = path.join(__dirname, '..', 'fixtures', 'example-app');

export interface Finding {
  file: string;
  line: number;
  column: number;
  ruleId: string | null;
  messageId: string | undefined;
  fix: 'autofix' | 'suggestion' | 'none';
}

/** Every finding ESLint reports for the project (by default the example app), files relative to `dir`, in a stable order. */
export async function lintProject(
  eslint: { lintFiles(patterns: string[]): Promise<ESLint.LintResult[]> },
  dir = EXAMPLE_APP_DIR,
): Promise<Finding[]> {
  const results = await eslint.lintFiles(['.']);
  return results
    .flatMap((result) =>
      result.messages.map((message) => ({
        file: path.relative(dir, result.filePath).split(path.sep).join('/'),
        line: message.line,
        column: message.column,
        ruleId: message.ruleId,
        messageId: message.messageId,
        fix: message.fix ? ('autofix' as const) : message.suggestions?.length ? ('suggestion' as const) : ('none' as const),
      })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * The problems planted in the example app. The correct files (lib/db.ts,
 * scripts/seed.ts, app/page.tsx, the client component) must stay silent.
 */
export const EXPECTED_FINDINGS: Finding[] = [
  { file: 'app/actions.ts', line: 6, column: 10, ruleId: 'next-db/no-pool-in-handler', messageId: 'poolInHandler', fix: 'suggestion' },
  { file: 'app/api/geo/route.ts', line: 1, column: 1, ruleId: 'next-db/no-node-driver-on-edge', messageId: 'nodeDriverOnEdge', fix: 'none' },
  { file: 'app/api/orders/route.ts', line: 5, column: 24, ruleId: 'next-db/release-pool-client', messageId: 'notReleased', fix: 'suggestion' },
  { file: 'app/api/stats/route.ts', line: 10, column: 11, ruleId: 'next-db/no-pool-end-in-handler', messageId: 'poolEnded', fix: 'suggestion' },
  { file: 'app/api/users/route.ts', line: 5, column: 16, ruleId: 'next-db/no-pool-in-handler', messageId: 'poolInHandler', fix: 'suggestion' },
  { file: 'app/lib/data.ts', line: 7, column: 71, ruleId: 'next-db/require-connection', messageId: 'requireConnectionReached', fix: 'autofix' },
  { file: 'app/stats/page.tsx', line: 7, column: 9, ruleId: 'next-db/no-request-api-in-cache', messageId: 'requestApiInCache', fix: 'suggestion' },
  { file: 'app/users/page.tsx', line: 6, column: 3, ruleId: 'next-db/prefer-connection', messageId: 'preferConnection', fix: 'autofix' },
  { file: 'pages/api/users.ts', line: 6, column: 16, ruleId: 'next-db/no-pool-in-handler', messageId: 'poolInHandler', fix: 'suggestion' },
];

