import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type CodePathRecord, recordCodePaths } from '../utils/ast/code-path-recorder';
import { createRule, nameListSchema } from '../create-rule';
import { type PathProblem, findUnreleasedPath } from '../utils/drivers/every-path';
import { containsAnyWord } from '../utils/ast/text-words';
import { type Acquisition, CHECKOUT_METHODS, getAcquisition, getCheckoutReceiver, getKnownPools, isPoolReceiver } from './release-pool-client/acquisitions';
import { type ClientUses, createReleasesArgument, getClientUses } from '../utils/drivers/client-uses';
import { describePathProblem, describeThrowing } from '../utils/drivers/describe-path';
import { planWrapInFinally } from '../utils/fix/wrap-in-finally';
import type { SourceCode } from '../utils/ast/source-code';

export type Options = [{ poolNames?: string[] }];
export type MessageId = 'notReleased' | 'clientDropped' | 'wrapInTryFinally';

/** At most this many checkouts are followed per file, which keeps the rule linear in the file's size. */
const MAX_CHECKOUTS = 50;
/** Files without these words have no checkout to follow. */
const CHECKOUT_WORDS = [...CHECKOUT_METHODS];

/** Why the client can leak, as a sentence without its final period. */
function describeLeak(sourceCode: SourceCode, problem: PathProblem | undefined, uses: ClientUses | undefined): string {
  if (!uses) return 'Its `release` is not kept, so it is never released';
  const helper = uses.handedTo[0];
  if (uses.releases.size === 0 && helper) {
    return `It is only passed to \`${describeThrowing(sourceCode, helper)}\`, which does not release it on every path`;
  }
  return describePathProblem(sourceCode, problem);
}

export default createRule<Options, MessageId>({
  name: 'release-pool-client',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a client checked out of a pool to be released on every path, normal and thrown',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      notReleased:
        '{{client}} from `{{checkout}}` can leak: release it in a `finally` block. {{path}}. Each leaked client keeps a pool connection checked out; once all are, `{{checkout}}` waits forever and requests time out (pg: "timeout exceeded when trying to connect").',
      clientDropped:
        '`{{checkout}}` checks out a client that is never released: release it in a `finally` block. Each call keeps a pool connection checked out; once all are, later checkouts wait forever (pg: "timeout exceeded when trying to connect").',
      wrapInTryFinally: 'Wrap the code after `{{checkout}}` in `try { … } finally { {{release}}; }`',
    },
    schema: [
      {
        type: 'object',
        description: 'Options for release-pool-client.',
        additionalProperties: false,
        properties: {
          poolNames: nameListSchema(
            'More names of pools, for pools not named like one: with `db`, `db.connect()` and `this.db.connect()` are checkouts.',
          ),
        },
      },
    ],
  },
  defaultOptions: [{ poolNames: [] }],
  editor: {
    // Pools are followed by name too (`db.connect()` with `poolNames`), so the checkout methods are the words.
    triggerWords: { identifiers: [...CHECKOUT_METHODS] },
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const poolNames = new Set(options.poolNames);
    if (!containsAnyWord(sourceCode.text, CHECKOUT_WORDS)) return {};

    function check(record: CodePathRecord, acquisition: Acquisition, checkout: string): void {
      const { variable, releasedBy, owner, call } = acquisition;
      const uses = variable && getClientUses(variable, releasedBy, owner, createReleasesArgument(sourceCode, record));
      if (uses?.escapes) return;
      const releases = uses?.releases ?? new Set<TSESTree.Node>();
      const problem = releases.size === 0 ? undefined : findUnreleasedPath(record, { owner, after: call, releases });
      if (releases.size > 0 && !problem) return;
      const release = `${variable?.name ?? 'client'}${releasedBy === 'method' ? '.release' : ''}()`;
      const fix = variable && planWrapInFinally(sourceCode, { statement: acquisition.statement, finallyCall: release, method: 'release' }, releases);
      context.report({
        node: call,
        messageId: 'notReleased',
        data: { client: variable ? `\`${variable.name}\`` : 'The client', checkout, path: describeLeak(sourceCode, problem, uses) },
        suggest: fix ? [{ messageId: 'wrapInTryFinally', data: { checkout, release }, fix }] : [],
      });
    }

    return recordCodePaths((record) => {
      const knownPools = getKnownPools(sourceCode);
      let followed = 0;
      for (const node of record.segmentsOf.keys()) {
        const receiver = node.type === 'CallExpression' ? getCheckoutReceiver(node) : undefined;
        if (!receiver || followed >= MAX_CHECKOUTS) continue;
        const acquisition = getAcquisition(sourceCode, node as TSESTree.CallExpression);
        const checkout = `${sourceCode.getText((node as TSESTree.CallExpression).callee)}()`;
        if (acquisition === undefined || !isPoolReceiver(sourceCode, receiver, knownPools, poolNames)) continue;
        followed++;
        if (acquisition === 'dropped') context.report({ node, messageId: 'clientDropped', data: { checkout } });
        else check(record, acquisition, checkout);
      }
    }) as TSESLint.RuleListener;
  },
});
