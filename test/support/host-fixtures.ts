import * as fs from 'node:fs';
import * as path from 'node:path';

/** The apps of test/fixtures/hosts: one per host the rules know (vercel, vercel-json, cloudflare, cloudflare-wrangler, node). */
export const HOST_FIXTURES = path.resolve(__dirname, '../fixtures/hosts');

/** A rule-test case for a file of a host fixture app, linted from disk: the host and the importers come from the app's files. */
export function hostFixture(file: string): { filename: string; code: string } {
  const filename = path.join(HOST_FIXTURES, file);
  return { filename, code: fs.readFileSync(filename, 'utf8') };
}
