/**
 * The project model: the only code that reads files other than the one being
 * linted. Rules ask it about the rest of the app (who reaches a function, what
 * an import is, what next.config says); the editor lays its open documents
 * over the disk and hears which files were skipped.
 */
import * as path from 'node:path';
import { getNextSettings, type NextSettings } from '../utils/next/next-settings';
import { getModuleSpecifiers } from './app-files';
import { getDerived } from './file-store';
import { resolveImport } from './resolve';
import { getProjectScope } from './scope';
import { ModelSession } from './session';

export { findAppRoot, findNextMajorVersion, findNextVersion, getNextConfigFacts, NEXT_CONFIG_FILES, parseMajorVersion } from './app-root';
export { forgetProjectCaches } from './epoch';
export { isGeneratedPrismaClient } from './generated-clients';
export { isLoadedByApp } from './loaded-by-app';
export { detectHost, getHost, type Host } from './host';
export { closeOpenDocument, onSkippedFile, setOpenDocument } from './file-store';
export { findDriverFreeDefinitions, findNodeDriverChain, type NodeDriverChain } from './node-driver-chain';
export { findEntryReaching, isImportedInApp, type EntryWitness, type ReachMode } from './reach';
export { getRouteFacts } from './route-facts';
export { ModelSession, type ProjectScope } from './session';
export { getImportedSyncKind, usesSyncDriverPackage } from './sync-exports';

interface RuleContextLike {
  filename: string;
  cwd: string;
  settings: Readonly<Record<string, unknown>>;
}

/** One session per linted file and rule: answers are memoised for the lint, parses for the file version. */
export function createModelSession(context: RuleContextLike, settings: NextSettings = getNextSettings(context.settings)): ModelSession {
  return new ModelSession(getProjectScope(context.filename, context.cwd, settings));
}

/** The linted file's absolute path. */
export function getAbsoluteFilename(context: Pick<RuleContextLike, 'filename' | 'cwd'>): string {
  return path.resolve(context.cwd, context.filename);
}

/**
 * Whether a project file that `text` imports matches `pattern` (cached per
 * file version and pattern): the editor's cheap test of whether a file without
 * trigger words of its own may still concern a rule.
 */
export function importsFileMatching(filename: string, text: string, root: string, pattern: RegExp): boolean {
  return getModuleSpecifiers(text).some((specifier) => {
    const target = resolveImport(filename, specifier, root);
    return target !== undefined && getDerived(`matches:${pattern.source}`, target, root, (imported) => pattern.test(imported)) === true;
  });
}
