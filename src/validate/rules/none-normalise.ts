/**
 * `normalise: none` takes values as already on [0, 1]; a `range` reaching outside it admits
 * values that would score below 0 or above `scale`.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { rangedIndicatorsNormalisedBy } from './indicator-settings.js';

/** An indicator normalised with `none` has a range inside [0, 1], when it has one. */
export function noneNormalisedRangesLieInUnitInterval(ctx: RuleContext): Diagnostic[] {
  return rangedIndicatorsNormalisedBy(readFrameworkTree(ctx.input), 'none')
    .filter(({ range }) => range.min < 0 || range.max > 1)
    .map(({ indicator, range }) =>
      makeDiagnostic('none-range-outside-unit', { indicator: labelOf(indicator), rangeMin: range.min, rangeMax: range.max }, ctx.locate([...indicator.path, 'range'])),
    );
}
