/**
 * `normalise: none` takes values as already on [0, 1]; a `range` reaching outside it admits
 * values that would score below 0 or above `scale`.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { effectiveNormalise } from './indicator-settings.js';
import { orderedRangeOf } from './untrusted.js';

/** An indicator normalised with `none` has a range inside [0, 1], when it has one. */
export function noneNormalisedRangesLieInUnitInterval(ctx: RuleContext): Diagnostic[] {
  const tree = readFrameworkTree(ctx.input);
  if (!tree.root) return [];
  const diagnostics: Diagnostic[] = [];
  for (const indicator of tree.indicators) {
    const range = orderedRangeOf(indicator.value['range']);
    if (!range || (range.min >= 0 && range.max <= 1)) continue;
    if (effectiveNormalise(indicator, tree.root)?.value.method !== 'none') continue;
    diagnostics.push(
      makeDiagnostic(
        'none-range-outside-unit',
        { indicator: labelOf(indicator), rangeMin: range.min, rangeMax: range.max },
        ctx.locate([...indicator.path, 'range']),
      ),
    );
  }
  return diagnostics;
}
