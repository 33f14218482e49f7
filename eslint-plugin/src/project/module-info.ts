import type { TSESTree } from '@typescript-eslint/utils';
import { getDirectives } from '../utils/ast/directives';
import { walkAst } from '../utils/ast/walk-ast';
import { getCommonJsExportName, getModuleExportName, getRequiredModule } from '../utils/ast/module-syntax';
import { getDerived } from './file-store';
import { parseProgram } from './parse';

/**
 * What a module declares at its top level, read from a token-free parse:
 * its imports, exports, re-exports and top-level bindings. The parsed program
 * is kept for the analyses that look inside functions (see function-facts.ts).
 */

/** A binding imported from another module: `imported` is an export name, 'default', or '*' for a namespace. */
export interface ImportBinding {
  source: string;
  imported: string;
}

/** `export { a as b } from './x'` (imported 'a', exported 'b') or `export * from './x'` (both '*'). */
export interface ReExport {
  source: string;
  imported: string;
  exported: string;
}

export interface ModuleInfo {
  program: TSESTree.Program;
  directives: string[];
  imports: Map<string, ImportBinding>;
  reExports: ReExport[];
  /** Export name → the local binding name it exports, or the node itself (`export default () => …`). */
  exports: Map<string, string | TSESTree.Node>;
  /** Top-level binding name → its declaration node (function) or initializer. */
  bindings: Map<string, TSESTree.Node>;
  /** `const { auth } = NextAuth(config)`: local name → the initializer and the property read from it. */
  destructured: Map<string, { init: TSESTree.Expression; property: string }>;
  /** Every module specifier the file names, in import, require, import() and re-export. */
  specifiers: string[];
}

function addImportDeclaration(info: ModuleInfo, statement: TSESTree.ImportDeclaration): void {
  const source = String(statement.source.value);
  info.specifiers.push(source);
  if (statement.importKind === 'type') return;
  for (const specifier of statement.specifiers) {
    if (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type') continue;
    const imported =
      specifier.type === 'ImportNamespaceSpecifier'
        ? '*'
        : specifier.type === 'ImportDefaultSpecifier'
          ? 'default'
          : getModuleExportName(specifier.imported);
    info.imports.set(specifier.local.name, { source, imported });
  }
}

function addVariableDeclaration(info: ModuleInfo, declaration: TSESTree.VariableDeclaration, exported: boolean): void {
  for (const declarator of declaration.declarations) {
    const required = getRequiredModule(declarator.init);
    if (declarator.id.type === 'Identifier') {
      const name = declarator.id.name;
      // `require()` returns the whole module: `x.fn()` reads its export `fn`, `x()` its default.
      if (required !== undefined) info.imports.set(name, { source: required, imported: '*' });
      else if (declarator.init) info.bindings.set(name, declarator.init);
      if (exported) info.exports.set(name, name);
    } else if (declarator.id.type === 'ObjectPattern') {
      for (const property of declarator.id.properties) {
        if (property.type !== 'Property' || property.key.type !== 'Identifier' || property.value.type !== 'Identifier') continue;
        const local = property.value.name;
        if (required !== undefined) info.imports.set(local, { source: required, imported: property.key.name });
        // `export const { auth, handlers } = NextAuth(config)`: the property of a call's result.
        else if (declarator.init) info.destructured.set(local, { init: declarator.init, property: property.key.name });
        if (exported) info.exports.set(local, local);
      }
    }
  }
}

function addExportNamed(info: ModuleInfo, statement: TSESTree.ExportNamedDeclaration): void {
  if (statement.exportKind === 'type') return;
  if (statement.source) {
    const source = String(statement.source.value);
    info.specifiers.push(source);
    for (const specifier of statement.specifiers) {
      const imported = specifier.local.type === 'Identifier' ? specifier.local.name : String(specifier.local.value);
      info.reExports.push({ source, imported, exported: getModuleExportName(specifier.exported) });
    }
    return;
  }
  const declaration = statement.declaration;
  if (declaration?.type === 'VariableDeclaration') addVariableDeclaration(info, declaration, true);
  if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
    info.bindings.set(declaration.id.name, declaration);
    info.exports.set(declaration.id.name, declaration.id.name);
  }
  for (const specifier of statement.specifiers) {
    if (specifier.local.type === 'Identifier') info.exports.set(getModuleExportName(specifier.exported), specifier.local.name);
  }
}

/** `module.exports = x`, `exports.GET = fn`, `module.exports = { a, b: fn }`. */
function addCommonJsExport(info: ModuleInfo, expression: TSESTree.AssignmentExpression): void {
  const exportName = getCommonJsExportName(expression.left);
  if (exportName === undefined) return;
  const value = expression.right;
  info.exports.set(exportName, value.type === 'Identifier' ? value.name : value);
  if (exportName !== 'default' || value.type !== 'ObjectExpression') return;
  for (const property of value.properties) {
    if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
    info.exports.set(property.key.name, property.value.type === 'Identifier' ? property.value.name : property.value);
  }
}

/** `import('./x')` and `require('./x')` anywhere in the file, for the module graph. */
function collectNestedSpecifiers(program: TSESTree.Program, specifiers: string[]): void {
  walkAst(program, (node) => {
    if (node.type === 'ImportExpression' && node.source.type === 'Literal' && typeof node.source.value === 'string') {
      specifiers.push(node.source.value);
    }
    const required = getRequiredModule(node);
    if (required !== undefined) specifiers.push(required);
    return true;
  });
}

export function summarizeModule(program: TSESTree.Program): ModuleInfo {
  const info: ModuleInfo = {
    program,
    directives: getDirectives(program.body),
    imports: new Map(),
    reExports: [],
    exports: new Map(),
    bindings: new Map(),
    destructured: new Map(),
    specifiers: [],
  };
  for (const statement of program.body) {
    if (statement.type === 'ImportDeclaration') addImportDeclaration(info, statement);
    else if (statement.type === 'ExportNamedDeclaration') addExportNamed(info, statement);
    else if (statement.type === 'ExportAllDeclaration') {
      const source = String(statement.source.value);
      info.specifiers.push(source);
      if (statement.exportKind !== 'type') info.reExports.push({ source, imported: '*', exported: statement.exported ? getModuleExportName(statement.exported) : '*' });
    } else if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration;
      if (declaration.type === 'Identifier') info.exports.set('default', declaration.name);
      else if (declaration.type === 'FunctionDeclaration' && declaration.id) {
        info.bindings.set(declaration.id.name, declaration);
        info.exports.set('default', declaration.id.name);
      } else info.exports.set('default', declaration);
    } else if (statement.type === 'VariableDeclaration') addVariableDeclaration(info, statement, false);
    else if (statement.type === 'FunctionDeclaration' && statement.id) info.bindings.set(statement.id.name, statement);
    else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      addCommonJsExport(info, statement.expression);
    }
  }
  collectNestedSpecifiers(program, info.specifiers);
  return info;
}

/** The module's top-level summary, parsed once per file version. */
export function getModuleInfo(filePath: string, root: string): ModuleInfo | undefined {
  return getDerived('module-info', filePath, root, (text) => {
    const program = parseProgram(filePath, text);
    return program ? summarizeModule(program) : undefined;
  });
}
