/**
 * How many composite points one point of normalised improvement in an indicator is worth for a
 * region. When the indicator's path to the composite is arithmetic at every level, the composite
 * is Σ (effective weight × normalised value), so the answer is the effective weight itself (both
 * on [0, scale]), missing-value reweighting included. Geometric, harmonic and minimum means
 * make it depend on the region's other scores, so it is measured instead: a finite difference,
 * re-scoring with the raw value moved one step in the improving direction (or, at the bound, one
 * step back) and dividing the unrounded composite's change by the normalised value's change.
 */
import { usesData } from '../weights/derive.js';
import type { ResolvedFramework, ResolvedIndicator } from '../model/resolved.js';
import { gridOf } from './explain-grid.js';
import type { Rescorer } from './explain-rescore.js';

export type LeverageMethod = 'effective-weight' | 'finite-difference';

export interface Leverage {
  /** Composite points per point of normalised value (NaN when the normalised value cannot move). */
  readonly pointsPerUnit: number;
  readonly method: LeverageMethod;
}

/**
 * Whether every mean between the indicator and the composite (the composite's own included) is
 * arithmetic with weights that do not move with the data: entropy, CRITIC, CV or PCA weights
 * change when a value does, so the effective weight is then no exact rate.
 */
export function isArithmeticPath(framework: ResolvedFramework, indicator: ResolvedIndicator): boolean {
  if (framework.aggregate !== 'arithmetic' || usesData(framework.weighting)) return false;
  return indicator.path.every((id) => {
    const node = framework.nodeById.get(id);
    return node?.kind === 'group' && node.aggregate === 'arithmetic' && !usesData(node.weighting);
  });
}

export interface LeverageInput {
  readonly indicator: ResolvedIndicator;
  readonly current: number;
  readonly effectiveWeight: number;
  /** Allowed values for a discrete indicator, ascending. */
  readonly discrete?: readonly number[] | undefined;
  readonly decimals: number;
  /** The far end of the search in the improving direction. */
  readonly bound: number;
}

/** The nearest allowed value one step from `current`, improving first, else worsening. */
function neighbour(input: LeverageInput): number | undefined {
  const upward = input.indicator.direction === 'positive';
  if (input.discrete) {
    const better = input.discrete.filter((v) => (upward ? v > input.current : v < input.current));
    const worse = input.discrete.filter((v) => (upward ? v < input.current : v > input.current));
    return upward ? (better[0] ?? worse[worse.length - 1]) : (better[better.length - 1] ?? worse[0]);
  }
  const grid = gridOf(input.decimals);
  const step: 1 | -1 = upward ? 1 : -1;
  const forward = grid.firstBeyond(input.current, step);
  if ((grid.lastWithin(input.bound, step) - forward) * step >= 0) return grid.valueAt(forward);
  return grid.valueAt(grid.firstBeyond(input.current, step === 1 ? -1 : 1));
}

/**
 * Points per unit of normalised improvement for `input.indicator` (see the module comment).
 * `rescorer` is used only off the arithmetic path.
 */
export function leverageOf(framework: ResolvedFramework, rescorer: Rescorer, input: LeverageInput): Leverage {
  if (isArithmeticPath(framework, input.indicator)) return { pointsPerUnit: input.effectiveWeight, method: 'effective-weight' };
  const other = neighbour(input);
  if (other === undefined) return { pointsPerUnit: Number.NaN, method: 'finite-difference' };
  const before = rescorer.rescoreUnrounded(input.indicator.index, input.current);
  const after = rescorer.rescoreUnrounded(input.indicator.index, other);
  const moved = after.normalised - before.normalised;
  const pointsPerUnit = Math.abs(moved) > 1e-12 ? (after.composite - before.composite) / moved : Number.NaN;
  return { pointsPerUnit, method: 'finite-difference' };
}
