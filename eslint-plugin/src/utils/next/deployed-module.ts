import { createModelSession, getAbsoluteFilename, isImportedInApp } from '../../project';
import type { NextFileKind } from './next-file-kind';
import type { NextSettings } from './next-settings';

interface RuleContextLike {
  filename: string;
  cwd: string;
  settings: Readonly<Record<string, unknown>>;
}

/**
 * Whether a file's module-level code runs in the deployed app: a file of the
 * router, or a module some module of the app imports. Scripts, configs and
 * tests are imported by none, and their pools are none of the host's business.
 */
export function isDeployedModule(context: RuleContextLike, kind: NextFileKind, settings: NextSettings): boolean {
  if (kind !== 'other') return true;
  return isImportedInApp(createModelSession(context, settings), getAbsoluteFilename(context));
}
