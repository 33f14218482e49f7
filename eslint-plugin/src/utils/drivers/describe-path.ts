import type { TSESTree } from '@typescript-eslint/utils';
import type { PathProblem } from './every-path';
import type { SourceCode } from '../ast/source-code';

const MAX_CALLEE_LENGTH = 40;

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > MAX_CALLEE_LENGTH ? `${oneLine.slice(0, MAX_CALLEE_LENGTH - 1)}…` : oneLine;
}

/** How a node that may throw reads in a message: `client.query()`, `new Error()`, ``sql`…` ``. */
export function describeThrowing(sourceCode: SourceCode, node: TSESTree.Node): string {
  if (node.type === 'AwaitExpression') return describeThrowing(sourceCode, node.argument);
  if (node.type === 'CallExpression') return `${shorten(sourceCode.getText(node.callee))}()`;
  if (node.type === 'NewExpression') return `new ${shorten(sourceCode.getText(node.callee))}()`;
  if (node.type === 'TaggedTemplateExpression') return `${shorten(sourceCode.getText(node.tag))}\`…\``;
  return shorten(sourceCode.getText(node));
}

/** The words for what is held: a client is `checked out` until `released`; a pool is `open` until `ended`. */
export interface HeldWords {
  held: string;
  letGo: string;
  letGoing: string;
  /** What a loop takes again: `checks out another`. */
  takeAgain: string;
}

const CLIENT_WORDS: HeldWords = { held: 'checked out', letGo: 'released', letGoing: 'releasing', takeAgain: 'checks out another' };

/** The path that leaves something held, as a sentence without its final period. */
export function describePathProblem(sourceCode: SourceCode, problem: PathProblem | undefined, words: HeldWords = CLIENT_WORDS): string {
  if (!problem) return `It is never ${words.letGo}`;
  const line = problem.kind === 'end' ? problem.node.loc.end.line : problem.node.loc.start.line;
  if (problem.kind === 'again') return `The loop comes back to line ${line} and ${words.takeAgain} while it is still ${words.held}`;
  if (problem.kind === 'return') return `The \`return\` on line ${line} leaves it ${words.held}`;
  if (problem.kind === 'end') return `${problem.node.type === 'Program' ? 'The module' : 'The function'} can finish (line ${line}) without ${words.letGoing} it`;
  if (problem.node.type === 'ThrowStatement') return `The \`throw\` on line ${line} leaves it ${words.held}`;
  return `If \`${describeThrowing(sourceCode, problem.node)}\` on line ${line} throws, it stays ${words.held}`;
}
