import type { Linter } from 'eslint';

export declare const LINTED_FILES: string[];
export declare function recommendedFlatConfig(
  plugin: { configs: { recommended: object } },
  settings?: Record<string, unknown>,
): Linter.Config[];
export declare function applyFix(text: string, fix: { range: readonly [number, number] | [number, number]; text: string }): string;
