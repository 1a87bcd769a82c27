/**
 * The raw value one indicator would need, on its own, to lift a region into the next tier —
 * every other indicator of the region and every other region's data held as submitted.
 *
 * Found by re-scoring, never by inverting the normalisation: a new maximum moves min–max for
 * everyone, z-scores move with the mean, and ranks jump. A continuous indicator is bisected on
 * the grid of the data's displayed precision between the current value and the far bound (the
 * `range`, or a generous bound without one), upwards for a positive indicator and downwards for a
 * negative one. The bisection keeps "the low end does not reach, the high end does" true at
 * every step by evaluating each midpoint, so the answer and the grid value one step short of it
 * have both been re-scored. Levels and booleans try each better allowed value in turn, since
 * only those can be reported.
 */
import type { ResolvedIndicator } from '../model/resolved.js';
import { gridOf, type Grid } from './explain-grid.js';
import type { RescoreOutcome, Rescorer } from './explain-rescore.js';

export type UnreachableReason =
  /** The `range` bound does not reach. */
  | 'range'
  /** No range: not even the generous search bound reaches. */
  | 'bound'
  /** No better level (or boolean answer) reaches. */
  | 'levels';

export type LeverGoal =
  | {
      readonly status: 'reachable';
      /** The smallest (largest, for a negative indicator) value that reaches the target tier. */
      readonly value: number;
      /** `value` minus the current value, at the grid's precision. */
      readonly change: number;
      /** Where the region stands at `value`. */
      readonly outcome: RescoreOutcome;
      /** The value one grid step (or one level) short of `value`, which was re-scored and does not reach. */
      readonly short: number;
    }
  | {
      readonly status: 'unreachable';
      readonly reason: UnreachableReason;
      /** The best the indicator alone can do: where the region stands at the far bound (or best level). */
      readonly best: RescoreOutcome;
    };

export interface TargetSearch {
  readonly indicator: ResolvedIndicator;
  /** The region's current raw value (finite). */
  readonly current: number;
  /** Tier index to reach (or better). */
  readonly target: number;
  /** Discrete allowed values (levels, 0/1), ascending; undefined for a continuous indicator. */
  readonly discrete?: readonly number[] | undefined;
  /** Grid decimals for a continuous indicator. */
  readonly decimals: number;
  /** The far end of the search in the improving direction. */
  readonly bound: number;
}

function reaches(outcome: RescoreOutcome, target: number): boolean {
  return outcome.tier >= 0 && outcome.tier <= target;
}

function changeOf(value: number, current: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round((value - current) * factor) / factor;
}

/** Allowed values better than `current` and within the bound, in the improving direction. */
function betterValues(search: TargetSearch, discrete: readonly number[]): number[] {
  const upward = search.indicator.direction === 'positive';
  const better = discrete.filter((v) => (upward ? v > search.current && v <= search.bound : v < search.current && v >= search.bound));
  return upward ? better : better.reverse();
}

function searchDiscrete(rescorer: Rescorer, search: TargetSearch, discrete: readonly number[]): LeverGoal {
  const index = search.indicator.index;
  let short = search.current;
  let last: RescoreOutcome | undefined;
  for (const value of betterValues(search, discrete)) {
    const outcome = rescorer.rescore(index, value);
    if (reaches(outcome, search.target)) {
      return { status: 'reachable', value, change: value - search.current, outcome, short };
    }
    short = value;
    last = outcome;
  }
  return { status: 'unreachable', reason: 'levels', best: last ?? rescorer.rescore(index, search.current) };
}

function searchGrid(rescorer: Rescorer, search: TargetSearch, grid: Grid): LeverGoal {
  const index = search.indicator.index;
  const step: 1 | -1 = search.indicator.direction === 'positive' ? 1 : -1;
  const reason: UnreachableReason = search.indicator.range ? 'range' : 'bound';
  const first = grid.firstBeyond(search.current, step);
  const last = grid.lastWithin(search.bound, step);
  if ((last - first) * step < 0) {
    return { status: 'unreachable', reason, best: rescorer.rescore(index, search.current) };
  }
  const outcomes = new Map<number, RescoreOutcome>();
  const at = (k: number): RescoreOutcome => {
    let outcome = outcomes.get(k);
    if (!outcome) {
      outcome = rescorer.rescore(index, grid.valueAt(k));
      outcomes.set(k, outcome);
    }
    return outcome;
  };
  const far = at(last);
  if (!reaches(far, search.target)) return { status: 'unreachable', reason, best: far };
  // Invariant: `low` does not reach (it starts one step before the first candidate, i.e. at the
  // current value, whose tier is the current one), `high` does.
  let low = first - step;
  let high = last;
  while (Math.abs(high - low) > 1) {
    const mid = low + step * Math.floor(Math.abs(high - low) / 2);
    if (reaches(at(mid), search.target)) high = mid;
    else low = mid;
  }
  const value = grid.valueAt(high);
  const short = high === first ? search.current : grid.valueAt(low);
  return { status: 'reachable', value, change: changeOf(value, search.current, grid.decimals), outcome: at(high), short };
}

/**
 * The value `search.indicator` alone would need for the region to reach tier `search.target`
 * (see the module comment for how it is searched and what is held fixed).
 */
export function neededValue(rescorer: Rescorer, search: TargetSearch): LeverGoal {
  if (!Number.isFinite(search.current)) throw new Error(`neededValue: current value of '${search.indicator.id}' is not finite`);
  return search.discrete ? searchDiscrete(rescorer, search, search.discrete) : searchGrid(rescorer, search, gridOf(search.decimals));
}
