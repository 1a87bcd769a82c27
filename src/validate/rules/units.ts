/**
 * Units change how submission cells are read: `boolean` accepts 是/否, yes/no, true/false and
 * `percent` (or `%`) accepts `85%`. They should agree with the rest of the indicator.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { isMap, orderedRangeOf } from './untrusted.js';

/** A `unit: boolean` indicator has no `levels` (when both are given, the levels decide how cells are read). */
export function booleanUnitsHaveNoLevels(ctx: RuleContext): Diagnostic[] {
  return readFrameworkTree(ctx.input)
    .indicators.filter((indicator) => indicator.value['unit'] === 'boolean' && isMap(indicator.value['levels']))
    .map((indicator) => makeDiagnostic('boolean-unit-with-levels', { indicator: labelOf(indicator) }, ctx.locate([...indicator.path, 'levels'], 'key')));
}

/**
 * A percent indicator's range lies in [0, 100]. Only an info: growth rates and changes in
 * percentage points can rightly be negative or above 100.
 */
export function percentRangesLieInHundred(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const unit = indicator.value['unit'];
    const range = orderedRangeOf(indicator.value['range']);
    if ((unit !== 'percent' && unit !== '%') || !range || (range.min >= 0 && range.max <= 100)) continue;
    diagnostics.push(
      makeDiagnostic(
        'percent-range-beyond-hundred',
        { indicator: labelOf(indicator), rangeMin: range.min, rangeMax: range.max },
        ctx.locate([...indicator.path, 'range']),
      ),
    );
  }
  return diagnostics;
}
