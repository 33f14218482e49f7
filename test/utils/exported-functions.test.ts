import { Linter, type Rule } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  getEnclosingFunction,
  getExportNames,
  isFunctionNode,
} from '../../eslint-plugin/src/utils/ast/functions';

type SourceType = 'module' | 'commonjs';

/**
 * Lints `code` with a throwaway rule and returns, for every function, where it
 * starts (`line:column`) and the names the module exports it under.
 */
function exportNamesByFunction(code: string, sourceType: SourceType = 'module'): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  const record = (context: Readonly<TSESLint.RuleContext<'x', []>>, node: TSESTree.Node) => {
    if (!isFunctionNode(node)) throw new Error(`not a function: ${node.type}`);
    found[`${node.loc.start.line}:${node.loc.start.column}`] = getExportNames(node, context.sourceCode).sort();
  };
  const rule: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create: (context) => ({
      FunctionDeclaration: (node) => record(context, node),
      FunctionExpression: (node) => record(context, node),
      ArrowFunctionExpression: (node) => record(context, node),
    }),
  };
  lint(code, rule, sourceType);
  return found;
}

function lint(code: string, rule: TSESLint.RuleModule<'x'>, sourceType: SourceType): void {
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tsParser as Linter.Parser, sourceType },
      plugins: { test: { rules: { rule: rule as unknown as Rule.RuleModule } } },
      rules: { 'test/rule': 'error' },
    },
    'file.ts',
  );
  expect(messages.filter((message) => message.fatal)).toEqual([]);
}

describe('getExportNames', () => {
  it('names ES module exports', () => {
    expect(
      exportNamesByFunction(
        [
          'export default async function handler() {}',
          'export async function GET() {}',
          'export const POST = async () => {};',
          'export const PUT = function () {};',
          'export default function () {}',
        ].join('\n'),
      ),
    ).toEqual({ '1:15': ['default'], '2:7': ['GET'], '3:20': ['POST'], '4:19': ['PUT'], '5:15': ['default'] });
  });

  it('follows the binding to later exports, renames and aliases', () => {
    const code = [
      'async function handler() {}',
      'const other = () => {};',
      'function unused() {}',
      'export { handler as GET, handler as HEAD, other };',
      'export default other;',
      'export const PATCH = handler;',
    ].join('\n');
    expect(exportNamesByFunction(code)).toEqual({
      '1:0': ['GET', 'HEAD', 'PATCH'],
      '2:14': ['default', 'other'],
      '3:0': [],
    });
  });

  it('names CommonJS exports', () => {
    const code = [
      'module.exports = async function handler() {};',
      'exports.GET = () => {};',
      'module.exports.POST = function () {};',
      'function put() {}',
      'exports.PUT = put;',
      'exports.default = () => {};',
    ].join('\n');
    expect(exportNamesByFunction(code, 'commonjs')).toEqual({
      '1:17': ['default'],
      '2:14': ['GET'],
      '3:22': ['POST'],
      '4:0': ['PUT'],
      '6:18': ['default'],
    });
  });

  it('looks through a wrapper call around the exported function', () => {
    const code = [
      'export default withAuth(async (req) => {});',
      'export const GET = withAuth(async () => {});',
      'const handler = async () => {};',
      'export const POST = withAuth(handler);',
    ].join('\n');
    expect(exportNamesByFunction(code)).toEqual({ '1:24': ['default'], '2:28': ['GET'], '3:16': ['POST'] });
  });

  it('does not name functions that are only used, nested or shadowed', () => {
    const code = [
      'function helper() {}',
      'helper();',
      'export function GET() {',
      '  const inner = () => {};',
      '  return inner;',
      '}',
      'const notExported = () => {};',
      'console.log(notExported);',
      'const module = { exports: {} };',
      'export const list = [() => {}];',
    ].join('\n');
    expect(exportNamesByFunction(code)).toEqual({ '1:0': [], '3:7': ['GET'], '4:16': [], '7:20': [], '10:21': [] });
  });
});

describe('getEnclosingFunction', () => {
  it('finds the innermost function around a node, or none at module scope', () => {
    const found: string[] = [];
    const rule: TSESLint.RuleModule<'x'> = {
      meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
      defaultOptions: [],
      create: () => ({
        NewExpression(node) {
          const fn = getEnclosingFunction(node);
          found.push(fn ? `${fn.type}@${fn.loc.start.line}` : 'module');
        },
      }),
    };
    lint(
      ['new A();', 'function f() {', '  new A();', '  return () => new A();', '}', 'class C { m() { new A(); } }'].join('\n'),
      rule,
      'module',
    );
    expect(found).toEqual(['module', 'FunctionDeclaration@2', 'ArrowFunctionExpression@4', 'FunctionExpression@6']);
  });
});
