import type { TSESTree } from '@typescript-eslint/utils';
import { getExportedConstInits, skipAsAndSatisfies } from '../ast/static-values';

/**
 * Route segment config read from a file's exports (`export const dynamic = ...`),
 * as Next.js reads it: statically, from literal values.
 */

/** The first `export const <name> = ...` initializer. */
function getExportedConstInit(program: TSESTree.Program, name: string): TSESTree.Expression | undefined {
  return getExportedConstInits(program, name)[0];
}

function getLiteralValue(node: TSESTree.Expression | undefined): unknown {
  const value = node && skipAsAndSatisfies(node);
  return value?.type === 'Literal' ? value.value : undefined;
}

/** Whether the file exports a function or const with this name (`generateStaticParams`). */
export function hasExportedName(program: TSESTree.Program, name: string): boolean {
  return program.body.some((statement) => {
    if (statement.type !== 'ExportNamedDeclaration') return false;
    const declaration = statement.declaration;
    if (declaration?.type === 'FunctionDeclaration') return declaration.id?.name === name;
    if (declaration?.type === 'VariableDeclaration') {
      return declaration.declarations.some((declarator) => declarator.id.type === 'Identifier' && declarator.id.name === name);
    }
    return statement.specifiers.some(
      (specifier) => specifier.exported.type === 'Identifier' && specifier.exported.name === name,
    );
  });
}

/** `dynamic = 'force-dynamic'` or `revalidate = 0`: every request renders afresh. */
export function isForcedDynamic(program: TSESTree.Program): boolean {
  return (
    getLiteralValue(getExportedConstInit(program, 'dynamic')) === 'force-dynamic' ||
    getLiteralValue(getExportedConstInit(program, 'revalidate')) === 0
  );
}

/**
 * `dynamic = 'force-static'` or `'error'`: the file asks for a static result, so
 * a build-time query is intended, and connection() cannot help: under
 * force-static it resolves at once without opting out, and under 'error' it
 * throws and fails the build.
 */
export function isStaticByIntent(program: TSESTree.Program): boolean {
  const dynamic = getLiteralValue(getExportedConstInit(program, 'dynamic'));
  return dynamic === 'force-static' || dynamic === 'error';
}

/** `revalidate = false` or a positive number of seconds (also `60 * 60`). */
function isStaticRevalidate(init: TSESTree.Expression | undefined): boolean {
  if (!init) return false;
  const value = getLiteralValue(init);
  if (value === false) return true;
  if (typeof value === 'number') return value > 0;
  return init.type === 'BinaryExpression';
}

/**
 * Whether a route handler file opts into static generation (Next 15+):
 * `revalidate` false or a number, or `generateStaticParams`
 * (`dynamic = 'force-static'` does too, but see isStaticByIntent).
 */
export function isStaticRouteOptIn(program: TSESTree.Program): boolean {
  return isStaticRevalidate(getExportedConstInit(program, 'revalidate')) || hasExportedName(program, 'generateStaticParams');
}
