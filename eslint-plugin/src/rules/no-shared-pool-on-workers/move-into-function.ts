import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, getEnclosingFunction, getEnclosingFunctions, getFunctionBinding } from '../../utils/ast/functions';
import { insertFirstStatement } from '../../utils/fix/insert-first-statement';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { reindentNodeText } from '../../utils/fix/reindent';
import { removeStatement } from '../../utils/fix/remove-statement';
import { getLineIndent } from '../../utils/fix/source-positions';
import { isInside } from '../../utils/ast/ranges';
import { getOutermostTypeWrapper } from '../../utils/ast/type-wrappers';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Reference = TSESLint.Scope.Reference;

export type MovePlan =
  | { ok: true; name: string; functionName: string; fix: TSESLint.ReportFixFunction }
  | { ok: false; reason: string };

/** `const pool = new Pool()` as a statement of its own at module scope (not exported), or why not. */
function getMovableDeclarator(creation: TSESTree.Node): TSESTree.VariableDeclarator | string {
  const outer = getOutermostTypeWrapper(creation);
  const declarator = outer.parent;
  if (declarator?.type !== 'VariableDeclarator' || declarator.init !== outer || declarator.id.type !== 'Identifier') {
    return 'it is not the value of a `const` of its own';
  }
  const declaration = declarator.parent;
  if (declaration.parent?.type === 'ExportNamedDeclaration') return 'it is exported, and other modules share it';
  if (declaration.kind !== 'const' || declaration.declarations.length !== 1 || declaration.parent?.type !== 'Program') {
    return 'it is not the value of a `const` of its own';
  }
  return declarator;
}

/** The references the creation makes to names outside itself (`Pool`, `process`, `config`). */
function getOuterReferences(sourceCode: SourceCode, node: TSESTree.Node): Reference[] {
  const scope = sourceCode.getScope(node);
  const inside = (reference: Reference) => isInside(reference.identifier, node);
  const nested = scope.childScopes.filter((child) => isInside(child.block, node)).flatMap((child) => child.through);
  return [...scope.references.filter(inside), ...nested];
}

/** Why evaluating the creation inside `fn`, at each call, would read something else than at module scope. */
function getReadProblem(sourceCode: SourceCode, node: TSESTree.Node, fn: FunctionNode): string | undefined {
  const fnScope = sourceCode.getScope(fn.body);
  for (const reference of getOuterReferences(sourceCode, node)) {
    const { name } = reference.identifier;
    // The statement lands at the top of the function body, where the function's own names would capture these.
    for (let scope: TSESLint.Scope.Scope | null = fnScope; scope && isInside(scope.block, fn); scope = scope.upper) {
      if (scope.set.has(name)) return `the function declares its own \`${name}\``;
    }
    const changes = reference.resolved?.references.some((other) => other.isWrite() && !other.init);
    if (changes) return `it reads \`${name}\`, which the module changes`;
  }
  return undefined;
}

/** Whether module-level code calls the function (by its name, or as an IIFE). */
function isCalledAtModuleScope(sourceCode: SourceCode, fn: FunctionNode): boolean {
  const isCallOf = (callee: TSESTree.Node) => callee.parent?.type === 'CallExpression' && callee.parent.callee === callee && !getEnclosingFunction(callee.parent);
  if (isCallOf(fn)) return true;
  const binding = getFunctionBinding(fn);
  const variables = binding ? sourceCode.getDeclaredVariables(binding) : [];
  return variables.some((variable) => variable.references.some((reference) => isCallOf(reference.identifier)));
}

function describeFunction(fn: FunctionNode): string {
  if (fn.id) return `\`${fn.id.name}\``;
  const parent = fn.parent;
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return `\`${parent.id.name}\``;
  return 'the function that uses it';
}

/**
 * Plans the reverse hoist: the module-level `const pool = new Pool()` moves
 * into the one function that uses it, so each call (each request) creates its
 * own. Only when nothing else can see the pool: not exported, used by exactly
 * one top-level function and nowhere at module scope.
 */
export function planMoveIntoFunction(sourceCode: SourceCode, creation: TSESTree.Node): MovePlan {
  const declarator = getMovableDeclarator(creation);
  if (typeof declarator === 'string') return { ok: false, reason: declarator };
  const [variable] = sourceCode.getDeclaredVariables(declarator);
  const uses = variable?.references.filter((reference) => !reference.init) ?? [];
  if (!variable || uses.length === 0) return { ok: false, reason: 'no function here uses it' };
  const users = new Set(uses.map((reference) => getEnclosingFunctions(reference.identifier).at(-1)));
  if (users.has(undefined)) return { ok: false, reason: 'code at module scope uses it (or exports it)' };
  if (users.size > 1) return { ok: false, reason: 'several functions use it, and would each need their own' };
  const fn = [...users][0]!;
  // `export const GET = makeHandler()`: a function run once, at module scope, would still share its pool.
  if (isCalledAtModuleScope(sourceCode, fn)) return { ok: false, reason: `${describeFunction(fn)} runs at module scope, once for all requests` };
  const problem = getReadProblem(sourceCode, declarator, fn);
  if (problem !== undefined) return { ok: false, reason: problem };

  const declaration = declarator.parent as TSESTree.VariableDeclaration;
  const firstInBody = fn.body.type === 'BlockStatement' ? fn.body.body[0] : undefined;
  const indent = firstInBody ? getLineIndent(sourceCode, firstInBody.loc.start.line) : `${getLineIndent(sourceCode, fn.loc.start.line)}  `;
  const comments = getCommentLinesAbove(sourceCode, declaration);
  const statement = reindentNodeText(sourceCode, declaration, sourceCode.getText(declaration).replace(/;$/, ''), indent);
  const moved = [...comments.map((comment) => sourceCode.getText(comment)), statement].join(`\n${indent}`);
  return {
    ok: true,
    name: variable.name,
    functionName: describeFunction(fn),
    fix(fixer) {
      const removal = removeStatement(fixer, sourceCode, declaration);
      const start = comments[0] ? sourceCode.getIndexFromLoc({ line: comments[0].loc.start.line, column: 0 }) : removal.range[0];
      return matchLineEndings(sourceCode, [fixer.removeRange([start, skipBlankLine(sourceCode.text, start, removal.range[1])]), insertFirstStatement(fixer, sourceCode, fn, moved)]);
    },
  };
}

/** The end of a removal between two blank lines, taking one of them, so that one blank line stays. */
function skipBlankLine(text: string, start: number, end: number): number {
  const blankBefore = /\r?\n\r?\n$/.test(text.slice(Math.max(0, start - 4), start));
  const blankAfter = /^\r?\n/.exec(text.slice(end, end + 2));
  return blankBefore && blankAfter ? end + blankAfter[0].length : end;
}

/** The comments on their own lines right above the statement (no blank line between), which describe it and move with it. */
function getCommentLinesAbove(sourceCode: SourceCode, statement: TSESTree.Node): TSESTree.Comment[] {
  const comments: TSESTree.Comment[] = [];
  let line = statement.loc.start.line;
  for (const comment of sourceCode.getCommentsBefore(statement).reverse()) {
    const before = sourceCode.getTokenBefore(comment, { includeComments: true });
    if (comment.loc.end.line !== line - 1 || before?.loc.end.line === comment.loc.start.line) break;
    comments.unshift(comment);
    line = comment.loc.start.line;
  }
  return comments;
}
