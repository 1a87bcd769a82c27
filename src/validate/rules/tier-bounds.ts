/**
 * Bounds of tier tests (`{ min, max }`, inclusive). Ranks start at 1, percentiles are shares in
 * [0, 1], scores lie on [0, scale]; a test whose bounds no region can meet, or that every region
 * meets, is almost always a typo.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/messages.js';
import type { RuleContext } from '../rule-context.js';
import { tierBoundsSites, type BoundsSite } from './tier-rule-sites.js';
import { formatNumber, isMap, isNumber } from './untrusted.js';

/** The numeric `min` and `max` of a bounds object, each with its key. */
function numericBounds(site: BoundsSite): { key: 'min' | 'max'; value: number }[] {
  return (['min', 'max'] as const).flatMap((key) => {
    const value = site.value[key];
    return isNumber(value) ? [{ key, value }] : [];
  });
}

/** Where both are given, min ≤ max. */
export function tierBoundsAreOrdered(ctx: RuleContext): Diagnostic[] {
  return tierBoundsSites(ctx.input).flatMap((site) => {
    const { min, max } = site.value;
    if (!isNumber(min) || !isNumber(max) || min <= max) return [];
    return [makeDiagnostic('tier-bounds-inverted', { measure: site.measure, min: formatNumber(min), max: formatNumber(max) }, ctx.locate([...site.path, 'min']))];
  });
}

/** Rank bounds are ≥ 1: rank 1 is the top, and no region ranks 0. */
export function rankBoundsAreAtLeastOne(ctx: RuleContext): Diagnostic[] {
  return tierBoundsSites(ctx.input)
    .filter((site) => site.measure === 'rank')
    .flatMap((site) =>
      numericBounds(site)
        .filter(({ value }) => !(value >= 1))
        .map(({ key, value }) => makeDiagnostic('tier-rank-below-one', { bound: key, value: formatNumber(value) }, ctx.locate([...site.path, key]))),
    );
}

/** Percentile bounds lie in [0, 1]: a percentile is a share of regions, not a percent. */
export function percentileBoundsAreShares(ctx: RuleContext): Diagnostic[] {
  return tierBoundsSites(ctx.input)
    .filter((site) => site.measure === 'percentile')
    .flatMap((site) =>
      numericBounds(site)
        .filter(({ value }) => !(value >= 0 && value <= 1))
        .map(({ key, value }) =>
          makeDiagnostic('tier-percentile-outside-unit', { bound: key, value: formatNumber(value) }, ctx.locate([...site.path, key])),
        ),
    );
}

/** The scale scores are reported on, when it is usable; 100 by default. */
function scaleOf(input: unknown): number | undefined {
  const scale = isMap(input) ? input['scale'] : undefined;
  if (scale === undefined) return 100;
  return isNumber(scale) && Number.isFinite(scale) && scale > 0 ? scale : undefined;
}

/** A score test can hold for some region: its min is not above `scale` and its max not below 0. */
export function scoreBoundsAreReachable(ctx: RuleContext): Diagnostic[] {
  const scale = scaleOf(ctx.input);
  if (scale === undefined) return [];
  return tierBoundsSites(ctx.input)
    .filter((site) => site.measure === 'score')
    .flatMap((site) =>
      numericBounds(site)
        .filter(({ key, value }) => (key === 'min' ? value > scale : value < 0))
        .map(({ key, value }) =>
          makeDiagnostic('tier-score-unreachable', { bound: key, value: formatNumber(value), scale }, ctx.locate([...site.path, key])),
        ),
    );
}

/** A bounds object gives min, max or both; `{}` holds for every scored region. */
export function tierBoundsAreNotEmpty(ctx: RuleContext): Diagnostic[] {
  return tierBoundsSites(ctx.input)
    .filter((site) => !('min' in site.value) && !('max' in site.value))
    .map((site) => makeDiagnostic('tier-bounds-empty', { measure: site.measure }, ctx.locate(site.path)));
}
