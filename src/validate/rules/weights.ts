/**
 * Weights are relative shares among siblings: a zero, negative, infinite or NaN weight (YAML `0`,
 * `-1`, `.inf`, `.nan`) makes every share meaningless, not just its own.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { formatNumber, isNumber } from './untrusted.js';

/** Every weight written on a group or indicator is finite and > 0. */
export function weightsArePositive(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  const diagnostics: Diagnostic[] = [];
  for (const node of [...tree.groups, ...tree.indicators]) {
    const weight = node.value['weight'];
    if (isNumber(weight) && !(Number.isFinite(weight) && weight > 0)) {
      diagnostics.push(
        makeDiagnostic('weight-not-positive', { node: labelOf(node), weight: formatNumber(weight) }, ctx.locate([...node.path, 'weight'])),
      );
    }
  }
  return diagnostics;
}
