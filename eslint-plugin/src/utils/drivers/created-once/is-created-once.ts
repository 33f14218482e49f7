import type { TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, getEnclosingFunction, getExportNames, getFunctionBinding } from '../../ast/functions';
import { getOutermostAwaitOrTypeWrapper } from '../../ast/type-wrappers';
import { isLazySingleton } from './is-lazy-singleton';
import type { SourceCode } from '../../ast/source-code';

/** How many helpers deep a returned pool is followed: `getPool()` → `createPool()`. */
const MAX_DEPTH = 3;

/** Whether `value` is what `fn` returns: `return value`, or the body of an arrow. */
function isReturnedBy(value: TSESTree.Node, fn: FunctionNode): boolean {
  const parent = value.parent;
  if (parent?.type === 'ArrowFunctionExpression') return parent === fn && parent.body === value;
  return parent?.type === 'ReturnStatement' && getEnclosingFunction(parent) === fn;
}

/**
 * The function whose result the created value is: `return new Pool()`,
 * `() => new Pool()`, or `const pool = new Pool(); ...; return pool`.
 */
function getReturningFunction(sourceCode: SourceCode, creation: TSESTree.Node): FunctionNode | undefined {
  const value = getOutermostAwaitOrTypeWrapper(creation);
  const fn = getEnclosingFunction(value);
  if (!fn) return undefined;
  if (isReturnedBy(value, fn)) return fn;
  const declarator = value.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== value) return undefined;
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  const returned = variable?.references.some((reference) => isReturnedBy(getOutermostAwaitOrTypeWrapper(reference.identifier), fn));
  return returned ? fn : undefined;
}

/** The calls of a same-file function by name, or of an IIFE; undefined when it is also used otherwise (passed, exported...). */
function getCalls(sourceCode: SourceCode, fn: FunctionNode): TSESTree.CallExpression[] | undefined {
  // `(async () => { ... })()`
  if (fn.parent?.type === 'CallExpression' && fn.parent.callee === fn) return [fn.parent];
  const binding = getFunctionBinding(fn);
  // Other modules (or Next.js itself) may call an exported function on every request.
  if (!binding || getExportNames(fn, sourceCode).length > 0) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  for (const variable of sourceCode.getDeclaredVariables(binding)) {
    for (const reference of variable.references) {
      // `ReturnType<typeof createPool>` only names its type.
      const call = reference.identifier.parent;
      if (reference.init || call?.type === 'TSTypeQuery') continue;
      if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) return undefined;
      calls.push(call);
    }
  }
  return calls;
}

/**
 * Whether the created pool is only created once per server instance (or per
 * cache key): a lazy singleton itself, or the result of a helper whose every
 * call is one, such as `pool ??= createPool()` or
 * `globalThis.prisma ?? (globalThis.prisma = prismaClientSingleton())`.
 */
export function isCreatedOnce(sourceCode: SourceCode, creation: TSESTree.Node, depth = 0): boolean {
  if (isLazySingleton(sourceCode, creation)) return true;
  if (depth >= MAX_DEPTH) return false;
  const fn = getReturningFunction(sourceCode, creation);
  const calls = fn && getCalls(sourceCode, fn);
  if (!calls || calls.length === 0) return false;
  // A call at module scope runs once, when the module loads.
  return calls.every((call) => !getEnclosingFunction(call) || isCreatedOnce(sourceCode, getOutermostAwaitOrTypeWrapper(call), depth + 1));
}
