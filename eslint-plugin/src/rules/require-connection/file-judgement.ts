import { getPrerenderScope, type PrerenderScope } from '../../utils/next/prerender-scope';
import { findAppRoot, getNextConfigFacts, getRouteFacts, type ModelSession } from '../../project';
import { getNextFileInfo, isServerComponentFile } from '../../utils/next/next-file-kind';
import type { SourceCode } from '../../utils/ast/source-code';

/** What decides, for the whole file, whether its synchronous queries can be frozen at build time. */
export interface FileJudgement {
  /** Which code Next.js may prerender, when the file is a route or a server module. */
  scope: PrerenderScope;
  /** A module outside the routes (`lib/meals.ts`), judged by the entries that reach its functions. */
  isDataModule: boolean;
  /** Under Cache Components, a dynamic page's code after `await params` runs per request, outside the shell. */
  paramsAreDynamic: boolean;
  /** Next ≤ 14, where connection() does not exist and noStore() is the opt-out. */
  isLegacyNext: boolean;
}

/** Undefined when nothing in the file can be reported (client code, a static export, …). */
export function judgeFile(
  context: { filename: string; cwd: string; sourceCode: SourceCode },
  session: ModelSession,
  absoluteFilename: string,
): FileJudgement | undefined {
  const { ast } = context.sourceCode;
  const { kind, projectRoot } = getNextFileInfo(context.filename, context.cwd, session.scope.settings);
  const appRoot = projectRoot ?? findAppRoot(absoluteFilename, session.scope.root);
  // A static export (`output: 'export'`) is built once: a build-time result is the point there.
  if (appRoot !== undefined && getNextConfigFacts(appRoot, session.scope.root).staticExport) return undefined;
  const facts = getRouteFacts(ast, absoluteFilename, kind, projectRoot, session);
  const scope = getPrerenderScope(ast, kind, facts);
  const isDataModule =
    (kind === 'other' || kind === 'app-other') && !facts.isInstrumentation && getPrerenderScope(ast, 'app-other', facts) !== undefined;
  if (!scope && !isDataModule) return undefined;
  return {
    scope,
    isDataModule,
    paramsAreDynamic: isServerComponentFile(kind) && facts.cacheComponents() && facts.isUnlistedDynamicRoute(),
    isLegacyNext: facts.version !== undefined && facts.version <= 14,
  };
}
