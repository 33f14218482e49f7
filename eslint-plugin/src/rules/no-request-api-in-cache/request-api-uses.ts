import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { isFunctionNode, type FunctionNode } from '../../utils/ast/functions';
import { iterateModuleReferences, toCallTraceMap } from '../../utils/ast/module-references';
import { isInside } from '../../utils/ast/ranges';
import { NEXT_REQUEST_FUNCTIONS } from '../../utils/next/request-apis';
import type { RequestApi } from './forbidden-apis';
import type { SourceCode } from '../../utils/ast/source-code';

export interface RequestApiUse {
  node: TSESTree.Node;
  api: RequestApi;
  /** For `searchParams`: the page function whose props it comes from; it fails only when that function is cached. */
  propsOf?: FunctionNode;
}

const REQUEST_TRACE_MAP = toCallTraceMap(NEXT_REQUEST_FUNCTIONS, true);

/** `draftMode().enable()` or `(await draftMode()).disable()`: the outer call, and what it does. */
function getDraftModeChange(call: TSESTree.CallExpression): { node: TSESTree.CallExpression; api: RequestApi } | undefined {
  const value = call.parent?.type === 'AwaitExpression' ? call.parent : call;
  const member = value.parent;
  if (member?.type !== 'MemberExpression' || member.object !== value || member.computed || member.property.type !== 'Identifier') return undefined;
  const method = member.property.name;
  if ((method !== 'enable' && method !== 'disable') || member.parent?.type !== 'CallExpression' || member.parent.callee !== member) return undefined;
  return { node: member.parent, api: method === 'enable' ? 'draftMode().enable()' : 'draftMode().disable()' };
}

/** The function whose first parameter is `identifier`'s variable (`props` of `Page(props)`), if any. */
function getPropsOwner(sourceCode: SourceCode, identifier: TSESTree.Identifier): FunctionNode | undefined {
  const definition = findVariable(sourceCode.getScope(identifier), identifier)?.defs[0];
  const owner = definition?.type === 'Parameter' ? (definition.node as TSESTree.Node) : undefined;
  return isFunctionNode(owner) && owner.params[0] === definition?.name ? owner : undefined;
}

/** Reads of a page's `searchParams` prop: `props.searchParams`, or `searchParams` destructured from the props. */
function findSearchParamsReads(sourceCode: SourceCode, members: readonly TSESTree.MemberExpression[]): RequestApiUse[] {
  const uses: RequestApiUse[] = [];
  for (const member of members) {
    const propsOf = member.object.type === 'Identifier' ? getPropsOwner(sourceCode, member.object) : undefined;
    if (propsOf) uses.push({ node: member, api: 'searchParams', propsOf });
  }
  for (const scope of sourceCode.scopeManager?.scopes ?? []) {
    for (const reference of scope.references) {
      const definition = reference.resolved?.defs[0];
      const owner = definition?.type === 'Parameter' ? (definition.node as TSESTree.Node) : undefined;
      const props = isFunctionNode(owner) ? owner.params[0] : undefined;
      if (reference.identifier.name === 'searchParams' && reference.isRead() && props?.type === 'ObjectPattern' && definition && isInside(definition.name, props)) {
        uses.push({ node: reference.identifier, api: 'searchParams', propsOf: owner as FunctionNode });
      }
    }
  }
  return uses;
}

/**
 * Every use of a request-time API in the file: calls of `cookies()`,
 * `headers()`, `draftMode()` (and its `.enable()` / `.disable()`) and
 * `connection()`, imported or required under any name, and reads of a
 * page's `searchParams` prop. `members` are the file's `x.searchParams` nodes.
 */
export function findRequestApiUses(sourceCode: SourceCode, members: readonly TSESTree.MemberExpression[]): RequestApiUse[] {
  const uses: RequestApiUse[] = [];
  for (const reference of iterateModuleReferences(sourceCode, REQUEST_TRACE_MAP)) {
    const call = reference.node;
    const name = reference.path.at(-1);
    if (call.type !== 'CallExpression' || name === undefined) continue;
    const change = name === 'draftMode' ? getDraftModeChange(call) : undefined;
    uses.push(change ?? { node: call, api: `${name}()` as RequestApi });
  }
  return [...uses, ...findSearchParamsReads(sourceCode, members)];
}
