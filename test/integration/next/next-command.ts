import { createRequire } from 'node:module';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../paths';
import type { NextApp } from './next-app';

/** The `next` CLI installed at the repository root. */
export const NEXT_BIN = createRequire(path.join(REPOSITORY_ROOT, 'package.json')).resolve('next/dist/bin/next');

/** The environment for `next build` / `next start` of a fixture app. */
export function nextEnv(app: Pick<NextApp, 'env'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...app.env };
  // vitest sets NODE_ENV=test; Next.js sets its own and warns about any other.
  delete env.NODE_ENV;
  return env;
}
