/**
 * The pool settings users see, in one place for the rule and the VS Code
 * extension (which imports this file into its client, so it imports nothing).
 * The extension's package.json repeats the size as its setting's default:
 * VS Code reads that file as it is.
 */

/** The pool size the hoist suggestion writes when the options have none: `poolSize`, `next-db.poolSize`. */
export const DEFAULT_POOL_SIZE = 5;

/** The option key of the pool size when a factory names none. */
export const DEFAULT_SIZE_OPTION = 'max';

/** A pool factory as users add one: the rule's `factories` option, the extension's `next-db.poolFactories`. */
export interface PoolFactoryOption {
  /** The module it comes from, as written in `import`/`require`. */
  module: string;
  /** The named export; omitted for the module's default export (called or constructed). */
  import?: string;
  /** The option key for the pool size; `max` when omitted. */
  sizeOption?: string;
}
