import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { getLastDirective } from '../ast/directives';
import { getModuleExportName, getRequiredModule } from '../ast/module-syntax';
import { findDeclaringScope, isTopLevelScope } from '../ast/scope';
import { getEndOfLineAfter, usesSemicolons } from './source-positions';
import type { SourceCode } from '../ast/source-code';

type Scope = TSESLint.Scope.Scope;

export interface NamedImportRequest {
  /** Module to import from, e.g. 'next/server'. */
  source: string;
  /** Exported name, e.g. 'connection'. */
  imported: string;
  /** Local names to try in order when the import is new, e.g. ['connection', 'nextConnection']. */
  localNames: readonly string[];
}

export interface NamedImportPlan {
  /** The name the code must use. */
  local: string;
  /** Edits that add the import; none when it is already there. */
  fix(fixer: TSESLint.RuleFixer): TSESLint.RuleFix[];
}

/** `require('source')`, or any `require('...')` when no source is given. */
function isRequireOf(node: TSESTree.Node | null | undefined, source?: string): boolean {
  const required = getRequiredModule(node);
  return required !== undefined && (source === undefined || required === source);
}

/** Top-level `const x = require('y')` / `const { a } = require('y')` statements. */
function getRequireStatements(program: TSESTree.Program): TSESTree.VariableDeclaration[] {
  return program.body.filter(
    (statement): statement is TSESTree.VariableDeclaration =>
      statement.type === 'VariableDeclaration' && statement.declarations.some((declarator) => isRequireOf(declarator.init)),
  );
}

function getValueImports(program: TSESTree.Program, source: string): TSESTree.ImportDeclaration[] {
  return program.body.filter(
    (statement): statement is TSESTree.ImportDeclaration =>
      statement.type === 'ImportDeclaration' && statement.source.value === source && statement.importKind !== 'type',
  );
}

/** The local name of an existing value import (or CommonJS destructuring) of `imported` from `source`. */
function findExistingLocal(program: TSESTree.Program, source: string, imported: string): string | undefined {
  for (const declaration of getValueImports(program, source)) {
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== 'ImportSpecifier' || specifier.importKind === 'type') continue;
      if (getModuleExportName(specifier.imported) === imported) return specifier.local.name;
    }
  }
  for (const statement of getRequireStatements(program)) {
    for (const declarator of statement.declarations) {
      if (!isRequireOf(declarator.init, source) || declarator.id.type !== 'ObjectPattern') continue;
      for (const property of declarator.id.properties) {
        if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier' &&
            property.key.name === imported && property.value.type === 'Identifier') {
          return property.value.name;
        }
      }
    }
  }
  return undefined;
}

/** Whether `name` at `scope` means the file's top-level binding (nothing in between shadows it). */
function resolvesToTopLevel(name: string, scope: Scope): boolean {
  const declaring = findDeclaringScope(name, scope);
  return declaring !== undefined && isTopLevelScope(declaring);
}

/** Whether a new top-level binding `name` would clash with nothing and capture no other reference. */
function isFreeName(name: string, scope: Scope, sourceCode: SourceCode): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  if (globalScope.through.some((reference) => reference.identifier.name === name)) return false;
  const declaring = findDeclaringScope(name, scope);
  if (!declaring) return !globalScope.childScopes.some((child) => isTopLevelScope(child) && child.set.has(name));
  // Only a configured global that nothing uses may be shadowed by the import.
  const variable = declaring.set.get(name);
  return declaring === globalScope && variable !== undefined && variable.defs.length === 0 && variable.references.length === 0;
}

function isCommonJs(program: TSESTree.Program): boolean {
  const hasEsm = program.body.some((statement) => statement.type.startsWith('Import') || statement.type.startsWith('Export'));
  return !hasEsm && (program.sourceType === 'script' || getRequireStatements(program).length > 0);
}

function getQuote(sourceCode: SourceCode, node: TSESTree.Node | undefined): string {
  const literal = node?.type === 'ImportDeclaration' ? node.source : undefined;
  return literal && sourceCode.getText(literal).startsWith('"') ? '"' : "'";
}

/** A new import statement placed after the last import (or require), else after the directives. */
function insertNewDeclaration(
  fixer: TSESLint.RuleFixer,
  sourceCode: SourceCode,
  request: NamedImportRequest,
  local: string,
): TSESLint.RuleFix {
  const program = sourceCode.ast;
  const commonJs = isCommonJs(program);
  const anchors = commonJs ? getRequireStatements(program) : program.body.filter((statement) => statement.type === 'ImportDeclaration');
  const lastAnchor = anchors.at(-1);
  const semicolon = usesSemicolons(sourceCode, lastAnchor ? [lastAnchor] : program.body) ? ';' : '';
  const quote = getQuote(sourceCode, lastAnchor);
  const renamed = request.imported === local ? local : `${request.imported}${commonJs ? ':' : ' as'} ${local}`;
  const text = commonJs
    ? `const { ${renamed} } = require(${quote}${request.source}${quote})${semicolon}`
    : `import { ${renamed} } from ${quote}${request.source}${quote}${semicolon}`;

  const after = lastAnchor ?? getLastDirective(program.body);
  if (after) return fixer.insertTextAfterRange([0, getEndOfLineAfter(sourceCode, after)], `\n${text}`);
  const first = program.body[0];
  return first ? fixer.insertTextBefore(first, `${text}\n\n`) : fixer.insertTextAfterRange([0, 0], `${text}\n`);
}

/** Adds the specifier to an existing `import ... from source`, when there is one to merge into. */
function mergeIntoExisting(fixer: TSESLint.RuleFixer, program: TSESTree.Program, request: NamedImportRequest, local: string) {
  const specifierText = request.imported === local ? local : `${request.imported} as ${local}`;
  for (const declaration of getValueImports(program, request.source)) {
    const specifiers = declaration.specifiers;
    if (specifiers.length === 0 || specifiers.some((specifier) => specifier.type === 'ImportNamespaceSpecifier')) continue;
    const lastNamed = specifiers.filter((specifier) => specifier.type === 'ImportSpecifier').at(-1);
    if (lastNamed) return fixer.insertTextAfter(lastNamed, `, ${specifierText}`);
    const [defaultSpecifier] = specifiers;
    if (defaultSpecifier) return fixer.insertTextAfter(defaultSpecifier, `, { ${specifierText} }`);
  }
  return undefined;
}

/**
 * How to use a named export at `scope`: the name of an existing import when
 * there is one, else a new import merged into an existing one from the same
 * module, or added after the imports (a `require` in CommonJS files), keeping
 * directives first. Undefined when no name can be used without shadowing.
 */
export function planNamedImport(
  sourceCode: SourceCode,
  request: NamedImportRequest,
  scope: Scope,
): NamedImportPlan | undefined {
  const program = sourceCode.ast;
  const existing = findExistingLocal(program, request.source, request.imported);
  if (existing !== undefined) {
    return resolvesToTopLevel(existing, scope) ? { local: existing, fix: () => [] } : undefined;
  }
  const local = request.localNames.find((name) => isFreeName(name, scope, sourceCode));
  if (local === undefined) return undefined;
  return {
    local,
    fix: (fixer) => [mergeIntoExisting(fixer, program, request, local) ?? insertNewDeclaration(fixer, sourceCode, request, local)],
  };
}
