import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../ast/functions';
import type { SourceCode } from '../ast/source-code';

/** The name a function or method is declared under, to find its overload signatures. */
function getDeclaredName(node: TSESTree.Node): string | undefined {
  if ((node.type === 'FunctionDeclaration' || node.type === 'TSDeclareFunction') && node.id) return node.id.name;
  if ((node.type === 'MethodDefinition' || node.type === 'TSAbstractMethodDefinition') && node.key.type === 'Identifier') {
    return node.key.name;
  }
  return undefined;
}

/** Statements or class members beside a declaration, looking through `export`. */
function getSiblings(node: TSESTree.Node): readonly TSESTree.Node[] {
  const holder = node.parent?.type === 'ExportNamedDeclaration' ? node.parent : node;
  const container = holder.parent;
  if (container?.type === 'Program' || container?.type === 'BlockStatement' || container?.type === 'TSModuleBlock') {
    return container.body.map((statement) =>
      statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement,
    );
  }
  return container?.type === 'ClassBody' ? container.body : [];
}

/**
 * Whether a TypeScript overload signature (`function load(id: number): Post;`)
 * goes with this implementation: its return types would all have to become
 * Promises too, which is more than adding `async`.
 */
function hasOverloads(fn: FunctionNode): boolean {
  const declaration = fn.parent?.type === 'MethodDefinition' ? fn.parent : fn;
  const name = getDeclaredName(declaration);
  if (name === undefined) return false;
  return getSiblings(declaration).some(
    (sibling) =>
      sibling !== declaration &&
      getDeclaredName(sibling) === name &&
      (sibling.type === 'TSDeclareFunction' ||
        (sibling.type === 'MethodDefinition' && sibling.value.type === 'TSEmptyBodyFunctionExpression')),
  );
}

/**
 * Whether adding `async` is possible at all: not for getters, setters,
 * constructors, generators (an async generator is iterated differently),
 * type predicates (`x is Post` cannot be a Promise) or overloaded functions.
 */
export function canMakeAsync(fn: FunctionNode): boolean {
  if (fn.async) return true;
  if (fn.generator) return false;
  if (fn.returnType?.typeAnnotation.type === 'TSTypePredicate') return false;
  if (hasOverloads(fn)) return false;
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

function isPromiseType(type: TSESTree.TypeNode): boolean {
  return type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && type.typeName.name === 'Promise';
}

/**
 * `(): Post[]` becomes `(): Promise<Post[]>`: TypeScript requires an async
 * function's declared return type to be a Promise.
 */
function wrapReturnType(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, fn: FunctionNode): TSESLint.RuleFix | undefined {
  const type = fn.returnType?.typeAnnotation;
  if (!type || isPromiseType(type)) return undefined;
  return fixer.replaceText(type, `Promise<${sourceCode.getText(type)}>`);
}

/** Adds `async` to a function, and wraps its declared return type in a Promise. Check `canMakeAsync` first. */
export function makeAsync(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, fn: FunctionNode): TSESLint.RuleFix[] {
  if (fn.async) return [];
  const token = getAsyncPosition(sourceCode, fn);
  const returnTypeFix = wrapReturnType(fixer, sourceCode, fn);
  return [...(token ? [fixer.insertTextBefore(token, 'async ')] : []), ...(returnTypeFix ? [returnTypeFix] : [])];
}
