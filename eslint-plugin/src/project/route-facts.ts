import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { ProjectFacts } from '../utils/next/prerender-scope';
import type { NextFileKind } from '../utils/next/next-file-kind';
import { findNextMajorVersion, getNextConfigFacts } from './app-root';
import { hasDynamicLayoutAbove } from './dynamic-layouts';
import { isUnlistedDynamicRoute } from './dynamic-segments';
import type { ModelSession } from './session';

/** What decides whether Next.js prerenders a file's code, read lazily from the rest of the app. */
export function getRouteFacts(
  program: TSESTree.Program,
  file: string,
  kind: NextFileKind,
  appRoot: string | undefined,
  session: ModelSession,
): ProjectFacts {
  const { settings, root } = session.scope;
  return {
    version: settings.version ?? findNextMajorVersion(path.dirname(file), root),
    cacheComponents: () => settings.cacheComponents ?? (appRoot !== undefined && getNextConfigFacts(appRoot, root).cacheComponents),
    isUnlistedDynamicRoute: () =>
      appRoot !== undefined && isUnlistedDynamicRoute(program, kind, file, appRoot, settings.pageExtensions, root),
    hasDynamicLayoutAbove: () => appRoot !== undefined && hasDynamicLayoutAbove(file, appRoot, settings.pageExtensions, session),
    isInstrumentation: path.parse(file).name === 'instrumentation',
  };
}
