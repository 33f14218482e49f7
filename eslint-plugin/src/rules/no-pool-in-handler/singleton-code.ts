import type { TSESTree } from '@typescript-eslint/utils';
import { getUniqueName } from '../../utils/fix/unique-name';
import type { PoolFactory } from '../../utils/drivers/pool-factories';
import { resolveIdentifier } from '../../utils/ast/scope';
import type { SourceCode } from '../../utils/ast/source-code';

export interface SingletonParts {
  /** The module-level binding. */
  name: string;
  /** The creation's text, with its size set. */
  expression: string;
  /** `: Pool` when the local declaration had one. */
  typeAnnotation: string;
  creation: TSESTree.CallExpression | TSESTree.NewExpression;
  factory: PoolFactory;
  semicolon: ';' | '';
}

function isTypeScriptFile(filename: string): boolean {
  return /\.[cm]?tsx?$/.test(filename);
}

/** The type of the created client, as TS code: `PrismaClient`, or `InstanceType<typeof X>` for a required class. */
function getInstanceType(sourceCode: SourceCode, callee: TSESTree.Node): string {
  let root = callee;
  while (root.type === 'MemberExpression' && !root.computed) root = root.object;
  const calleeText = sourceCode.getText(callee);
  if (root.type !== 'Identifier') return `InstanceType<typeof ${calleeText}>`;
  const isImported = resolveIdentifier(sourceCode, root)?.defs.some((def) => def.type === 'ImportBinding') ?? false;
  return isImported ? calleeText : `InstanceType<typeof ${calleeText}>`;
}

/**
 * The module-level code that creates the pool once. Prisma gets the
 * `globalThis` singleton that survives `next dev` hot reloads (each reload
 * re-runs the module and would otherwise open a new client), typed in TS files.
 */
export function buildSingletonCode(
  sourceCode: SourceCode,
  filename: string,
  parts: SingletonParts,
): string {
  const { name, expression, semicolon: end } = parts;
  if (parts.factory.singleton !== 'global-this') {
    return `const ${name}${parts.typeAnnotation} = ${expression}${end}`;
  }
  const keep = `if (process.env.NODE_ENV !== 'production')`;
  if (!isTypeScriptFile(filename)) {
    return [
      `const ${name} = globalThis.${name} ?? ${expression}${end}`,
      `${keep} globalThis.${name} = ${name}${end}`,
    ].join('\n');
  }
  const holder = getUniqueName(sourceCode, 'globalForPrisma', { taken: [name] });
  const type = getInstanceType(sourceCode, parts.creation.callee);
  return [
    `const ${holder} = globalThis as unknown as { ${name}?: ${type} }${end}`,
    `const ${name}${parts.typeAnnotation} = ${holder}.${name} ?? ${expression}${end}`,
    `${keep} ${holder}.${name} = ${name}${end}`,
  ].join('\n');
}
