import type { TSESTree } from '@typescript-eslint/utils';
import { isFunctionNode } from './exported-functions';
import { resolveProjectImport } from './import-resolution';
import { getCommonJsExportName, getModuleExportName, getRequiredModule } from './module-syntax';
import { DATABASE_CONSTRUCTORS } from './sync-drivers';
import { getFunctionKind, getSyncValueKind, skipTransparent, type SyncValueKind, type SyncValueResolver } from './sync-values';
import { getParserKey, parseModule, readCached } from './workspace-files';

/**
 * Whether a binding imported from another file of the project is a synchronous
 * database (or a statement, transaction or database factory made from one).
 * The imported file is read and parsed, one level deep: its own imports of
 * other project files are not followed.
 */

type Bindings = Map<string, TSESTree.Node>;

/** How the module refers to driver constructors: `Database` → `new Database()`, `sqlite` → `new sqlite.DatabaseSync()`. */
interface DriverNames {
  constructors: Set<string>;
  namespaces: Map<string, string>;
}

function addDriverName(names: DriverNames, module: string, imported: string | undefined, local: string): void {
  for (const constructor of DATABASE_CONSTRUCTORS) {
    if (constructor.module !== module) continue;
    if (imported === constructor.exportName) names.constructors.add(local);
    // A namespace or default binding: the module object itself.
    if (imported === undefined && constructor.exportName !== undefined) names.namespaces.set(local, constructor.exportName);
  }
}

function collectTopLevel(program: TSESTree.Program): { bindings: Bindings; drivers: DriverNames } {
  const bindings: Bindings = new Map();
  const drivers: DriverNames = { constructors: new Set(), namespaces: new Map() };
  for (const statement of program.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (declaration?.type === 'ImportDeclaration') {
      for (const specifier of declaration.specifiers) {
        const imported =
          specifier.type === 'ImportSpecifier' && specifier.imported.type === 'Identifier' ? specifier.imported.name : undefined;
        addDriverName(drivers, String(declaration.source.value), imported === 'default' ? undefined : imported, specifier.local.name);
      }
    } else if (declaration?.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        const required = getRequiredModule(declarator.init);
        if (declarator.id.type === 'Identifier') {
          if (required !== undefined) addDriverName(drivers, required, undefined, declarator.id.name);
          else if (declarator.init) bindings.set(declarator.id.name, declarator.init);
        } else if (declarator.id.type === 'ObjectPattern' && required !== undefined) {
          for (const property of declarator.id.properties) {
            if (property.type === 'Property' && property.key.type === 'Identifier' && property.value.type === 'Identifier') {
              addDriverName(drivers, required, property.key.name, property.value.name);
            }
          }
        }
      }
    } else if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
      bindings.set(declaration.id.name, declaration);
    }
  }
  return { bindings, drivers };
}

function createResolver(bindings: Bindings, drivers: DriverNames): SyncValueResolver {
  const visiting = new Set<string>();
  const resolver: SyncValueResolver = {
    identifier(node) {
      const bound = bindings.get(node.name);
      if (!bound || visiting.has(node.name)) return undefined;
      visiting.add(node.name);
      try {
        return isFunctionNode(bound) ? getFunctionKind(bound, resolver) : getSyncValueKind(bound, resolver);
      } finally {
        visiting.delete(node.name);
      }
    },
    isDatabaseConstructor(callee) {
      const target = skipTransparent(callee);
      if (target.type === 'Identifier') return drivers.constructors.has(target.name);
      return (
        target.type === 'MemberExpression' &&
        target.object.type === 'Identifier' &&
        target.property.type === 'Identifier' &&
        drivers.namespaces.get(target.object.name) === target.property.name
      );
    },
  };
  return resolver;
}

/** Each export name of a module with the expression or declaration it exports. */
function collectExports(program: TSESTree.Program): Map<string, TSESTree.Node> {
  const exported = new Map<string, TSESTree.Node>();
  // A detached identifier (no parent, no scope): the resolver looks it up by name among the top-level bindings.
  const referenceTo = (id: TSESTree.Identifier) => ({ type: 'Identifier', name: id.name }) as TSESTree.Identifier;
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      exported.set('default', statement.declaration);
    } else if (statement.type === 'ExportNamedDeclaration' && !statement.source) {
      const declaration = statement.declaration;
      if (declaration?.type === 'VariableDeclaration') {
        for (const declarator of declaration.declarations) {
          if (declarator.id.type === 'Identifier') exported.set(declarator.id.name, referenceTo(declarator.id));
        }
      } else if (declaration?.type === 'FunctionDeclaration' && declaration.id) {
        exported.set(declaration.id.name, referenceTo(declaration.id));
      }
      for (const specifier of statement.specifiers) {
        if (specifier.local.type === 'Identifier') exported.set(getModuleExportName(specifier.exported), referenceTo(specifier.local));
      }
    } else if (statement.type === 'ExpressionStatement' && statement.expression.type === 'AssignmentExpression') {
      const { left, right } = statement.expression;
      const exportName = getCommonJsExportName(left);
      if (exportName === undefined) continue;
      exported.set(exportName, right);
      if (exportName === 'default' && right.type === 'ObjectExpression') {
        for (const property of right.properties) {
          if (property.type === 'Property' && !property.computed && property.key.type === 'Identifier') {
            exported.set(property.key.name, property.value);
          }
        }
      }
    }
  }
  return exported;
}

/** The driver kind of every export of a parsed module. */
export function getExportedSyncKinds(program: TSESTree.Program): Map<string, SyncValueKind> {
  const { bindings, drivers } = collectTopLevel(program);
  const resolver = createResolver(bindings, drivers);
  const kinds = new Map<string, SyncValueKind>();
  for (const [exportName, node] of collectExports(program)) {
    const kind = isFunctionNode(node) ? getFunctionKind(node, resolver) : getSyncValueKind(node, resolver);
    if (kind) kinds.set(exportName, kind);
  }
  return kinds;
}

/**
 * The driver kind of `importedName` ('default' for a default import) from
 * `specifier` as imported by `fromFile`, or undefined when it is not one or
 * the file cannot be resolved or parsed.
 */
export function getImportedSyncKind(
  fromFile: string,
  specifier: string,
  importedName: string,
  parser: unknown,
): SyncValueKind | undefined {
  const target = resolveProjectImport(fromFile, specifier);
  if (target === undefined) return undefined;
  const kinds = readCached(`sync-exports:${getParserKey(parser)}`, target, (text) => {
    const program = parseModule(parser, target, text);
    return program ? getExportedSyncKinds(program) : new Map<string, SyncValueKind>();
  });
  return kinds?.get(importedName);
}
