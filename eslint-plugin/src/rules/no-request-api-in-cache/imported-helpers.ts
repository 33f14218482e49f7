import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { ModelSession } from '../../project';
import { NEXT_REQUEST_FUNCTIONS } from '../../utils/next/request-apis';
import { getImportedName } from '../require-connection/import-bindings';
import type { RequestApi } from './forbidden-apis';
import type { ApiChains } from './helper-chains';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * The request APIs a function imported from another project file reaches,
 * with the chain of names from it down to the API (`getUser` → `readSession`
 * → `cookies()`, across modules), from the project model. The rule reports a
 * call of such a function inside a cache scope as it does a same-file helper.
 */
export function findImportedRequestApis(
  call: TSESTree.CallExpression,
  sourceCode: SourceCode,
  session: ModelSession,
  filename: string,
): ApiChains | undefined {
  if (call.callee.type !== 'Identifier') return undefined;
  const definition = findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0];
  const imported = definition && getImportedName(definition);
  const target = imported && session.resolve(filename, imported.source);
  // Only a module that imports from next/headers or next/server, itself or through its imports, can reach one.
  if (target === undefined || !imported || !session.mayReach(target, Object.keys(NEXT_REQUEST_FUNCTIONS))) return undefined;
  const exported = session.resolveExport(target, imported.name);
  if (!exported) return undefined;
  const chains = new Map<RequestApi, readonly string[]>();
  for (const [api, chain] of session.requestApiChains(exported.file, exported.local)) {
    chains.set(api as RequestApi, [call.callee.name, ...chain]);
  }
  return chains.size > 0 ? chains : undefined;
}
