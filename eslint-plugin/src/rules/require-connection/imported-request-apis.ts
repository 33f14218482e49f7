import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { ModelSession } from '../../project';
import { CALL } from '../../utils/module-references';
import { AUTH_LIBRARY_FUNCTIONS } from '../../utils/next-request-apis';
import { getImportedName } from './import-bindings';

/**
 * Calls that read the request without naming cookies() or headers() in the
 * linted file: `await auth()` from an auth library, or a function of the
 * project's own (`auth.ts`, `lib/session.ts`) that reads it at any depth.
 * Rendering waits for a request after them, just as after cookies().
 */

export const AUTH_LIBRARY_TRACE_MAP = Object.fromEntries(
  Object.entries(AUTH_LIBRARY_FUNCTIONS).map(([module, names]) => [
    module,
    Object.fromEntries(names.map((name) => [name, { [CALL]: 'request' }])),
  ]),
);

/** Whether `call` calls a function imported from a project file that reads the request. */
export function callsImportedRequestApi(
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  session: ModelSession,
  filename: string,
): boolean {
  if (call.callee.type !== 'Identifier') return false;
  const definition = findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0];
  const imported = definition && getImportedName(definition);
  const target = imported && session.resolve(filename, imported.source);
  const exported = imported && target !== undefined ? session.resolveExport(target, imported.name) : undefined;
  return exported !== undefined && session.functionReadsRequest(exported.file, exported.local);
}
