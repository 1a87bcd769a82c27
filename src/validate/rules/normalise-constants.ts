/**
 * The constants of goalpost and target normalisation, on their own and against the indicator's
 * `range`. A constant is checked where it is written (an indicator's `normalise` or
 * `defaults.normalise`); its relation to a range is checked for each indicator it applies to.
 */
import type { Diagnostic, SourceLocation } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { DocumentPath } from '../../load/yaml.js';
import type { RuleContext } from '../rule-context.js';
import { labelOf, readFrameworkTree, type FrameworkTree } from './framework-tree.js';
import { normaliseSpecOf, rangedIndicatorsNormalisedBy, type NormaliseSpec, type RangedNormalisation } from './indicator-settings.js';
import { formatNumber, isMap, isNumber } from './untrusted.js';

interface DeclaredSpec {
  readonly spec: NormaliseSpec;
  readonly path: DocumentPath;
  /** Whose spec it is, for messages: an indicator id or `defaults`. */
  readonly owner: string;
}

/** Every `normalise` written in the file: `defaults.normalise` and each indicator's own. */
function declaredSpecs(tree: FrameworkTree): DeclaredSpec[] {
  const specs: DeclaredSpec[] = [];
  const defaults = tree.root?.['defaults'];
  const defaultSpec = isMap(defaults) ? normaliseSpecOf(defaults['normalise']) : undefined;
  if (defaultSpec) specs.push({ spec: defaultSpec, path: ['defaults', 'normalise'], owner: 'defaults' });
  for (const indicator of tree.indicators) {
    const spec = normaliseSpecOf(indicator.value['normalise']);
    if (spec) specs.push({ spec, path: [...indicator.path, 'normalise'], owner: labelOf(indicator) });
  }
  return specs;
}

/** Goalposts with min < max; a reversed pair is how authors wrongly try to say "lower is better". */
export function goalpostsAreOrdered(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { spec, path, owner } of declaredSpecs(readFrameworkTree(ctx.input))) {
    const { min, max } = spec.fields;
    if (spec.method === 'goalpost' && isNumber(min) && isNumber(max) && !(min < max)) {
      diagnostics.push(
        makeDiagnostic('goalpost-inverted', { owner, min: formatNumber(min), max: formatNumber(max) }, ctx.locate([...path, 'min'])),
      );
    }
  }
  return diagnostics;
}

/** A target is finite and > 0: the score is a ratio to it (x/target, or target/x when negative). */
export function targetsArePositive(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const { spec, path, owner } of declaredSpecs(readFrameworkTree(ctx.input))) {
    const target = spec.fields['target'];
    if (spec.method === 'target' && isNumber(target) && !(Number.isFinite(target) && target > 0)) {
      diagnostics.push(makeDiagnostic('target-not-positive', { owner, target: formatNumber(target) }, ctx.locate([...path, 'target'])));
    }
  }
  return diagnostics;
}

/** An inherited constant is reported at the indicator's range: that is what clashes with it there. */
function constantLocation(ctx: RuleContext, at: RangedNormalisation, constant: string): SourceLocation {
  return at.isInherited ? ctx.locate([...at.indicator.path, 'range']) : ctx.locate([...at.path, constant]);
}

/** Goalposts (ordered) lie inside the indicator's range, else part of [0, 1] is unreachable or every value clips. */
export function goalpostsLieInRange(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const ranged of rangedIndicatorsNormalisedBy(readFrameworkTree(ctx.input), 'goalpost')) {
    const { indicator, range } = ranged;
    const { min, max } = ranged.spec.fields;
    if (!isNumber(min) || !isNumber(max) || !(min < max)) continue;
    const outside: { bound: 'min' | 'max'; value: number; effect: string }[] = [];
    // Goalposts entirely beside the range: one finding; the other goalpost being outside too adds nothing.
    if (max < range.min) outside.push({ bound: 'max', value: max, effect: 'all-clip' });
    else if (min > range.max) outside.push({ bound: 'min', value: min, effect: 'all-clip' });
    else {
      if (min < range.min) outside.push({ bound: 'min', value: min, effect: 'bottom-unreachable' });
      if (max > range.max) outside.push({ bound: 'max', value: max, effect: 'top-unreachable' });
    }
    for (const { bound, value, effect } of outside) {
      diagnostics.push(
        makeDiagnostic(
          'goalpost-outside-range',
          { indicator: labelOf(indicator), bound, value, rangeMin: range.min, rangeMax: range.max, effect },
          constantLocation(ctx, ranged, bound),
        ),
      );
    }
  }
  return diagnostics;
}

/** A target lies inside the indicator's range, else every valid value scores the same side of it. */
export function targetsLieInRange(ctx: RuleContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const ranged of rangedIndicatorsNormalisedBy(readFrameworkTree(ctx.input), 'target')) {
    const { indicator, range } = ranged;
    const target = ranged.spec.fields['target'];
    if (!isNumber(target) || !(target > 0) || (target >= range.min && target <= range.max)) continue;
    diagnostics.push(
      makeDiagnostic(
        'target-outside-range',
        { indicator: labelOf(indicator), target, rangeMin: range.min, rangeMax: range.max, side: target > range.max ? 'above' : 'below' },
        constantLocation(ctx, ranged, 'target'),
      ),
    );
  }
  return diagnostics;
}
