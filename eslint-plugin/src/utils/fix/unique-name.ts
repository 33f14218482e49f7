import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { cachedPer } from '../ast/cached-per';
import { isTopLevelScope } from '../ast/scope';
import type { SourceCode } from '../ast/source-code';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval undefined'
  ).split(' '),
);

/** Every name the file declares in any scope or reads as a global. */
export function getUsedNames(sourceCode: SourceCode, ignore: ReadonlySet<Variable>): Set<string> {
  const names = new Set<string>();
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager) return names;
  for (const scope of scopeManager.scopes) {
    for (const variable of scope.variables) {
      if (!ignore.has(variable)) names.add(variable.name);
    }
  }
  // Names read but declared nowhere in the file: globals such as `process`.
  for (const reference of scopeManager.globalScope?.through ?? []) names.add(reference.identifier.name);
  return names;
}

function declares(scope: Scope, name: string, ignore: ReadonlySet<Variable>): boolean {
  const variable = scope.set.get(name);
  return variable !== undefined && !ignore.has(variable);
}

/** Looked up once per file rather than for every name tried by every fix. */
const getModuleNames = cachedPer((scopeManager: TSESLint.Scope.ScopeManager) => ({
  globalReads: new Set(scopeManager.globalScope?.through.map((reference) => reference.identifier.name)),
  topLevelScopes: scopeManager.scopes.filter(isTopLevelScope),
}));

/**
 * Whether a new module-level binding `name` would be seen from every use
 * site: no module-level declaration or global read of that name, and no
 * declaration of it in a scope around a use site (which would shadow it).
 * Declarations elsewhere in the file do not matter: they shadow nothing we use.
 */
function isFreeAtModuleScope(
  sourceCode: SourceCode,
  name: string,
  useSites: readonly TSESTree.Node[],
  ignore: ReadonlySet<Variable>,
): boolean {
  const scopeManager = sourceCode.scopeManager;
  if (!scopeManager || RESERVED.has(name)) return false;
  const { globalReads, topLevelScopes } = getModuleNames(scopeManager);
  if (globalReads.has(name) || topLevelScopes.some((scope) => declares(scope, name, ignore))) return false;
  for (const site of useSites) {
    for (let scope: Scope | null = sourceCode.getScope(site); scope; scope = scope.upper) {
      if (declares(scope, name, ignore)) return false;
    }
  }
  return true;
}

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A name for a new module-level binding that neither clashes with a
 * module-level name nor is shadowed where it is used (`useSites`). Tries
 * `base`, `sharedBase`, then `base2`, `base3`... `ignore` lists bindings the
 * fix removes, whose names may be reused; `taken` lists names the same fix
 * adds elsewhere.
 */
export function getUniqueName(
  sourceCode: SourceCode,
  base: string,
  options: { ignore?: ReadonlySet<Variable>; taken?: readonly string[]; useSites?: readonly TSESTree.Node[] } = {},
): string {
  const ignore = options.ignore ?? new Set();
  const isFree = (name: string) =>
    !(options.taken ?? []).includes(name) && isFreeAtModuleScope(sourceCode, name, options.useSites ?? [], ignore);
  if (isFree(base)) return base;
  const shared = `shared${capitalize(base)}`;
  if (isFree(shared)) return shared;
  for (let index = 2; ; index++) {
    if (isFree(`${base}${index}`)) return `${base}${index}`;
  }
}
