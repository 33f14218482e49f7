import type { TSESTree } from '@typescript-eslint/utils';
import { createRule, type NoOptions } from '../create-rule';
import { fixOrSuggest } from '../utils/fix/fix-or-suggest';
import { hasDirective } from '../utils/ast/directives';
import { CALL, iterateModuleReferences } from '../utils/ast/module-references';
import { getNextFileInfo, type NextFileKind } from '../utils/next/next-file-kind';
import { createModelSession, getAbsoluteFilename, getRouteFacts } from '../project';
import { getNextSettings } from '../utils/next/next-settings';
import { createNoRequestContextFinder } from '../utils/next/no-request-contexts';
import { getConnectionReplacement, getNoStoreRemoval } from './prefer-connection/no-store-fixes';
import { containsAnyWord } from '../utils/ast/text-words';

export type Options = NoOptions;
export type MessageId =
  | 'preferConnection'
  | 'noStoreHasNoEffect'
  | 'replaceWithConnection'
  | 'replaceWithConnectionAndAsync'
  | 'removeNoStore';

const NO_STORE_TRACE_MAP = { 'next/cache': { unstable_noStore: { [CALL]: true } } };
/** Only a file that names it can call it (any local name still imports `unstable_noStore`). */
const NO_STORE_WORDS = ['unstable_noStore'];

/** Pages Router and middleware code has no App Router request store: connection() throws there, and noStore() does nothing. */
const FILE_KINDS_WITHOUT_CONNECTION = new Set<NextFileKind>(['pages-api', 'pages-page', 'middleware']);

export default createRule<Options, MessageId>({
  name: 'prefer-connection',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Prefer `await connection()` to the deprecated `unstable_noStore()` on Next.js 15 and later',
      recommended: 'warn',
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        description: 'No options: the Next.js version and config are read from the project.',
        properties: {},
        additionalProperties: false,
      },
    ],
    messages: {
      preferConnection:
        '`{{name}}()` is deprecated: call `await connection()` from next/server instead. Since Next.js 15, `connection()` replaces `unstable_noStore()` ("`connection` replaces `unstable_noStore` to better align with the future of Next.js"): both opt the render out of prerendering.',
      noStoreHasNoEffect:
        '`{{name}}()` has no effect inside {{context}}: remove it. Next.js ignores it there ("If we are inside a cache scope then this function does nothing"), and `connection()`, its replacement, would throw.',
      replaceWithConnection: 'Replace with `await connection()`',
      replaceWithConnectionAndAsync: 'Make the function async and replace with `await connection()` (its callers then get a Promise)',
      removeNoStore: 'Remove the `unstable_noStore()` call',
    },
  },
  defaultOptions: [{}],
  editor: { triggerWords: { identifiers: ['unstable_noStore'] } },
  create(context) {
    const { sourceCode } = context;
    if (!containsAnyWord(sourceCode.text, NO_STORE_WORDS) || hasDirective(sourceCode.ast.body, 'use client')) return {};
    const settings = getNextSettings(context.settings);
    const { kind, projectRoot } = getNextFileInfo(context.filename, context.cwd, settings);
    if (FILE_KINDS_WITHOUT_CONNECTION.has(kind)) return {};
    const facts = getRouteFacts(sourceCode.ast, getAbsoluteFilename(context), kind, projectRoot, createModelSession(context, settings));
    const { version } = facts;
    if (version !== undefined && version <= 14) return {};

    /**
     * `eslint --fix` may replace the call only where the result is known to be
     * the same: Next ≥ 15 known, App Router code, and Cache Components off
     * (with it on, noStore() does nothing while connection() needs a <Suspense>).
     */
    const mayAutofix = () =>
      version !== undefined && kind.startsWith('app-') && !facts.cacheComponents();

    function report(call: TSESTree.CallExpression, findContext: ReturnType<typeof createNoRequestContextFinder>): void {
      const data = { name: sourceCode.getText(call.callee) };
      const noRequestContext = findContext(call);
      if (noRequestContext) {
        const removal = getNoStoreRemoval(sourceCode, call);
        const suggest = removal ? [{ messageId: 'removeNoStore' as const, data, fix: removal }] : [];
        context.report({ node: call, messageId: 'noStoreHasNoEffect', data: { ...data, context: noRequestContext.label }, suggest });
        return;
      }
      const replacement = getConnectionReplacement(sourceCode, call);
      const planned = replacement && { fix: replacement.fix, isAutofix: !replacement.addsAsync && mayAutofix() };
      const suggestionId = replacement?.addsAsync ? 'replaceWithConnectionAndAsync' : 'replaceWithConnection';
      context.report({ node: call, messageId: 'preferConnection', data, ...fixOrSuggest(planned, suggestionId) });
    }

    return {
      'Program:exit'() {
        const findContext = createNoRequestContextFinder(sourceCode, kind);
        for (const reference of iterateModuleReferences(sourceCode, NO_STORE_TRACE_MAP)) {
          if (reference.node.type === 'CallExpression') report(reference.node, findContext);
        }
      },
    };
  },
});
