import type { TSESTree } from '@typescript-eslint/utils';
import { mayBePrerendered, runsAtModuleLoad } from '../utils/next/prerender-scope';
import { createModelSession, findEntryReaching, getAbsoluteFilename, type ModelSession } from '../project';
import { createRule, type NoOptions } from '../create-rule';
import { fixOrSuggest } from '../utils/fix/fix-or-suggest';
import { CONNECTION_CALL, getConnectionFix, NO_STORE_CALL } from './require-connection/connection-fix';
import { getTopLevelFunctionName } from '../utils/ast/top-level-function';
import { callsImportedRequestApi } from './require-connection/imported-request-apis';
import { collectExemptions, findRequestReads } from './require-connection/exemptions';
import { judgeFile, type FileJudgement } from './require-connection/file-judgement';
import { isInPrerenderedGet } from './require-connection/prerendered-get';
import { findSyncQueries, type SyncQuery } from './require-connection/sync-queries';
import { isUncachedFetch } from './require-connection/uncached-fetch';
import { SYNC_DATABASE_WORDS, SYNC_QUERY_METHODS } from '../utils/drivers/sync-drivers';

export type Options = NoOptions;
export type MessageId =
  | 'requireConnection'
  | 'requireNoStore'
  | 'requireConnectionReached'
  | 'requireNoStoreReached'
  | 'queryAtModuleScope'
  | 'addConnection'
  | 'addConnectionAndAsync'
  | 'addNoStore';

// The messages' parts, composed as typescript-eslint's no-floating-promises composes its own.
const FROZEN = "The build freezes this query's result:";
const RUNS_WHILE_PRERENDERING = 'The synchronous `{{method}}` runs while Next.js prerenders';
const REACHED = '{{route}} ({{entry}})';
const CONNECTION_DEFERS = '`connection()` from next/server defers the rest to request time.';
const NO_STORE_DEFERS = '`noStore()` (`unstable_noStore` from next/cache, Next.js 14) makes the rest dynamic.';

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
      requireConnection: `${FROZEN} call \`await connection()\` before it. ${RUNS_WHILE_PRERENDERING}; ${CONNECTION_DEFERS}`,
      requireNoStore: `${FROZEN} call \`noStore()\` before it. ${RUNS_WHILE_PRERENDERING}; ${NO_STORE_DEFERS}`,
      requireConnectionReached: `${FROZEN} call \`await connection()\` before it. ${RUNS_WHILE_PRERENDERING} ${REACHED}; ${CONNECTION_DEFERS}`,
      requireNoStoreReached: `${FROZEN} call \`noStore()\` before it. ${RUNS_WHILE_PRERENDERING} ${REACHED}; ${NO_STORE_DEFERS}`,
      queryAtModuleScope: `${FROZEN} move it into the function that needs it. The synchronous \`{{method}}\` runs when the module is imported, including during \`next build\`; call it there, after \`{{optOut}}\`.`,
      addConnection: 'Insert `await connection()` at the start of this function',
      addConnectionAndAsync:
        'Make this function async and insert `await connection()` (callers get a Promise)',
      addNoStore: 'Insert `noStore()` at the start of this function',
    },
  },
  defaultOptions: [{}],
  editor: {
    // The method names catch a database imported from another project file, whose driver module the file never names.
    triggerWords: { anywhere: SYNC_DATABASE_WORDS, identifiers: SYNC_QUERY_METHODS },
    autofixTitles: {
      requireConnection: 'Insert `await connection()` before the query',
      requireNoStore: 'Insert `noStore()` before the query',
      requireConnectionReached: 'Insert `await connection()` before the query',
      requireNoStoreReached: 'Insert `noStore()` before the query',
    },
  },
  create(context) {
    const { sourceCode } = context;
    // Client code, Server Actions, cached or forced-dynamic files: nothing in them is frozen by a prerender.
    if (!mayBePrerendered(sourceCode.ast)) return {};
    const absoluteFilename = getAbsoluteFilename(context);
    const calls: TSESTree.CallExpression[] = [];

    function check(session: ModelSession, judgement: FileJudgement, queries: SyncQuery[]): void {
      const { scope, isDataModule, isLegacyNext } = judgement;
      const optOut = isLegacyNext ? NO_STORE_CALL : CONNECTION_CALL;
      const requestTimeCalls = calls.filter(
        (call) => isUncachedFetch(sourceCode, call) || callsImportedRequestApi(call, sourceCode, session, absoluteFilename),
      );
      const { requestReads, paramsAwaits } = findRequestReads(sourceCode);
      const dynamicParams = judgement.paramsAreDynamic ? paramsAwaits : [];
      const exemptions = collectExemptions(sourceCode, [...requestReads, ...dynamicParams, ...requestTimeCalls]);

      /** The route that reaches a data module's query; undefined to stay silent, null to judge the file alone. */
      function findReachingRoute(node: TSESTree.Node): { route: string; entry: string } | undefined | null {
        if (!isDataModule) return null;
        const name = getTopLevelFunctionName(node);
        const reach = name === undefined ? undefined : findEntryReaching(session, absoluteFilename, name, 'prerender');
        if (reach?.entry) return { route: reach.entry.route, entry: reach.entry.file };
        // Nothing in the app imports it: judge it as before, by where it stands.
        return reach?.hasImporters || !scope ? undefined : null;
      }

      for (const { node, method, isRead } of queries) {
        const loc = getReportLocation(node);
        if (exemptions.isInBuildTimeOrActionContext(node)) continue;
        if (runsAtModuleLoad(node)) {
          if (scope && isRead) context.report({ node, loc, messageId: 'queryAtModuleScope', data: { method, optOut: optOut.text } });
          continue;
        }
        if (scope?.type === 'get-handler' && !isInPrerenderedGet(node, scope, sourceCode, exemptions)) continue;
        if (exemptions.hasRequestTimeApiBefore(node) || exemptions.isHelperOnlyCalledWhereSafe(node)) continue;
        const reached = findReachingRoute(node);
        if (reached === undefined) continue;

        const messageId = reached ? optOut.reachedMessageId : optOut.messageId;
        const fix = getConnectionFix(sourceCode, node, optOut);
        context.report({ node, loc, messageId, data: { method, ...reached }, ...fixOrSuggest(fix, fix?.suggestionId) });
      }
    }

    return {
      // The only listener: most files have no query, and the rest is read by a walk when one has.
      CallExpression(node) {
        calls.push(node);
      },
      'Program:exit'() {
        if (calls.length === 0) return;
        const session = createModelSession(context);
        const queries = findSyncQueries(context, session, absoluteFilename, calls);
        // The rest of the project is consulted only when there is something to report.
        if (queries.length === 0) return;
        const judgement = judgeFile(context, session, absoluteFilename);
        if (judgement) check(session, judgement, queries);
      },
    };
  },
});
