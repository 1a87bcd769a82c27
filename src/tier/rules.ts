/**
 * Tier rules evaluated for one row of a score table. Two evaluators over the same semantics:
 * `ruleHolds` answers yes/no (short-circuits, used for assignment) and `explainRule` returns a
 * trace of every primitive with its observed value, its bounds and, for a failed bound, how far
 * the region is from it — what the `explain` command turns into "rank 6 ≤ 8 → 优质型" and
 * "missed leading by 2 ranks".
 *
 * Semantics (DESIGN.md "Tier rules"): bounds are inclusive, an absent bound is unbounded; a
 * missing observation (NaN: an unscored group, or an id the framework lacks) fails every test,
 * whatever its bounds.
 */
import type { Bounds } from '../model/framework.js';
import type { TierLevel, TierRule } from '../model/resolved.js';
import type { NodeScores, ScoreTable } from '../model/score-table.js';

/** What a rule reads: the composite, every group's scores, and the framework's dimensions. */
export type RuleScores = Pick<ScoreTable, 'framework' | 'composite' | 'nodes'>;

export type Measure = 'score' | 'rank' | 'percentile';

/** Distances are in the measure's own unit: score points, rank places, percentile share. */
export const DISTANCE_UNIT = { score: 'points', rank: 'places', percentile: 'share' } as const satisfies Record<Measure, string>;
export type DistanceUnit = (typeof DISTANCE_UNIT)[Measure];

/** The bound an observation fell outside, and by how much (always > 0). */
export interface Shortfall {
  readonly side: 'min' | 'max';
  readonly bound: number;
  readonly distance: number;
  readonly unit: DistanceUnit;
}

/** One bounds test. `observed` is NaN when the value is missing; then `holds` is false and there is no shortfall. */
export interface BoundCheck {
  readonly measure: Measure;
  readonly observed: number;
  readonly bounds: Bounds;
  readonly holds: boolean;
  readonly shortfall?: Shortfall | undefined;
}

export interface DimensionCheck {
  readonly id: string;
  readonly check: BoundCheck;
}

/** The evaluation of a rule, shaped like the rule. `holds` at every level. */
export type RuleTrace =
  | { readonly kind: 'otherwise'; readonly holds: true }
  | { readonly kind: 'score' | 'rank' | 'percentile'; readonly holds: boolean; readonly check: BoundCheck }
  | { readonly kind: 'dimension'; readonly holds: boolean; readonly id: string; readonly check: BoundCheck }
  | { readonly kind: 'any_dimension'; readonly holds: boolean; readonly dimensions: readonly DimensionCheck[] }
  | { readonly kind: 'all' | 'any'; readonly holds: boolean; readonly children: readonly RuleTrace[] }
  | { readonly kind: 'not'; readonly holds: boolean; readonly child: RuleTrace };

/** A level of a `rules` tier set, with the trace of its rule (absent when the level has none). */
export interface LevelTrace {
  readonly level: number;
  readonly id: string;
  readonly trace?: RuleTrace | undefined;
  readonly holds: boolean;
}

/** True when `value` lies within the inclusive bounds; NaN never does. */
export function withinBounds(value: number, bounds: Bounds): boolean {
  if (Number.isNaN(value)) return false;
  if (bounds.min !== undefined && value < bounds.min) return false;
  if (bounds.max !== undefined && value > bounds.max) return false;
  return true;
}

/** Test `value` against `bounds`, recording the failed bound and the distance to it. */
export function checkBounds(measure: Measure, value: number, bounds: Bounds): BoundCheck {
  if (Number.isNaN(value)) return { measure, observed: value, bounds, holds: false };
  const unit = DISTANCE_UNIT[measure];
  if (bounds.min !== undefined && value < bounds.min) {
    return { measure, observed: value, bounds, holds: false, shortfall: { side: 'min', bound: bounds.min, distance: bounds.min - value, unit } };
  }
  if (bounds.max !== undefined && value > bounds.max) {
    return { measure, observed: value, bounds, holds: false, shortfall: { side: 'max', bound: bounds.max, distance: value - bounds.max, unit } };
  }
  return { measure, observed: value, bounds, holds: true };
}

function measureOf(scores: NodeScores | undefined, measure: Measure, row: number): number {
  if (!scores) return Number.NaN;
  return scores[measure][row] ?? Number.NaN;
}

function dimensionValue(input: RuleScores, id: string, measure: Measure, row: number): number {
  return measureOf(input.nodes.get(id), measure, row);
}

/**
 * Whether `rule` holds for `row` of `input`. `all` and `any` short-circuit; `all []` holds and
 * `any []` does not (the empty conjunction and disjunction).
 */
export function ruleHolds(rule: TierRule, input: RuleScores, row: number): boolean {
  switch (rule.kind) {
    case 'otherwise':
      return true;
    case 'score':
    case 'rank':
    case 'percentile':
      return withinBounds(measureOf(input.composite, rule.kind, row), rule.bounds);
    case 'dimension':
      return withinBounds(dimensionValue(input, rule.id, rule.measure, row), rule.bounds);
    case 'any_dimension':
      return input.framework.dimensions.some((d) => withinBounds(dimensionValue(input, d.id, rule.measure, row), rule.bounds));
    case 'all':
      return rule.rules.every((r) => ruleHolds(r, input, row));
    case 'any':
      return rule.rules.some((r) => ruleHolds(r, input, row));
    case 'not':
      return !ruleHolds(rule.rule, input, row);
  }
}

/**
 * Evaluate `rule` for `row` without short-circuiting, so the trace shows every primitive (an
 * `all` that fails lists each unmet bound, not just the first). `trace.holds` always equals
 * `ruleHolds(rule, input, row)`.
 */
export function explainRule(rule: TierRule, input: RuleScores, row: number): RuleTrace {
  switch (rule.kind) {
    case 'otherwise':
      return { kind: 'otherwise', holds: true };
    case 'score':
    case 'rank':
    case 'percentile': {
      const check = checkBounds(rule.kind, measureOf(input.composite, rule.kind, row), rule.bounds);
      return { kind: rule.kind, holds: check.holds, check };
    }
    case 'dimension': {
      const check = checkBounds(rule.measure, dimensionValue(input, rule.id, rule.measure, row), rule.bounds);
      return { kind: 'dimension', holds: check.holds, id: rule.id, check };
    }
    case 'any_dimension': {
      const dimensions = input.framework.dimensions.map((d) => ({
        id: d.id,
        check: checkBounds(rule.measure, dimensionValue(input, d.id, rule.measure, row), rule.bounds),
      }));
      return { kind: 'any_dimension', holds: dimensions.some((d) => d.check.holds), dimensions };
    }
    case 'all':
    case 'any': {
      const children = rule.rules.map((r) => explainRule(r, input, row));
      const holds = rule.kind === 'all' ? children.every((c) => c.holds) : children.some((c) => c.holds);
      return { kind: rule.kind, holds, children };
    }
    case 'not': {
      const child = explainRule(rule.rule, input, row);
      return { kind: 'not', holds: !child.holds, child };
    }
  }
}

/**
 * Trace every level's rule for `row`, best level first, so a caller can say both why a region
 * sits where it does and what it missed above. A level without a rule never holds.
 */
export function explainLevels(levels: readonly TierLevel[], input: RuleScores, row: number): LevelTrace[] {
  return levels.map((level, index) => {
    if (!level.rule) return { level: index, id: level.id, holds: false };
    const trace = explainRule(level.rule, input, row);
    return { level: index, id: level.id, trace, holds: trace.holds };
  });
}

/** Index of the first level whose rule holds for `row`, or -1 when none does. */
export function firstMatchingLevel(levels: readonly TierLevel[], input: RuleScores, row: number): number {
  for (let l = 0; l < levels.length; l++) {
    const rule = levels[l]?.rule;
    if (rule && ruleHolds(rule, input, row)) return l;
  }
  return -1;
}

/**
 * Whether `rule` reads a dimension (`dimension`, `any_dimension`, at any depth). When none of a
 * framework's rules does, a dimension's score alone can never change a tier: `explain` then
 * offers no dimension goals, and sensitivity does not rank the dimensions for the rules.
 */
export function readsDimensions(rule: TierRule): boolean {
  switch (rule.kind) {
    case 'dimension':
    case 'any_dimension':
      return true;
    case 'all':
    case 'any':
      return rule.rules.some(readsDimensions);
    case 'not':
      return readsDimensions(rule.rule);
    default:
      return false;
  }
}
