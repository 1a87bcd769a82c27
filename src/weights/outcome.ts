/**
 * What a data-driven weighting method returns for one group and one scope (a period, or every
 * period pooled): weights that sum to 1, or the reason none exist, so the engine can fall back
 * to the fixed weights and say why instead of scoring with NaN.
 */

export type DegenerateReason =
  /** Fewer than two rows have every child present: no spread to measure. */
  | 'too-few-rows'
  /** Every child is constant over the rows: nothing tells the children apart. */
  | 'all-constant'
  /** A child's mean is 0, so its coefficient of variation is undefined. */
  | 'mean-zero';

export type WeightsOutcome =
  | {
      readonly kind: 'weights';
      /** Non-negative, summing to 1, in the children's order. */
      readonly weights: readonly number[];
      /** Per child: constant over the rows (it got weight 0). */
      readonly constant: readonly boolean[];
    }
  | { readonly kind: 'degenerate'; readonly reason: DegenerateReason };

/** Divides `scores` by their sum; degenerate when the sum is not positive. */
export function normaliseToOne(scores: readonly number[], constant: readonly boolean[]): WeightsOutcome {
  const total = scores.reduce((sum, s) => sum + s, 0);
  if (!(total > 0) || !Number.isFinite(total)) return { kind: 'degenerate', reason: 'all-constant' };
  return { kind: 'weights', weights: scores.map((s) => s / total), constant };
}

/** Whether every value of a column is the same (so it has no spread at all). */
export function isConstant(column: Float64Array): boolean {
  for (let i = 1; i < column.length; i++) if (column[i] !== column[0]) return false;
  return true;
}

/** `column` min–max scaled onto [0, 1]; a constant column becomes all zeros. */
export function minMaxUnit(column: Float64Array): Float64Array {
  let low = Infinity;
  let high = -Infinity;
  for (const x of column) {
    if (x < low) low = x;
    if (x > high) high = x;
  }
  const out = new Float64Array(column.length);
  const range = high - low;
  if (range > 0) for (let i = 0; i < column.length; i++) out[i] = (column[i]! - low) / range;
  return out;
}
