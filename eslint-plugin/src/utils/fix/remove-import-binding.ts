import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getRequiredModule } from '../ast/module-syntax';
import { skipTransparent } from '../drivers/sync-values';
import { removeDeclarator, removeStatement } from './remove-statement';
import type { SourceCode } from '../ast/source-code';

/** Removes one element of a comma-separated list with the comma that joins it to a neighbour. */
function removeListElement(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, element: TSESTree.Node): TSESLint.RuleFix {
  const after = sourceCode.getTokenAfter(element);
  const next = after?.value === ',' ? sourceCode.getTokenAfter(after) : undefined;
  // `{ a, b }` → `{ b }`: up to the next element. The last one takes the comma before it.
  if (next && next.value !== '}') return fixer.removeRange([element.range[0], next.range[0]]);
  const before = sourceCode.getTokenBefore(element);
  const end = after?.value === ',' ? after.range[1] : element.range[1];
  return fixer.removeRange([before?.value === ',' ? before.range[0] : element.range[0], end]);
}

function removeImportSpecifier(fixer: TSESLint.RuleFixer, sourceCode: SourceCode, specifier: TSESTree.ImportSpecifier): TSESLint.RuleFix {
  const declaration = specifier.parent as TSESTree.ImportDeclaration;
  if (declaration.specifiers.length === 1) return removeStatement(fixer, sourceCode, declaration);
  const named = declaration.specifiers.filter((candidate) => candidate.type === 'ImportSpecifier');
  if (named.length > 1) return removeListElement(fixer, sourceCode, specifier);
  // `import x, { a } from 'm'` → `import x from 'm'`.
  const comma = sourceCode.getTokenBefore(specifier, (token) => token.value === ',');
  const closingBrace = sourceCode.getTokenAfter(specifier, (token) => token.value === '}');
  return fixer.removeRange([comma?.range[0] ?? specifier.range[0], closingBrace?.range[1] ?? specifier.range[1]]);
}

/**
 * Removes the import of one binding: its specifier from `import { … } from`,
 * or its property from `const { … } = require(…)`, with the whole statement
 * when nothing else is left in it. Undefined for any other kind of binding.
 */
export function removeImportBinding(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  definition: TSESLint.Scope.Definition,
): TSESLint.RuleFix | undefined {
  const node = definition.node as TSESTree.Node;
  if (node.type === 'ImportSpecifier') return removeImportSpecifier(fixer, sourceCode, node);
  if (node.type !== 'VariableDeclarator' || node.id.type !== 'ObjectPattern' || getRequiredModule(node.init && skipTransparent(node.init)) === undefined) {
    return undefined;
  }
  const property = node.id.properties.find((candidate) => candidate.type === 'Property' && candidate.value === definition.name);
  if (!property) return undefined;
  return node.id.properties.length === 1 ? removeDeclarator(fixer, sourceCode, node) : removeListElement(fixer, sourceCode, property);
}
