import * as path from 'node:path';
import { importsFileMatching } from '../../../eslint-plugin/src/project';
import { NO_REQUEST_CONTEXT_WORDS } from '../../../eslint-plugin/src/utils/no-request-contexts';
import { SHARED_POOL_CLOSE_PATTERN } from '../../../eslint-plugin/src/rules/no-pool-end-in-handler/shared-pools';
import { CHECKOUT_METHODS } from '../../../eslint-plugin/src/rules/release-pool-client/acquisitions';
import { BUILTIN_POOL_FACTORIES } from '../../../eslint-plugin/src/utils/pool-factories';
import { SYNC_DATABASE_WORDS, SYNC_QUERY_METHODS } from '../../../eslint-plugin/src/utils/sync-drivers';
import type { PoolFactorySetting } from '../shared/settings';

/**
 * Parsing is most of a lint's cost, and most files cannot concern next-db. A
 * file is skipped when its text contains none of these words:
 * - the pool factories' and sync drivers' module names (found in `import`/`require`);
 * - `connection` and `unstable_noStore` (what `require-connection` and
 *   `prefer-connection` look for);
 * - the words of Next's request-less contexts (`'use cache'`, `unstable_cache`,
 *   `generateStaticParams`, `after`), where `no-request-api-in-cache` reports;
 * - the pool checkout methods (`connect`, `getConnection`), because
 *   `release-pool-client` also follows pools that are only named like one;
 * - `pool.end()`, `prisma.$disconnect()` and the like, because
 *   `no-pool-end-in-handler` also reports pools imported from project modules;
 * - the sync drivers' method names, because `require-connection` follows a
 *   database imported from another project file, whose driver module name then
 *   never appears in the linted file.
 * - `edge` (in `runtime = 'edge'`), and the file name `middleware.*`, because
 *   `no-node-driver-on-edge` follows an edge file's project imports at any
 *   depth to a driver whose name never appears in the edge file itself.
 * The rules also look one level into the project files a file imports (an
 * imported transaction is called without any of these words), so a file is
 * only skipped when none of its project imports contains a word either.
 * `test/extension/skip.test.ts` proves on every fixture and rule test input
 * that the skip never hides a finding.
 */
const NEXT_FUNCTIONS = ['connection', 'unstable_noStore'];
/** `runtime = 'edge'` / `'experimental-edge'`: matched as a whole word, so the hyphenated form counts too. */
const EDGE_RUNTIME_WORDS = ['edge'];
/** Middleware runs on the edge without saying so (see is-edge-runtime.ts). */
const MIDDLEWARE_FILE = /^middleware\.[cm]?[jt]sx?$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Module names match anywhere (they sit inside string literals); identifiers match as whole words. */
export function buildTriggerPattern(customFactories: readonly PoolFactorySetting[]): RegExp {
  const modules = new Set([
    ...BUILTIN_POOL_FACTORIES.map((factory) => factory.module),
    ...customFactories.map((factory) => factory.module),
    ...SYNC_DATABASE_WORDS,
  ]);
  const identifiers = new Set([...NEXT_FUNCTIONS, ...EDGE_RUNTIME_WORDS, ...NO_REQUEST_CONTEXT_WORDS, ...SYNC_QUERY_METHODS, ...CHECKOUT_METHODS]);
  const moduleAlternatives = [...modules].map(escapeRegExp);
  const identifierAlternatives = [...identifiers].map((name) => `(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`);
  return new RegExp([...moduleAlternatives, ...identifierAlternatives, SHARED_POOL_CLOSE_PATTERN.source].join('|'));
}

const patternCache = new Map<string, RegExp>();

function getTriggerPattern(customFactories: readonly PoolFactorySetting[]): RegExp {
  const key = JSON.stringify(customFactories.map((factory) => factory.module));
  let pattern = patternCache.get(key);
  if (pattern === undefined) {
    pattern = buildTriggerPattern(customFactories);
    patternCache.set(key, pattern);
  }
  return pattern;
}

/**
 * Whether the rules could report anything in this file; false means linting
 * can be skipped without hiding a finding.
 */
export function mayConcernRules(
  text: string,
  filename: string,
  root: string,
  customFactories: readonly PoolFactorySetting[] = [],
): boolean {
  const pattern = getTriggerPattern(customFactories);
  // Imported files are read through the project model, cached per file version, so typing does not reread them.
  return pattern.test(text) || MIDDLEWARE_FILE.test(path.basename(filename)) || importsFileMatching(filename, text, root, pattern);
}
