import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../exported-functions';

type SourceCode = Readonly<TSESLint.SourceCode>;

/**
 * Whether adding `async` is possible at all: not for getters, setters,
 * constructors, or generators (an async generator is iterated differently).
 */
export function canMakeAsync(fn: FunctionNode): boolean {
  if (fn.async) return true;
  if (fn.generator) return false;
  const parent = fn.parent;
  if (parent?.type === 'MethodDefinition' || parent?.type === 'TSAbstractMethodDefinition') return parent.kind === 'method';
  if (parent?.type === 'Property' && parent.value === fn) return parent.kind === 'init';
  return true;
}

/** The token `async` goes before: `function`, an arrow's parameters, or a method's name. */
function getAsyncPosition(sourceCode: SourceCode, fn: FunctionNode): TSESTree.Token | undefined {
  const parent = fn.parent;
  const isMethod =
    (parent?.type === 'MethodDefinition' || (parent?.type === 'Property' && parent.method)) && parent.value === fn;
  if (isMethod) {
    return parent.computed ? sourceCode.getTokenBefore(parent.key) ?? undefined : sourceCode.getFirstToken(parent.key) ?? undefined;
  }
  return sourceCode.getFirstToken(fn) ?? undefined;
}

/** Adds `async` to a function. Check `canMakeAsync` first. */
export function makeAsync(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, fn: FunctionNode): TSESLint.RuleFix | undefined {
  if (fn.async) return undefined;
  const token = getAsyncPosition(sourceCode, fn);
  return token ? fixer.insertTextBefore(token, 'async ') : undefined;
}
