import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { recordCodePaths } from '../utils/ast/code-path-recorder';
import { createRule, nameListSchema } from '../create-rule';
import { type HeldWords, describePathProblem } from '../utils/drivers/describe-path';
import { matchLineEndings } from '../utils/fix/line-endings';
import { getCloseStatement, isPlainData, removeCloseStatements } from '../utils/fix/remove-close-statements';
import { planWrapInFinally } from '../utils/fix/wrap-in-finally';
import { isEdgeRuntime } from '../utils/next/is-edge-runtime';
import { getNextFileKind } from '../utils/next/next-file-kind';
import { getNextSettings } from '../utils/next/next-settings';
import { findRequestScopedAncestor, getRequestScopedFunctions } from '../utils/next/request-scope';
import { NEON_MODULE, findUnendedNeonPools } from './no-pool-end-in-handler/neon-on-edge';
import { getClosingFunction } from './no-pool-end-in-handler/closing-functions';
import { SHARED_POOL_CLOSE_PATTERN, createClosedPoolFinder } from './no-pool-end-in-handler/shared-pools';
import { BUILTIN_POOL_FACTORIES } from '../utils/drivers/pool-factories';
import { containsAnyWord } from '../utils/ast/text-words';

export type Options = [{ closingFunctions?: string[] }];
export type MessageId = 'poolEnded' | 'clientDisconnected' | 'closingFunction' | 'removeEnd' | 'neonPoolNotEnded' | 'endInFinally';

/** What a later request gets once the shared pool is ended, by the module the pool comes from. */
const ERROR_AFTER_END: Readonly<Record<string, string>> = {
  mysql2: '"Pool is closed."',
  'mysql2/promise': '"Pool is closed."',
  postgres: '"write CONNECTION_ENDED"',
  mariadb: '"pool is closed" (ER_POOL_ALREADY_CLOSED)',
  'pg-promise': '"Connection pool of the database object has been destroyed."',
};
const PG_ERROR_AFTER_END = '"Cannot use a pool after calling end on the pool" (or "Called end on pool more than once" when the `end()` runs again)';
const POOL_WORDS: HeldWords = { held: 'open', letGo: 'ended', letGoing: 'ending', takeAgain: 'opens another' };

/** A method call `.end(` as the rule finds it (`pool.end()`, `pool?.end()`, across lines); not `justify-end`. */
const END_METHOD = /\.\s*end\b/;
const CLOSING_WORDS = ['$disconnect', NEON_MODULE];

/**
 * Whether the text may hold what the rule reports: an `end()` or
 * `$disconnect()` call, a call of a `closingFunctions` helper, or a Neon pool
 * (created from `@neondatabase/serverless`). Most files hold none and are
 * skipped before any analysis.
 */
function mayEndPool(text: string, closingFunctions: readonly string[]): boolean {
  return END_METHOD.test(text) || containsAnyWord(text, CLOSING_WORDS) || containsAnyWord(text, closingFunctions);
}

export default createRule<Options, MessageId>({
  name: 'no-pool-end-in-handler',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow ending a pool that every request shares in code that runs per request',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      poolEnded:
        '`{{call}}` ends a pool that every request shares: remove it. It runs in {{where}}, but `{{name}}` is created once{{origin}}, so the first request works and every later one fails with {{error}}.',
      clientDisconnected:
        '`{{call}}` disconnects the PrismaClient every request shares: remove it. It runs in {{where}}, but `{{name}}` is created once{{origin}}; each request then reconnects, and queries still running for other requests can fail.',
      closingFunction:
        '`{{call}}` ends the database client every request shares: remove it. It runs in {{where}}, and `{{name}}` from `{{module}}` ends it (as the `closingFunctions` option says), so later requests fail or reconnect.',
      removeEnd: 'Remove the `{{call}}` statement',
      neonPoolNotEnded:
        'The Neon `Pool` `{{name}}` is not ended on every path: end it in a `finally` block. {{path}}. On the edge runtime a Pool must be created, used and ended within one request; one left open leaks its connection.',
      endInFinally: 'Wrap the code after `{{name}}` in `try { … } finally { await {{name}}.end(); }`',
    },
    schema: [
      {
        type: 'object',
        description: 'Options for no-pool-end-in-handler.',
        additionalProperties: false,
        properties: {
          closingFunctions: nameListSchema(
            "Functions of the project's own modules that end the shared pool or client (such as a `disconnect()` helper that calls `prisma.$disconnect()`): calls of them imported into request-time code are reported too.",
          ),
        },
      },
    ],
  },
  defaultOptions: [{ closingFunctions: [] }],
  editor: {
    // A Neon pool names its module; `pool.end()` and `prisma.$disconnect()` may end a pool imported from the project.
    // The editor passes no `closingFunctions`, so their calls need no word.
    triggerWords: { anywhere: BUILTIN_POOL_FACTORIES.map((factory) => factory.module), patterns: [SHARED_POOL_CLOSE_PATTERN] },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    if (!mayEndPool(sourceCode.text, options.closingFunctions ?? [])) return {};
    const kind = getNextFileKind(context.filename, context.cwd, getNextSettings(context.settings));
    const requestScoped = getRequestScopedFunctions(sourceCode, kind);
    if (requestScoped.size === 0) return {};
    const onEdge = isEdgeRuntime(sourceCode.ast, kind, context.filename);
    const findClosedPool = createClosedPoolFinder(sourceCode);
    const closingFunctions = new Set(options.closingFunctions);

    /** The removal suggestion, when the call is a statement of its own whose removal loses nothing (no callback). */
    function suggestRemoval(call: TSESTree.CallExpression, callText: string): TSESLint.SuggestionReportDescriptor<MessageId>[] {
      const statement = call.arguments.every(isPlainData) ? getCloseStatement(call) : undefined;
      if (!statement) return [];
      return [{ messageId: 'removeEnd', data: { call: callText }, fix: (fixer) => matchLineEndings(sourceCode, removeCloseStatements(fixer, sourceCode, [statement], [])) }];
    }

    function reportEnd(call: TSESTree.CallExpression): void {
      const handler = findRequestScopedAncestor(call, requestScoped);
      if (!handler) return;
      const where = requestScoped.get(handler) ?? 'a request handler';
      const callText = `${sourceCode.getText(call.callee)}()`;
      const helper = getClosingFunction(sourceCode, call, closingFunctions);
      if (helper) {
        const data = { call: callText, where, ...helper };
        context.report({ node: call, messageId: 'closingFunction', data, suggest: suggestRemoval(call, callText) });
        return;
      }
      const closed = findClosedPool(call);
      if (!closed || (onEdge && closed.pool.mayBeNeon)) return;
      const { module, closeMethod, origin } = closed.pool;
      const data = { call: callText, where, name: closed.name, origin, error: ERROR_AFTER_END[module] ?? PG_ERROR_AFTER_END };
      const messageId = closeMethod === '$disconnect' ? 'clientDisconnected' : 'poolEnded';
      context.report({ node: call, messageId, data, suggest: suggestRemoval(call, callText) });
    }

    return recordCodePaths((record) => {
      for (const node of record.segmentsOf.keys()) if (node.type === 'CallExpression') reportEnd(node);
      if (!onEdge) return;
      for (const pool of findUnendedNeonPools(sourceCode, record, requestScoped)) {
        const fix = planWrapInFinally(sourceCode, { statement: pool.statement, finallyCall: `await ${pool.name}.end()`, method: 'end' }, pool.ends);
        context.report({
          node: pool.creation,
          messageId: 'neonPoolNotEnded',
          data: { name: pool.name, path: describePathProblem(sourceCode, pool.problem, POOL_WORDS) },
          suggest: fix ? [{ messageId: 'endInFinally', data: { name: pool.name }, fix }] : [],
        });
      }
    }) as TSESLint.RuleListener;
  },
});
