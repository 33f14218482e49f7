// The flat config next-db's own demo and tests lint with: the typescript-eslint
// parser for every JS/TS flavour, then the plugin's recommended config.
import tsParser from '@typescript-eslint/parser';

export const LINTED_FILES = ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'];

/**
 * @param {{ configs: { recommended: object } }} plugin
 * @param {Record<string, unknown>} [settings]
 */
export function recommendedFlatConfig(plugin, settings = {}) {
  return [
    {
      files: LINTED_FILES,
      languageOptions: {
        parser: tsParser,
        parserOptions: { ecmaFeatures: { jsx: true } },
      },
      settings,
    },
    { files: LINTED_FILES, ...plugin.configs.recommended },
  ];
}

/**
 * Applies one ESLint fix (an autofix or a suggestion's fix) to the text.
 * @param {string} text
 * @param {{ range: [number, number], text: string }} fix
 */
export function applyFix(text, fix) {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}
