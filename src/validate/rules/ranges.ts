/**
 * `range: [min, max]` is the set of valid inputs; a value outside it is a data error. A range
 * whose ends are equal or reversed would reject every value (or all but one).
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { formatNumber, rangeOf } from './untrusted.js';

/** Every indicator `range` has min < max. */
export function rangesAreOrdered(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const range = rangeOf(indicator.value['range']);
    if (range && !(range.min < range.max)) {
      diagnostics.push(
        makeDiagnostic(
          'range-inverted',
          { indicator: labelOf(indicator), min: formatNumber(range.min), max: formatNumber(range.max) },
          ctx.locate([...indicator.path, 'range']),
        ),
      );
    }
  }
  return diagnostics;
}
