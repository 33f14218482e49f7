import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '@typescript-eslint/utils/ast-utils';
import { TRANSACTION_METHOD } from '../../utils/drivers/sync-drivers';
import { getMethodCall, skipTransparent } from '../../utils/drivers/sync-values';
import type { SourceCode } from '../../utils/ast/source-code';
import { getImportedName } from './import-bindings';

type Variable = TSESLint.Scope.Variable;

/**
 * Whether an expression can hold a transaction at all, judged by its shape
 * alone: only a `.transaction(…)` call makes one, and an imported binding may
 * hold one. Most calls of a file (`useState(…)`, `handleClick()`, a `run`
 * made by `useCallback(…)`) cannot, so their callees need no resolving.
 * Only better-sqlite3 has transactions (node:sqlite has none), so an app
 * that does not depend on it imports none: `mayImportTransactions` says
 * whether it does, asked only when an imported binding is called.
 */
export function createTransactionShapeCheck(sourceCode: SourceCode, mayImportTransactions: () => boolean): (node: TSESTree.Node) => boolean {
  const answers = new Map<Variable, boolean>();

  function mayHoldTransaction(node: TSESTree.Node): boolean {
    const expression = skipTransparent(node);
    switch (expression.type) {
      case 'Identifier': {
        const variable = findVariable(sourceCode.getScope(expression), expression);
        return variable !== null && variableMayHoldTransaction(variable);
      }
      case 'CallExpression':
        return getMethodCall(expression)?.method === TRANSACTION_METHOD;
      case 'LogicalExpression':
        return mayHoldTransaction(expression.left) || mayHoldTransaction(expression.right);
      case 'ConditionalExpression':
        return mayHoldTransaction(expression.consequent) || mayHoldTransaction(expression.alternate);
      case 'AssignmentExpression':
        return mayHoldTransaction(expression.right);
      default:
        return false;
    }
  }

  function variableMayHoldTransaction(variable: Variable): boolean {
    const known = answers.get(variable);
    if (known !== undefined) return known;
    // Until the answer is known, a cycle (`let a = b; b = a`) adds nothing.
    answers.set(variable, false);
    const holds =
      variable.defs.some((definition) => {
        if (getImportedName(definition)) return mayImportTransactions();
        const node = definition.node as TSESTree.Node;
        return node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.init !== null && mayHoldTransaction(node.init);
      }) ||
      variable.references.some((reference) => reference.isWrite() && !reference.init && !!reference.writeExpr && mayHoldTransaction(reference.writeExpr));
    answers.set(variable, holds);
    return holds;
  }

  return mayHoldTransaction;
}
