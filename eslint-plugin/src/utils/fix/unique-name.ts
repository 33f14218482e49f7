import type { TSESLint } from '@typescript-eslint/utils';

const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await arguments eval undefined'
  ).split(' '),
);

/** Every name the file declares in any scope or reads as a global. */
export function getUsedNames(sourceCode: Readonly<TSESLint.SourceCode>, ignore: ReadonlySet<TSESLint.Scope.Variable>): Set<string> {
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

function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * A name free in every scope of the file, so that a binding added at module
 * scope shadows nothing and is shadowed nowhere. Tries `base`, `sharedBase`,
 * then `base2`, `base3`... `ignore` lists bindings the fix removes, whose
 * names may be reused; `taken` lists names the same fix adds elsewhere.
 */
export function getUniqueName(
  sourceCode: Readonly<TSESLint.SourceCode>,
  base: string,
  options: { ignore?: ReadonlySet<TSESLint.Scope.Variable>; taken?: readonly string[] } = {},
): string {
  const used = getUsedNames(sourceCode, options.ignore ?? new Set());
  for (const name of options.taken ?? []) used.add(name);
  const isFree = (name: string) => !used.has(name) && !RESERVED.has(name);
  if (isFree(base)) return base;
  const shared = `shared${capitalize(base)}`;
  if (isFree(shared)) return shared;
  for (let index = 2; ; index++) {
    if (isFree(`${base}${index}`)) return `${base}${index}`;
  }
}
