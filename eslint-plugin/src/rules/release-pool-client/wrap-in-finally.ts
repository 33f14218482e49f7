import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { matchLineEndings } from '../../utils/fix/line-endings';
import { applyEditsToSlice } from '../../utils/fix/object-option';
import { removeCloseStatements } from '../../utils/fix/remove-close-statements';
import { getEndOfLineAfter, getLineIndent, usesSemicolons } from '../../utils/fix/source-positions';
import { isInside } from '../../utils/ranges';
import type { Acquisition } from './acquisitions';

type SourceCode = Readonly<TSESLint.SourceCode>;
type Statement = TSESTree.ProgramStatement | TSESTree.Statement;

/** The statement list a statement stands in, with the node that owns it. */
function getStatementList(statement: TSESTree.Node): { owner: TSESTree.Node; body: readonly Statement[] } | undefined {
  const parent = statement.parent;
  if (parent?.type === 'BlockStatement' || parent?.type === 'Program' || parent?.type === 'StaticBlock') return { owner: parent, body: parent.body };
  if (parent?.type === 'SwitchCase') return { owner: parent, body: parent.consequent };
  return undefined;
}

/** `client.release();` as a plain statement of a statement list, with no argument (`release(err)` destroys the client). */
function getReleaseStatement(release: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  if (release.type !== 'CallExpression' || release.arguments.length > 0) return undefined;
  const callee = release.callee;
  if (callee.type === 'MemberExpression' && (callee.property.type !== 'Identifier' || callee.property.name !== 'release')) return undefined;
  const expression = release.parent.type === 'ChainExpression' ? release.parent : release;
  const statement = expression.parent;
  return statement?.type === 'ExpressionStatement' && getStatementList(statement) ? statement : undefined;
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
 * The suggestion that wraps everything after the acquisition, to the end of
 * its block, in `try { … } finally { client.release(); }`, moving the
 * existing `client.release()` statements into the `finally`. Undefined when
 * that could change what the code means.
 */
export function planWrapInFinally(sourceCode: SourceCode, acquisition: Acquisition, releases: ReadonlySet<TSESTree.Node>): TSESLint.ReportFixFunction | undefined {
  const { statement, variable } = acquisition;
  const list = statement && getStatementList(statement);
  if (!statement || !list || !variable) return undefined;
  const rest = list.body.slice(list.body.indexOf(statement) + 1);
  const first = rest[0];
  const last = rest.at(-1);
  if (!first || !last || rest.some((item) => item.type.startsWith('Import') || item.type.startsWith('Export'))) return undefined;
  const end = getEndOfLineAfter(sourceCode, last);
  const releaseStatements = [...releases].map(getReleaseStatement);
  if (releaseStatements.some((item) => !item || !isInside(item, [first.range[0], end]))) return undefined;
  const template = sourceCode.ast.tokens.some((token) => token.type === 'Template' && token.value.includes('\n') && isInside(token, [first.range[0], end]));
  if (template || declaresNamesUsedOutside(sourceCode, rest, [first.range[0], list.owner.range[1]])) return undefined;

  const release = `${variable.name}${acquisition.releasedBy === 'method' ? '.release' : ''}()${usesSemicolons(sourceCode, list.body) ? ';' : ''}`;
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
