import type { TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import type { ModelSession } from '../../project';
import { REQUEST_READING_FUNCTIONS } from '../../utils/next/request-apis';
import { getImportedName } from './import-bindings';
import type { SourceCode } from '../../utils/ast/source-code';

/**
 * Calls that read the request without naming cookies() or headers() in the
 * linted file: `await auth()` from an auth library, or a function of the
 * project's own (`auth.ts`, `lib/session.ts`) that reads it at any depth.
 * Rendering waits for a request after them, just as after cookies().
 */

/** Text that any request-reading module holds: a request API's module, or a `searchParams` read. */
const REQUEST_API_WORDS = [...Object.keys(REQUEST_READING_FUNCTIONS), 'searchParams'];

/** Whether `call` calls a function imported from a project file that reads the request. */
export function callsImportedRequestApi(
  call: TSESTree.CallExpression,
  sourceCode: SourceCode,
  session: ModelSession,
  filename: string,
): boolean {
  if (call.callee.type !== 'Identifier') return false;
  const definition = findVariable(sourceCode.getScope(call.callee), call.callee)?.defs[0];
  const imported = definition && getImportedName(definition);
  const target = imported && session.resolve(filename, imported.source);
  // Only a module that names a request API, itself or through its imports, can read the request.
  if (target === undefined || !session.mayReach(target, REQUEST_API_WORDS)) return false;
  const exported = imported ? session.resolveExport(target, imported.name) : undefined;
  return exported !== undefined && session.functionReadsRequest(exported.file, exported.local);
}
