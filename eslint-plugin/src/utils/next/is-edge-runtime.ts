import * as path from 'node:path';
import type { TSESTree } from '@typescript-eslint/utils';
import type { NextFileKind } from './next-file-kind';
import { getExportedConstInits, getPropertyValue, skipAsAndSatisfies } from '../ast/static-values';

const EDGE_RUNTIMES = new Set(['edge', 'experimental-edge']);

/** A string literal's value, through `as const` and template literals without expressions. */
function getStringValue(written: TSESTree.Node | null | undefined): string | undefined {
  if (!written) return undefined;
  const node = skipAsAndSatisfies(written);
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

function getObject(written: TSESTree.Node): TSESTree.ObjectExpression | undefined {
  const node = skipAsAndSatisfies(written);
  return node.type === 'ObjectExpression' ? node : undefined;
}

/** `runtime` as declared by the App Router segment config or the `config` export (Pages API routes, middleware). */
function getDeclaredRuntime(program: TSESTree.Program): string | undefined {
  for (const value of getExportedConstInits(program, 'runtime')) {
    const runtime = getStringValue(value);
    if (runtime !== undefined) return runtime;
  }
  for (const value of getExportedConstInits(program, 'config')) {
    const config = getObject(value);
    const runtime = config && getPropertyValue(config, 'runtime');
    if (runtime) return getStringValue(runtime);
  }
  return undefined;
}

/**
 * Whether the file runs on the edge runtime: it declares
 * `export const runtime = 'edge'` (App Router) or
 * `export const config = { runtime: 'edge' }` (Pages API routes), or it is a
 * `middleware` file, which runs on the edge unless its config says `nodejs`
 * (`proxy` files always run on Node.js). Before Next.js 15.2 middleware ran on
 * the edge whatever it said: pass `middlewareMayUseNode: false` for such apps.
 */
export function isEdgeRuntime(program: TSESTree.Program, kind: NextFileKind, filename: string, middlewareMayUseNode = true): boolean {
  const runtime = getDeclaredRuntime(program);
  const isMiddleware = kind === 'middleware' && path.basename(filename).replace(/\.[^.]+$/, '') === 'middleware';
  if (isMiddleware) return runtime === undefined || EDGE_RUNTIMES.has(runtime) || !middlewareMayUseNode;
  return runtime !== undefined && EDGE_RUNTIMES.has(runtime);
}
