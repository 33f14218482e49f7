import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { SourceCode } from './source-code';

type Scope = TSESLint.Scope.Scope;

/**
 * Whether a scope is the file's top level, whose bindings live as long as the
 * module: the module scope of an ES module or the global scope of a script.
 * Both belong to the Program node.
 */
export function isTopLevelScope(scope: Scope): boolean {
  return scope.block.type === 'Program';
}

/** The nearest scope, from `scope` outwards, that declares `name` (configured globals included). */
export function findDeclaringScope(name: string, scope: Scope): Scope | undefined {
  for (let current: Scope | null = scope; current; current = current.upper) {
    if (current.set.has(name)) return current;
  }
  return undefined;
}

/** The variable an identifier refers to, looked up from its own scope; a configured global has no `defs`. */
export function resolveIdentifier(sourceCode: SourceCode, node: TSESTree.Identifier): TSESLint.Scope.Variable | undefined {
  return findDeclaringScope(node.name, sourceCode.getScope(node))?.set.get(node.name);
}
