/**
 * `levels` map text answers to values (`{ 未建立: 0, 试点: 1, 全面推行: 2 }`). Two answers with
 * one value cannot be told apart in the output, a value outside `range` makes its own answer a
 * data error, and an empty map accepts no answer at all.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree } from './framework-tree.js';
import { inFileOrder } from './source-order.js';
import { formatNumber, isMap, isNumber, orderedRangeOf } from './untrusted.js';

/** The numeric answers of an indicator's `levels`; undefined when it has no map. */
function levelEntries(levels: unknown): [string, number][] | undefined {
  if (!isMap(levels)) return undefined;
  return Object.entries(levels).filter((entry): entry is [string, number] => isNumber(entry[1]));
}

/** No two answers of one indicator share a value. */
export function levelsAreDistinct(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const firstAnswer = new Map<number, string>();
    // File order, not key order: JS puts integer-like keys ("1", "2") first, whatever the file says.
    const entries = inFileOrder(levelEntries(indicator.value['levels']) ?? [], ([answer]) => ctx.locate([...indicator.path, 'levels', answer], 'key'));
    for (const [answer, value] of entries) {
      const first = firstAnswer.get(value);
      if (first === undefined) {
        firstAnswer.set(value, answer);
      } else {
        diagnostics.push(
          makeDiagnostic(
            'level-value-duplicate',
            { indicator: labelOf(indicator), answer, value: formatNumber(value), first },
            ctx.locate([...indicator.path, 'levels', answer], 'key'),
          ),
        );
      }
    }
  }
  return diagnostics;
}

/** Every level value lies inside the indicator's `range`, when one is given. */
export function levelsLieInRange(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const range = orderedRangeOf(indicator.value['range']);
    if (!range) continue;
    for (const [answer, value] of levelEntries(indicator.value['levels']) ?? []) {
      if (value >= range.min && value <= range.max) continue;
      diagnostics.push(
        makeDiagnostic(
          'level-outside-range',
          { indicator: labelOf(indicator), answer, value: formatNumber(value), rangeMin: range.min, rangeMax: range.max },
          ctx.locate([...indicator.path, 'levels', answer]),
        ),
      );
    }
  }
  return diagnostics;
}

/** `levels`, when given, lists at least one answer. */
export function levelsAreNotEmpty(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const indicator of readFrameworkTree(ctx.input).indicators) {
    const levels = indicator.value['levels'];
    if (isMap(levels) && Object.keys(levels).length === 0) {
      diagnostics.push(makeDiagnostic('levels-empty', { indicator: labelOf(indicator) }, ctx.locate([...indicator.path, 'levels'])));
    }
  }
  return diagnostics;
}
