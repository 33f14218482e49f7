import type { TSESTree } from '@typescript-eslint/utils';

const EDGE_RUNTIMES = new Set(['edge', 'experimental-edge']);

/** Whether the file declares `export const runtime = 'edge'` (route segment config). */
export function isEdgeRuntime(program: TSESTree.Program): boolean {
  return program.body.some(
    (statement) =>
      statement.type === 'ExportNamedDeclaration' &&
      statement.declaration?.type === 'VariableDeclaration' &&
      statement.declaration.declarations.some(
        (declarator) =>
          declarator.id.type === 'Identifier' &&
          declarator.id.name === 'runtime' &&
          declarator.init?.type === 'Literal' &&
          EDGE_RUNTIMES.has(String(declarator.init.value)),
      ),
  );
}
