import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../ast/cached-per';
import { getLastDirective } from '../ast/directives';
import type { SourceCode } from '../ast/source-code';
import { getEndOfLineAfter } from './source-positions';

type Statement = TSESTree.ProgramStatement;

/** The top-level statement that contains `node`. */
export function getTopLevelStatement(node: TSESTree.Node): Statement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent && current.parent.type !== 'Program') current = current.parent;
  return current.parent ? (current as Statement) : undefined;
}

/** Statements that declare names; any other top-level statement runs code for its effects. */
const DECLARATIONS = new Set([
  'ImportDeclaration',
  'ExportNamedDeclaration',
  'ExportDefaultDeclaration',
  'ExportAllDeclaration',
  'VariableDeclaration',
  'FunctionDeclaration',
  'ClassDeclaration',
  'TSImportEqualsDeclaration',
  'TSExportAssignment',
  'TSInterfaceDeclaration',
  'TSTypeAliasDeclaration',
  'TSEnumDeclaration',
  'TSModuleDeclaration',
  'TSDeclareFunction',
  'EmptyStatement',
]);

/** The top-level statements that run for their effects, in source order. */
const getEffectStatements = cachedPer((program: TSESTree.Program): Statement[] =>
  program.body.filter((statement) => !DECLARATIONS.has(statement.type)),
);

/**
 * The last top-level statement before the one holding `node` that runs for
 * its effects, such as `dotenv.config()` or `neonConfig.webSocketConstructor = ws`:
 * code moved out of `node`'s function to module scope must run after it (and
 * so after all of them), as it did.
 */
export function getLastEffectStatementBefore(sourceCode: SourceCode, node: TSESTree.Node): Statement | undefined {
  const holder = getTopLevelStatement(node);
  if (!holder) return undefined;
  const effects = getEffectStatements(sourceCode.ast);
  let low = 0;
  let high = effects.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (effects[middle]!.range[1] <= holder.range[0]) low = middle + 1;
    else high = middle;
  }
  return effects[low - 1];
}

function isImport(statement: Statement): boolean {
  return statement.type === 'ImportDeclaration' || statement.type === 'TSImportEqualsDeclaration';
}

const getLastImport = cachedPer((program: TSESTree.Program): Statement | undefined => program.body.findLast(isImport));

/** A line break then code on the next line, matched where it must start (sticky) rather than on a copy of the rest of the file. */
const FOLLOWED_BY_CODE = /[ \t]*\r?\n[ \t]*\S/y;

/** Start of the statement, including the comments directly above it (no blank line between). */
function getStartWithAttachedComments(sourceCode: SourceCode, statement: Statement): number {
  let start = statement.range[0];
  let line = statement.loc.start.line;
  for (const comment of sourceCode.getCommentsBefore(statement).reverse()) {
    if (comment.loc.end.line < line - 1) break;
    start = comment.range[0];
    line = comment.loc.start.line;
  }
  return start;
}

/**
 * Inserts `code` as module-level statements after the directives, the imports
 * and every statement listed in `after` (the declarations the code reads, so
 * it never lands in their temporal dead zone). With nothing to follow, it goes
 * before the first statement and the comments attached to it.
 */
export function insertAtModuleScope(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  code: string,
  after: readonly Statement[] = [],
): TSESLint.RuleFix {
  const body = sourceCode.ast.body;
  const candidates = [getLastDirective(body), getLastImport(sourceCode.ast), ...after].filter(
    (statement): statement is Statement => statement !== undefined,
  );
  const anchor = candidates.reduce<Statement | undefined>(
    (last, statement) => (last && last.range[0] > statement.range[0] ? last : statement),
    undefined,
  );
  if (anchor) {
    const end = getEndOfLineAfter(sourceCode, anchor);
    FOLLOWED_BY_CODE.lastIndex = end;
    const followedByCode = FOLLOWED_BY_CODE.test(sourceCode.text);
    return fixer.insertTextAfterRange([0, end], `\n\n${code}${followedByCode ? '\n' : ''}`);
  }
  const first = body[0];
  if (!first) return fixer.insertTextAfterRange([0, sourceCode.text.length], `${code}\n`);
  return fixer.insertTextBeforeRange([getStartWithAttachedComments(sourceCode, first), 0], `${code}\n\n`);
}

/**
 * Whether most of the file's top-level statements end with a semicolon (ties
 * count as yes). Unlike `usesSemicolons` in source-positions.ts, which follows
 * the first statement of a list, this weighs the whole file.
 */
export function usesSemicolonsMostly(sourceCode: SourceCode): boolean {
  return countsSemicolons(sourceCode.ast, sourceCode);
}

const countsSemicolons = cachedPer((_program: TSESTree.Program, sourceCode: SourceCode): boolean => {
  let withSemicolon = 0;
  let without = 0;
  for (const statement of sourceCode.ast.body) {
    const node = statement.type === 'ExportNamedDeclaration' && statement.declaration ? statement.declaration : statement;
    if (!['ImportDeclaration', 'VariableDeclaration', 'ExpressionStatement', 'ExportNamedDeclaration'].includes(node.type)) {
      continue;
    }
    if (sourceCode.getLastToken(statement)?.value === ';') withSemicolon++;
    else without++;
  }
  return withSemicolon >= without;
});
