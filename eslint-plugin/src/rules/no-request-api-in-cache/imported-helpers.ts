import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { ApiChains } from './helper-chains';

/**
 * Where the project model (eslint-plugin/src/project/, being built in another
 * branch) plugs in: the request APIs a function imported from another project
 * file reaches, with the chain of names from it down to the API
 * (`getUser` → `readSession` → `cookies()`, across modules). The rule reports
 * a call of such a function inside a cache scope as it does a same-file helper.
 *
 * Until the model's function summaries exist this answers nothing, and the
 * rule checks the linted file only: it reads no other file itself.
 */
export type ImportedRequestApiLookup = (
  call: TSESTree.CallExpression,
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
) => ApiChains | undefined;

export const findImportedRequestApis: ImportedRequestApiLookup = () => undefined;
