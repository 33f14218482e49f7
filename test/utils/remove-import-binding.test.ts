import { Linter, type Rule } from 'eslint';
import * as tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { removeImportBinding } from '../../eslint-plugin/src/utils/fix/remove-import-binding';

/** The code after removing the import of the top-level binding `target` with ESLint's fixer (unchanged when the helper offers no edit). */
function removeTarget(code: string): string {
  const rule: TSESLint.RuleModule<'remove'> = {
    meta: { type: 'suggestion', fixable: 'code', messages: { remove: 'remove' }, schema: [] },
    defaultOptions: [],
    create(context) {
      return {
        'Program:exit'(program: TSESTree.Program) {
          const scope = context.sourceCode.getScope(program);
          const variable = scope.set.get('target') ?? scope.childScopes[0]?.set.get('target');
          const definition = variable?.defs[0];
          if (!definition) return;
          context.report({ node: program, messageId: 'remove', fix: (fixer) => removeImportBinding(fixer, context.sourceCode, definition) ?? null });
        },
      };
    },
  };
  const config: Linter.Config[] = [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser },
      plugins: { test: { rules: { remove: rule as unknown as Rule.RuleModule } } },
      rules: { 'test/remove': 'error' },
    },
  ];
  return new Linter({ configType: 'flat' }).verifyAndFix(code, config, 'file.ts').output;
}

describe('removeImportBinding', () => {
  it.each([
    ['the first of several specifiers', "import { target, b } from 'm';\nb();\n", "import { b } from 'm';\nb();\n"],
    ['a renamed middle specifier', "import { a, x as target, b } from 'm';\n", "import { a, b } from 'm';\n"],
    ['the last specifier, with a trailing comma', "import { a, target, } from 'm';\n", "import { a } from 'm';\n"],
    ['the only named specifier beside a default import', "import m, { target } from 'm';\nm();\n", "import m from 'm';\nm();\n"],
    ['the only specifier: the whole line', "import a from 'a';\nimport { target } from 'm';\na();\n", "import a from 'a';\na();\n"],
    ['a property of a require pattern', "const { a, x: target } = require('m');\n", "const { a } = require('m');\n"],
    ['the only property of a require pattern', "const { target } = require('m');\nconst b = 1;\n", 'const b = 1;\n'],
  ])('%s', (_name, code, expected) => {
    expect(removeTarget(code)).toBe(expected);
  });

  it('offers nothing for a namespace import, a default require or a plain variable', () => {
    for (const code of ["import * as target from 'm';\n", "const target = require('m');\n", 'const { target } = load();\n']) {
      expect(removeTarget(code)).toBe(code);
    }
  });
});
