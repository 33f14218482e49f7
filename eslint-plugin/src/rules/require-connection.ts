import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import { createRule } from '../utils/create-rule';
import { getNextFileInfo } from '../utils/next-file-kind';
import { getNextMajorVersion, isCacheComponentsEnabled } from '../utils/next-project';
import { getNextSettings } from '../utils/next-settings';
import { CONNECTION_CALL, getConnectionFix, NO_STORE_CALL } from './require-connection/connection-fix';
import { hasDynamicLayoutAbove } from './require-connection/dynamic-layouts';
import { isUnlistedDynamicRoute } from './require-connection/dynamic-segments';
import { callsImportedRequestApi } from './require-connection/imported-request-apis';
import { collectExemptions, isSearchParamsMember } from './require-connection/exemptions';
import { getPrerenderScope, isInPrerenderedGet, runsAtModuleLoad } from './require-connection/prerender-scope';
import { createSyncQueryFinder, type SyncQuery } from './require-connection/sync-queries';
import { isUncachedFetch } from './require-connection/uncached-fetch';

export type Options = [Record<string, never>];
export type MessageId =
  | 'requireConnection'
  | 'requireNoStore'
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
        'The build freezes this query\'s result: call `await connection()` before it. The synchronous `{{method}}` runs while Next.js prerenders; `connection()` from next/server defers the rest to request time.',
      requireNoStore:
        'The build freezes this query\'s result: call `noStore()` before it. The synchronous `{{method}}` runs while Next.js prerenders; `noStore()` (`unstable_noStore` from next/cache, Next.js 14) makes the rest dynamic.',
      queryAtModuleScope:
        'The build freezes this query\'s result: move it into the function that needs it. The synchronous `{{method}}` runs when the module is imported, including during `next build`; call it there, after `{{optOut}}`.',
      addConnection: 'Insert `await connection()` at the start of this function',
      addConnectionAndAsync:
        'Make this function async and insert `await connection()` (callers get a Promise)',
      addNoStore: 'Insert `noStore()` at the start of this function',
    },
  },
  defaultOptions: [{}],
  create(context) {
    const { sourceCode } = context;
    const settings = getNextSettings(context.settings);
    const { kind, projectRoot } = getNextFileInfo(context.filename, context.cwd, settings);
    const version = getNextMajorVersion(context.filename, projectRoot ?? context.cwd, settings);
    const absoluteFilename = path.resolve(context.cwd, context.filename);
    const scope = getPrerenderScope(sourceCode.ast, kind, {
      version,
      cacheComponents: () => isCacheComponentsEnabled(projectRoot, settings, context.languageOptions.parser),
      isUnlistedDynamicRoute: () =>
        projectRoot !== undefined && isUnlistedDynamicRoute(sourceCode.ast, kind, absoluteFilename, projectRoot, settings.pageExtensions),
      hasDynamicLayoutAbove: () =>
        projectRoot !== undefined &&
        hasDynamicLayoutAbove(absoluteFilename, projectRoot, settings.pageExtensions, context.languageOptions.parser),
      isInstrumentation: path.parse(absoluteFilename).name === 'instrumentation',
    });
    if (!scope) return {};

    const isLegacyNext = version !== undefined && version <= 14;
    const optOutCall = isLegacyNext ? NO_STORE_CALL : CONNECTION_CALL;
    const calls: TSESTree.CallExpression[] = [];
    const searchParamsMembers: TSESTree.MemberExpression[] = [];

    function report(query: SyncQuery, exemptions: ReturnType<typeof collectExemptions>): void {
      const { node } = query;
      const data = { method: query.method };
      const loc = getReportLocation(node);
      if (exemptions.isInBuildTimeOrActionContext(node)) return;
      if (runsAtModuleLoad(node)) {
        const optOut = isLegacyNext ? 'noStore()' : 'await connection()';
        if (query.isRead) context.report({ node, loc, messageId: 'queryAtModuleScope', data: { ...data, optOut } });
        return;
      }
      if (scope?.type === 'get-handler' && !isInPrerenderedGet(node, scope, sourceCode, exemptions)) return;
      if (exemptions.hasRequestTimeApiBefore(node) || exemptions.isHelperOnlyCalledWhereSafe(node)) return;

      const messageId = isLegacyNext ? 'requireNoStore' : 'requireConnection';
      const fix = getConnectionFix(sourceCode, node, optOutCall);
      if (!fix) {
        context.report({ node, loc, messageId, data });
      } else if (fix.isAutofix) {
        context.report({ node, loc, messageId, data, fix: fix.fix });
      } else {
        const suggestion = isLegacyNext ? 'addNoStore' : fix.addsAsync ? 'addConnectionAndAsync' : 'addConnection';
        context.report({ node, loc, messageId, data, suggest: [{ messageId: suggestion, fix: fix.fix }] });
      }
    }

    return {
      CallExpression(node) {
        calls.push(node);
      },
      MemberExpression(node) {
        if (isSearchParamsMember(node)) searchParamsMembers.push(node);
      },
      'Program:exit'() {
        const findQuery = createSyncQueryFinder(context);
        const queries = calls.map(findQuery).filter((query) => query !== undefined);
        // Other files are read only when there is something to report.
        if (queries.length === 0) return;
        const requestTimeCalls = calls.filter(
          (call) =>
            isUncachedFetch(call, sourceCode) ||
            callsImportedRequestApi(call, sourceCode, context.filename, context.languageOptions.parser),
        );
        const exemptions = collectExemptions(sourceCode, [...searchParamsMembers, ...requestTimeCalls]);
        for (const query of queries) report(query, exemptions);
      },
    };
  },
});
