import type { TSESLint } from '@typescript-eslint/utils';

/** The linted file's source code, as every rule and helper receives it. */
export type SourceCode = Readonly<TSESLint.SourceCode>;
