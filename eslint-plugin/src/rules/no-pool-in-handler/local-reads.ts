import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../../utils/ast/cached-per';
import { isFunctionNode } from '../../utils/ast/functions';
import { isInside } from '../../utils/ast/ranges';
import { isTopLevelScope } from '../../utils/ast/scope';
import { walkAst } from '../../utils/ast/walk-ast';
import type { SourceCode } from '../../utils/ast/source-code';

/** What in the expression only means something inside the running function: `this`, an `await`... */
function findContextualNode(sourceCode: SourceCode, expression: TSESTree.Node): string | undefined {
  let found: string | undefined;
  walkAst(expression, (node) => {
    // A nested function has its own `await`, and its own `this` unless it is an arrow.
    if (node !== expression && isFunctionNode(node)) {
      if (node.type !== 'ArrowFunctionExpression') return false;
      found = findThis(sourceCode, node.body);
      return found ? 'stop' : false;
    }
    found = describeContextual(node);
    return found ? 'stop' : true;
  }, sourceCode.visitorKeys);
  return found;
}

function describeContextual(node: TSESTree.Node): string | undefined {
  if (node.type === 'ThisExpression') return '`this`';
  if (node.type === 'Super') return '`super`';
  if (node.type === 'AwaitExpression') return 'an awaited value';
  if (node.type === 'YieldExpression') return 'a yielded value';
  if (node.type === 'MetaProperty' && node.meta.name === 'new') return '`new.target`';
  return undefined;
}

/** `this` or `super` read by an arrow function, which shares them with the function around it. */
function findThis(sourceCode: SourceCode, body: TSESTree.Node): string | undefined {
  let found: string | undefined;
  walkAst(body, (node) => {
    if (isFunctionNode(node) && node.type !== 'ArrowFunctionExpression') return false;
    if (node.type === 'ThisExpression' || node.type === 'Super') found = describeContextual(node);
    return found ? 'stop' : true;
  }, sourceCode.visitorKeys);
  return found;
}

/** Every reference of the file, in source order, so those inside a range are found by binary search. */
const getSortedReferences = cachedPer((sourceCode: SourceCode): TSESLint.Scope.Reference[] => {
  const references = (sourceCode.scopeManager?.scopes ?? []).flatMap((scope) => scope.references);
  return references.sort((a, b) => a.identifier.range[0] - b.identifier.range[0]);
});

/** Every reference made from inside `range`. */
function getReferencesIn(sourceCode: SourceCode, range: TSESLint.AST.Range): TSESLint.Scope.Reference[] {
  const references = getSortedReferences(sourceCode);
  let low = 0;
  let high = references.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (references[middle]!.identifier.range[0] < range[0]) low = middle + 1;
    else high = middle;
  }
  const inside: TSESLint.Scope.Reference[] = [];
  for (let index = low; index < references.length && isInside(references[index]!.identifier, range); index++) {
    inside.push(references[index]!);
  }
  return inside;
}

export interface ModuleReads {
  /** Why the code cannot move to module scope, or undefined when it can. */
  reason: string | undefined;
  /** Module-level declarations it reads, which the moved code must follow. */
  declarations: TSESTree.Node[];
}

/**
 * Whether code can move from a function to module scope and mean the same:
 * it must read no binding local to a function (`req`, a local variable,
 * `arguments`), no `this` or awaited value, and no module variable that is
 * reassigned at run time. `nodes` are the parts of the code that move.
 */
export function getModuleReads(
  sourceCode: SourceCode,
  nodes: readonly TSESTree.Node[],
  /** Locals whose initializer moves along in place of their reads (a Prisma client's adapter). */
  inlined: ReadonlySet<TSESLint.Scope.Variable> = new Set(),
): ModuleReads {
  const declarations: TSESTree.Node[] = [];
  for (const node of nodes) {
    const contextual = findContextualNode(sourceCode, node);
    if (contextual) return { reason: contextual, declarations };
    for (const reference of getReferencesIn(sourceCode, node.range)) {
      const variable = reference.resolved;
      if (variable?.name === 'arguments' && variable.scope.type === 'function') return { reason: '`arguments`', declarations };
      if (!variable || variable.defs.length === 0) continue; // a global such as `process`
      if (inlined.has(variable)) continue;
      const name = `\`${variable.name}\``;
      if (variable.defs.some((def) => isInside(def.name, node))) continue; // declared inside the moved code
      if (!isTopLevelScope(variable.scope)) return { reason: `${name}, which only exists inside the function`, declarations };
      if (isReassigned(variable)) return { reason: `${name}, which is reassigned at run time`, declarations };
      for (const def of variable.defs) if (def.type !== 'ImportBinding') declarations.push(def.node);
      declarations.push(...getDeclarationsReadOnLoad(variable, sourceCode));
    }
  }
  return { reason: undefined, declarations };
}

/** Whether the binding is written after its declaration; asked for `Pool` by each of its many creations. */
const isReassigned = cachedPer((variable: TSESLint.Scope.Variable) => variable.references.some((ref) => ref.isWrite() && !ref.init));

/** The function a module-level binding holds: `function getConfig() {}` or `const getConfig = () => ...`. */
function getHeldFunction(variable: TSESLint.Scope.Variable): TSESTree.Node | undefined {
  for (const def of variable.defs) {
    if (def.node.type === 'FunctionDeclaration') return def.node;
    if (def.node.type === 'VariableDeclarator' && isFunctionNode(def.node.init ?? undefined)) return def.node.init ?? undefined;
  }
  return undefined;
}

/**
 * The module-level declarations a module-level function reads, transitively:
 * once moved code calls `getConfig()` at module load, `getConfig` reads them
 * then, so they must already be initialized (`const DEFAULTS` below it would
 * throw a ReferenceError).
 */
function getDeclarationsReadByFunction(
  sourceCode: SourceCode,
  variable: TSESLint.Scope.Variable,
  visited: Set<TSESLint.Scope.Variable>,
): TSESTree.Node[] {
  const fn = getHeldFunction(variable);
  if (!fn || visited.has(variable)) return [];
  visited.add(variable);
  const declarations: TSESTree.Node[] = [];
  for (const reference of getReferencesIn(sourceCode, fn.range)) {
    const read = reference.resolved;
    if (!read || !isTopLevelScope(read.scope)) continue;
    for (const def of read.defs) if (def.type !== 'ImportBinding') declarations.push(def.node);
    declarations.push(...getDeclarationsReadByFunction(sourceCode, read, visited));
  }
  return declarations;
}

/** `getDeclarationsReadByFunction` once per module-level binding, however many creations read it. */
const getDeclarationsReadOnLoad = cachedPer((variable: TSESLint.Scope.Variable, sourceCode: SourceCode) =>
  getDeclarationsReadByFunction(sourceCode, variable, new Set()),
);
