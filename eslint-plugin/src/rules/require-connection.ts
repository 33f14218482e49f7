import type { TSESTree } from '@typescript-eslint/utils';
import { getPrerenderScope, runsAtModuleLoad } from '../next/prerender-scope';
import { createModelSession, findEntryReaching, getAbsoluteFilename, getNextConfigFacts, getRouteFacts } from '../project';
import { createRule } from '../utils/create-rule';
import { getNextFileInfo, isServerComponentFile } from '../utils/next-file-kind';
import { getNextSettings } from '../utils/next-settings';
import { CONNECTION_CALL, getConnectionFix, NO_STORE_CALL } from './require-connection/connection-fix';
import { getDataFunctionName } from './require-connection/data-function';
import { callsImportedRequestApi } from './require-connection/imported-request-apis';
import { collectExemptions, isParamsAwait, isSearchParamsMember } from './require-connection/exemptions';
import { isInPrerenderedGet } from './require-connection/prerendered-get';
import { createSyncQueryFinder, type SyncQuery } from './require-connection/sync-queries';
import { isUncachedFetch } from './require-connection/uncached-fetch';

export type Options = [Record<string, never>];
export type MessageId =
  | 'requireConnection'
  | 'requireNoStore'
  | 'requireConnectionReached'
  | 'requireNoStoreReached'
  | 'queryAtModuleScope'
  | 'addConnection'
  | 'addConnectionAndAsync'
  | 'addNoStore';

/** The query's method name and arguments, so a multi-line chain is reported where it runs. */
function getReportLocation(node: TSESTree.CallExpression): TSESTree.SourceLocation {
  const callee = node.callee;
  const start = callee.type === 'MemberExpression' ? callee.property.loc.start : node.loc.start;
  return { start, end: node.loc.end };
}

export default createRule<Options, MessageId>({
  name: 'require-connection',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require `await connection()` before synchronous database queries in App Router code that Next.js prerenders',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        description: 'No options yet: drivers, versions and config are read from the code and the project.',
        properties: {},
        additionalProperties: false,
      },
    ],
    messages: {
      requireConnection:
        'This synchronous query (`{{method}}`) runs while Next.js prerenders, so its result is frozen into the build output. Call `await connection()` (from next/server) before it.',
      requireNoStore:
        'This synchronous query (`{{method}}`) runs while Next.js prerenders, so its result is frozen into the build output. Call `noStore()` (`unstable_noStore` from next/cache, Next.js 14) before it.',
      requireConnectionReached:
        'This synchronous query (`{{method}}`) runs while Next.js prerenders {{route}} ({{entry}}), so its result is frozen into the build output. Call `await connection()` (from next/server) before it.',
      requireNoStoreReached:
        'This synchronous query (`{{method}}`) runs while Next.js prerenders {{route}} ({{entry}}), so its result is frozen into the build output. Call `noStore()` (`unstable_noStore` from next/cache, Next.js 14) before it.',
      queryAtModuleScope:
        'This synchronous query (`{{method}}`) runs when the module is imported, including during `next build`, so its result is frozen. Move it into the function that needs it, after `{{optOut}}`.',
      addConnection: 'Add `await connection()` at the start of this function.',
      addConnectionAndAsync:
        'Make this function async and add `await connection()` at its start (its callers then receive a Promise).',
      addNoStore: 'Add `noStore()` at the start of this function.',
    },
  },
  defaultOptions: [{}],
  create(context) {
    const { sourceCode } = context;
    const settings = getNextSettings(context.settings);
    const { kind, projectRoot } = getNextFileInfo(context.filename, context.cwd, settings);
    const session = createModelSession(context, settings);
    const absoluteFilename = getAbsoluteFilename(context);
    // A static export (`output: 'export'`) is built once: a build-time result is the point there.
    if (projectRoot !== undefined && getNextConfigFacts(projectRoot, session.scope.root).staticExport) return {};
    const facts = getRouteFacts(sourceCode.ast, absoluteFilename, kind, projectRoot, session);
    const scope = getPrerenderScope(sourceCode.ast, kind, facts);
    // A module outside the routes (`lib/meals.ts`) is judged by the entries that reach it.
    const isDataModule =
      (kind === 'other' || kind === 'app-other') &&
      !facts.isInstrumentation &&
      getPrerenderScope(sourceCode.ast, 'app-other', facts) !== undefined;
    if (!scope && !isDataModule) return {};
    // Under Cache Components, a dynamic page's code after `await params` runs per request, outside the shell.
    const paramsAreDynamic = isServerComponentFile(kind) && facts.cacheComponents() && facts.isUnlistedDynamicRoute();
    const version = facts.version;

    const isLegacyNext = version !== undefined && version <= 14;
    const optOutCall = isLegacyNext ? NO_STORE_CALL : CONNECTION_CALL;
    const calls: TSESTree.CallExpression[] = [];
    const requestReads: TSESTree.Node[] = [];

    /** The route that reaches a data module's query, undefined to stay silent, null to judge the file alone. */
    function findReachingRoute(node: TSESTree.Node): { route: string; entry: string } | undefined | null {
      if (!isDataModule) return null;
      const name = getDataFunctionName(node);
      const reach = name === undefined ? undefined : findEntryReaching(session, absoluteFilename, name, 'prerender');
      if (reach?.entry) return { route: reach.entry.route, entry: reach.entry.file };
      // Nothing in the app imports it: judge it as before, by where it stands.
      return reach?.hasImporters || !scope ? undefined : null;
    }

    function report(query: SyncQuery, exemptions: ReturnType<typeof collectExemptions>): void {
      const { node } = query;
      const data = { method: query.method };
      const loc = getReportLocation(node);
      if (exemptions.isInBuildTimeOrActionContext(node)) return;
      if (runsAtModuleLoad(node)) {
        if (!scope) return;
        const optOut = isLegacyNext ? 'noStore()' : 'await connection()';
        if (query.isRead) context.report({ node, loc, messageId: 'queryAtModuleScope', data: { ...data, optOut } });
        return;
      }
      if (scope?.type === 'get-handler' && !isInPrerenderedGet(node, scope, sourceCode, exemptions)) return;
      if (exemptions.hasRequestTimeApiBefore(node) || exemptions.isHelperOnlyCalledWhereSafe(node)) return;
      const reached = findReachingRoute(node);
      if (reached === undefined) return;

      const messageId = reached
        ? isLegacyNext ? 'requireNoStoreReached' : 'requireConnectionReached'
        : isLegacyNext ? 'requireNoStore' : 'requireConnection';
      const reportData = reached ? { ...data, ...reached } : data;
      const fix = getConnectionFix(sourceCode, node, optOutCall);
      if (!fix) {
        context.report({ node, loc, messageId, data: reportData });
      } else if (fix.isAutofix) {
        context.report({ node, loc, messageId, data: reportData, fix: fix.fix });
      } else {
        const suggestion = isLegacyNext ? 'addNoStore' : fix.addsAsync ? 'addConnectionAndAsync' : 'addConnection';
        context.report({ node, loc, messageId, data: reportData, suggest: [{ messageId: suggestion, fix: fix.fix }] });
      }
    }

    return {
      CallExpression(node) {
        calls.push(node);
      },
      MemberExpression(node) {
        if (isSearchParamsMember(node)) requestReads.push(node);
      },
      AwaitExpression(node) {
        if (paramsAreDynamic && isParamsAwait(node)) requestReads.push(node);
      },
      'Program:exit'() {
        const findQuery = createSyncQueryFinder(context, session, absoluteFilename);
        const queries = calls.map(findQuery).filter((query) => query !== undefined);
        // Other files are read only when there is something to report.
        if (queries.length === 0) return;
        const requestTimeCalls = calls.filter(
          (call) =>
            isUncachedFetch(call, sourceCode) ||
            callsImportedRequestApi(call, sourceCode, session, absoluteFilename),
        );
        const exemptions = collectExemptions(sourceCode, [...requestReads, ...requestTimeCalls]);
        for (const query of queries) report(query, exemptions);
      },
    };
  },
});
