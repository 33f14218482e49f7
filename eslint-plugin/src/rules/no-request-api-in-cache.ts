import type { TSESTree } from '@typescript-eslint/utils';
import { createRule, type NoOptions } from '../create-rule';
import { hasDirective } from '../utils/ast/directives';
import { getNextFileKind } from '../utils/next/next-file-kind';
import { getNextSettings } from '../utils/next/next-settings';
import { NO_REQUEST_CONTEXT_WORDS, createNoRequestContextFinder, mayHoldNoRequestContext, type NoRequestContext } from '../utils/next/no-request-contexts';
import { getAdvice, getNextError, isForbidden, type RequestApi } from './no-request-api-in-cache/forbidden-apis';
import { createHelperChains, getCalledLocalFunction, type ApiChains } from './no-request-api-in-cache/helper-chains';
import { createModelSession, getAbsoluteFilename, type ModelSession } from '../project';
import { findImportedRequestApis } from './no-request-api-in-cache/imported-helpers';
import { getMoveToCaller } from './no-request-api-in-cache/move-to-caller';
import { findRequestApiUses } from './no-request-api-in-cache/request-api-uses';

export type Options = NoOptions;
export type MessageId = 'requestApiInCache' | 'moveToCaller';

function formatChain(chain: readonly string[]): string {
  return chain.map((name, index) => (index === chain.length - 1 ? `\`${name}\`` : `\`${name}()\``)).join(' → ');
}

function prefixChains(name: string, chains: ApiChains): ApiChains {
  return new Map([...chains].map(([api, chain]) => [api, [name, ...chain]]));
}

export default createRule<Options, MessageId>({
  name: 'no-request-api-in-cache',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow request-time APIs (`cookies()`, `headers()`, `connection()`, …) in cached, build-time and `after()` code, where Next.js has no request',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        description: 'No options: the contexts and what Next.js allows in each are fixed by Next.js.',
        properties: {},
        additionalProperties: false,
      },
    ],
    messages: {
      requestApiInCache: '{{api}} fails inside {{context}}: {{advice}}. {{via}}Next.js: "{{nextError}}"',
      moveToCaller: 'Move `await connection()` to `{{caller}}`, before the cached call',
    },
  },
  defaultOptions: [{}],
  editor: {
    // Every context needs one of its words; `connection` is the request-time API the rule moves.
    triggerWords: { identifiers: [...NO_REQUEST_CONTEXT_WORDS, 'connection'] },
  },
  create(context) {
    const { sourceCode } = context;
    // Every report lies inside a no-request context, which cannot be written without its words.
    if (!mayHoldNoRequestContext(sourceCode.text) || hasDirective(sourceCode.ast.body, 'use client')) return {};
    const kind = getNextFileKind(context.filename, context.cwd, getNextSettings(context.settings));
    const calls: TSESTree.CallExpression[] = [];
    const searchParamsMembers: TSESTree.MemberExpression[] = [];

    function report(node: TSESTree.Node, api: RequestApi, where: NoRequestContext, chain?: readonly string[], suggestion?: ReturnType<typeof getMoveToCaller>): void {
      const data = {
        api: api === 'searchParams' ? '`searchParams`' : `\`${api}\``,
        context: where.label,
        advice: getAdvice(api, where),
        via: chain ? `It is reached through ${formatChain(chain)}. ` : '',
        nextError: getNextError(api, where),
      };
      const suggest = suggestion ? [{ messageId: 'moveToCaller' as const, data: { caller: suggestion.caller }, fix: suggestion.fix }] : [];
      context.report({ node, messageId: 'requestApiInCache', data, suggest });
    }

    /** A call of a helper (same file or imported) inside a context: reported once, for the first API that fails there. `chains` start at the helper. */
    function reportHelperCall(call: TSESTree.CallExpression, where: NoRequestContext, chains: ApiChains | undefined): void {
      for (const [api, chain] of chains ?? []) {
        if (!isForbidden(api, where.kind)) continue;
        report(call, api, where, chain);
        return;
      }
    }

    return {
      CallExpression(node) {
        calls.push(node);
      },
      MemberExpression(node) {
        if (!node.computed && node.property.type === 'Identifier' && node.property.name === 'searchParams') searchParamsMembers.push(node);
      },
      'Program:exit'() {
        let session: ModelSession | undefined;
        const findContext = createNoRequestContextFinder(sourceCode, kind);
        const uses = findRequestApiUses(sourceCode, searchParamsMembers);
        for (const use of uses) {
          const where = findContext(use.node);
          if (!where || !isForbidden(use.api, where.kind) || (use.propsOf && use.propsOf !== where.fn)) continue;
          const move = use.api === 'connection()' && use.node.type === 'CallExpression' ? getMoveToCaller(use.node, where, sourceCode, findContext) : undefined;
          report(use.node, use.api, where, undefined, move);
        }
        const chainsOf = createHelperChains(sourceCode, uses, calls);
        for (const call of calls) {
          const where = findContext(call);
          if (!where) continue;
          const local = getCalledLocalFunction(sourceCode, call);
          // A helper that has its own context (or lies inside this one) is checked where its uses are.
          if (local && findContext(local.fn.body) !== undefined) continue;
          const chains = local ? prefixChains(local.name, chainsOf(local.fn)) : findImportedRequestApis(call, sourceCode, session ??= createModelSession(context), getAbsoluteFilename(context));
          reportHelperCall(call, where, chains);
        }
      },
    };
  },
});
