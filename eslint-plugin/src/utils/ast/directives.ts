import type { TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from './functions';

/**
 * The directive prologue of a program or function body: the leading string
 * statements such as 'use client' or 'use server'. Read from the AST, never by
 * searching the text, so commented-out directives do not count.
 */
export function getDirectives(body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[]): string[] {
  const directives: string[] = [];
  for (const statement of body) {
    if (
      statement.type !== 'ExpressionStatement' ||
      statement.expression.type !== 'Literal' ||
      typeof statement.expression.value !== 'string'
    ) {
      break;
    }
    directives.push(statement.expression.value);
  }
  return directives;
}

export function hasDirective(
  body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[],
  directive: string,
): boolean {
  return getDirectives(body).includes(directive);
}

/** The directives of a function's own body; none for an arrow with an expression body. */
export function getFunctionDirectives(fn: FunctionNode): string[] {
  return fn.body?.type === 'BlockStatement' ? getDirectives(fn.body.body) : [];
}

/** Whether a function's own body starts with the directive ('use server', 'use cache'). */
export function hasFunctionDirective(fn: FunctionNode, directive: string): boolean {
  return getFunctionDirectives(fn).includes(directive);
}

/** 'use cache', also with a profile ('use cache: remote'). */
export function isUseCacheDirective(directive: string): boolean {
  return directive === 'use cache' || directive.startsWith('use cache:');
}

/** The last statement of the directive prologue, after which code may be inserted. */
export function getLastDirective(
  body: readonly TSESTree.ProgramStatement[] | readonly TSESTree.Statement[],
): TSESTree.ProgramStatement | TSESTree.Statement | undefined {
  const count = getDirectives(body).length;
  return count > 0 ? body[count - 1] : undefined;
}
