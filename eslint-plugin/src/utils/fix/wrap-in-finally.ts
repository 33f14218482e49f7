import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isInside } from '../ast/ranges';
import { matchLineEndings } from './line-endings';
import { applyEditsToSlice } from './object-option';
import { removeCloseStatements } from './remove-close-statements';
import { getEndOfLineAfter, getLineIndent, usesSemicolons } from './source-positions';
import type { SourceCode } from '../ast/source-code';

type Statement = TSESTree.ProgramStatement | TSESTree.Statement;

/** The statement list a statement stands in, with the node that owns it. */
function getStatementList(statement: TSESTree.Node): { owner: TSESTree.Node; body: readonly Statement[] } | undefined {
  const parent = statement.parent;
  if (parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'StaticBlock') return { owner: parent, body: parent.body };
  if (parent?.type === 'SwitchCase') return { owner: parent, body: parent.consequent };
  return undefined;
}

/**
 * `client.release();` (or `await pool.end();`) as a plain statement of a
 * statement list, with no argument (`release(err)` destroys the client).
 */
function getReleaseStatement(release: TSESTree.Node, method: string): TSESTree.ExpressionStatement | undefined {
  if (release.type !== 'CallExpression' || release.arguments.length > 0) return undefined;
  const callee = release.callee;
  if (callee.type === 'MemberExpression' && (callee.property.type !== 'Identifier' || callee.property.name !== method)) return undefined;
  let expression: TSESTree.Node = release;
  while (expression.parent?.type === 'ChainExpression' || expression.parent?.type === 'AwaitExpression') expression = expression.parent;
  const statement = expression.parent;
  return statement?.type === 'ExpressionStatement' && getStatementList(statement) ? statement : undefined;
}

/** What to wrap, and what the `finally` block does. */
export interface WrapTarget {
  /** The statement that takes the thing: `const client = await pool.connect();`. Everything after it, to the end of its block, is wrapped. */
  statement: TSESTree.Statement | undefined;
  /** The call the `finally` block makes, without a semicolon: `client.release()`, `await pool.end()`. */
  finallyCall: string;
  /** The method whose plain statements move into the `finally` block: `release`, `end`. */
  method: string;
}

/** Whether moving the statements into a block changes what a name means: one they declare is used outside them. */
function declaresNamesUsedOutside(sourceCode: SourceCode, statements: readonly Statement[], range: [number, number]): boolean {
  return statements.some((statement) =>
    (statement.type !== 'VariableDeclaration' || statement.kind !== 'var') &&
    sourceCode.getDeclaredVariables(statement).some((variable) => variable.references.some((reference) => !isInside(reference.identifier, range))),
  );
}

function getIndentUnit(sourceCode: SourceCode, base: string, owner: TSESTree.Node): string {
  if (base.includes('\t')) return '\t';
  const outer = getLineIndent(sourceCode, owner.loc.start.line);
  return base.startsWith(outer) && base.length > outer.length ? base.slice(outer.length) : '  ';
}

/**
 * The suggestion that wraps everything after the statement, to the end of
 * its block, in `try { … } finally { client.release(); }`, moving the
 * existing release statements (the `releases` calls) into the `finally`.
 * Undefined when that could change what the code means.
 */
export function planWrapInFinally(sourceCode: SourceCode, target: WrapTarget, releases: ReadonlySet<TSESTree.Node>): TSESLint.ReportFixFunction | undefined {
  const { statement } = target;
  const list = statement && getStatementList(statement);
  if (!statement || !list) return undefined;
  const rest = list.body.slice(list.body.indexOf(statement) + 1);
  const first = rest[0];
  const last = rest.at(-1);
  if (!first || !last || rest.some((item) => item.type.startsWith('Import') || item.type.startsWith('Export'))) return undefined;
  const end = getEndOfLineAfter(sourceCode, last);
  const releaseStatements = [...releases].map((release) => getReleaseStatement(release, target.method));
  if (releaseStatements.some((item) => !item || !isInside(item, [first.range[0], end]))) return undefined;
  const template = sourceCode.ast.tokens.some((token) => token.type === 'Template' && token.value.includes('\n') && isInside(token, [first.range[0], end]));
  if (template || declaresNamesUsedOutside(sourceCode, rest, [first.range[0], list.owner.range[1]])) return undefined;

  const release = `${target.finallyCall}${usesSemicolons(sourceCode, list.body) ? ';' : ''}`;
  const sameLine = first.loc.start.line === statement.loc.end.line;
  const base = getLineIndent(sourceCode, first.loc.start.line);
  const unit = getIndentUnit(sourceCode, base, list.owner);
  const start = sameLine ? first.range[0] : first.range[0] - (first.loc.start.column);
  return (fixer) => {
    const removals = removeCloseStatements(fixer, sourceCode, releaseStatements as TSESTree.ExpressionStatement[], []).map((fix) => ({ range: [...fix.range] as [number, number], text: fix.text }));
    const inner = applyEditsToSlice(sourceCode.text, [start, end], removals).replace(/\s+$/, '');
    if (sameLine) return matchLineEndings(sourceCode, [fixer.replaceTextRange([start, end], `try { ${inner} } finally { ${release} }`)]);
    const indented = inner.split('\n').map((line) => (line.trim() === '' ? line.trim() : unit + line)).join('\n');
    const text = `${base}try {\n${indented}\n${base}} finally {\n${base}${unit}${release}\n${base}}`;
    return matchLineEndings(sourceCode, [fixer.replaceTextRange([start, end], text)]);
  };
}
