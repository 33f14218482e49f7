import * as path from 'node:path';
import { isInsideRoot, readRegularFile } from '../../../eslint-plugin/src/project/read-file';

/**
 * Which next-db rules a workspace's own `eslint.config.*` enables, read as
 * text: the config is never loaded, because loading it would execute
 * workspace code (and the extension supports untrusted workspaces).
 * Recognised: the plugin's `configs.recommended` / `configs.vercel` / `configs.all` (any
 * spelling of the property access), and `'next-db/<rule>': <level>` entries.
 */
const ESLINT_CONFIG_FILES = [
  'eslint.config.js',
  'eslint.config.mjs',
  'eslint.config.cjs',
  'eslint.config.ts',
  'eslint.config.mts',
  'eslint.config.cts',
];

export interface PluginConfigRules {
  /** Rules in the plugin's recommended config. */
  recommended: readonly string[];
  /** Rules in the plugin's vercel config. */
  vercel?: readonly string[];
  all: readonly string[];
}

const OFF_LEVEL = /^\s*(?:\[\s*)?(?:['"`]off['"`]|0(?![\d.]))/;

/** `import x from '…next-db…'`, `import * as x from`, `x = require('…')` and `x = await import('…')`. */
const PLUGIN_BINDING =
  /(?:\bimport\s+(?:\*\s+as\s+)?([\w$]+)\s+from|(?<![\w$])([\w$]+)\s*=\s*(?:require|await\s+import)\s*\()\s*['"`][^'"`]*next-db[^'"`]*['"`]/g;

/** Identifiers hold only word characters and `$`, the one that needs escaping. */
function escapeIdentifier(text: string): string {
  return text.replace(/[$]/g, '\\$&');
}

/**
 * Whether the text spreads the plugin's `preset` config. When the plugin is
 * bound to a name, only `<name>.configs.<preset>` counts: `js.configs.recommended`
 * in the same file is another plugin's and must not make next-db step back.
 */
function usesPresetConfig(text: string, preset: string): boolean {
  const bindings = [...text.matchAll(PLUGIN_BINDING)].flatMap((match) => match[1] ?? match[2] ?? []);
  const owner = bindings.length === 0 ? '' : `(?<![\\w$.])(?:${bindings.map(escapeIdentifier).join('|')})(?:\\s*\\.\\s*default)?\\s*\\.\\s*`;
  return new RegExp(`${owner}configs\\s*(?:\\.\\s*${preset}\\b|\\[\\s*['"\`]${preset}['"\`]\\s*\\])`).test(text);
}

/** Rules the config text enables, given the plugin's config presets. */
export function getRulesEnabledByConfigText(text: string, presets: PluginConfigRules): Set<string> {
  const enabled = new Set<string>();
  if (!text.includes('next-db')) return enabled;
  if (usesPresetConfig(text, 'all')) presets.all.forEach((rule) => enabled.add(rule));
  if (usesPresetConfig(text, 'recommended')) presets.recommended.forEach((rule) => enabled.add(rule));
  if (usesPresetConfig(text, 'vercel')) presets.vercel?.forEach((rule) => enabled.add(rule));
  for (const match of text.matchAll(/['"`]next-db\/([\w-]+)['"`]\s*:([^,}\n]*)/g)) {
    const [, rule, level] = match;
    if (rule === undefined || !presets.all.includes(rule)) continue;
    if (OFF_LEVEL.test(level ?? '')) enabled.delete(rule);
    else enabled.add(rule);
  }
  return enabled;
}

export interface EslintConfigRules {
  configFile: string;
  rules: Set<string>;
}

/**
 * The first `eslint.config.*` in the folder and the next-db rules it enables,
 * or undefined. It is read only if it is a regular file inside `root` and
 * under the size cap; one that is not (a FIFO, a link to a device or out of
 * the project, a huge file) still counts as the folder's config, enabling no
 * rule we can see.
 */
export function findEslintConfigRules(folder: string, presets: PluginConfigRules, root = folder): EslintConfigRules | undefined {
  for (const name of ESLINT_CONFIG_FILES) {
    const configFile = path.join(folder, name);
    const read = readRegularFile(configFile, { root });
    if (!read.ok && read.reason === 'missing') continue;
    return { configFile, rules: read.ok ? getRulesEnabledByConfigText(read.text, presets) : new Set() };
  }
  return undefined;
}

/**
 * The `eslint.config.*` that applies to a file, as ESLint 10 finds it: the
 * first one in the file's folder or the folders above it (ESLint 9 starts at
 * its cwd, which the file's folders include), up to `root` (the workspace
 * folder) and never above it. A monorepo's `apps/web/eslint.config.mjs`
 * counts for the files of `apps/web`.
 */
export function findNearestEslintConfigRules(filePath: string, presets: PluginConfigRules, root: string): EslintConfigRules | undefined {
  for (let dir = path.dirname(filePath); isInsideRoot(dir, root); dir = path.dirname(dir)) {
    const found = findEslintConfigRules(dir, presets, root);
    if (found !== undefined) return found;
    if (path.dirname(dir) === dir) return undefined;
  }
  return undefined;
}
