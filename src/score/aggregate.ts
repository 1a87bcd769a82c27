/**
 * Combines a group's children into the group's score, row by row but column at a time (one
 * pass over each child's typed array). Missing children are skipped and the shares of the
 * present ones renormalised (COINr's default), so a group with no present child is missing.
 */
import type { AggregateMethod } from '../model/framework.js';

export interface AggregateChild {
  /** The child's scores per row; NaN = missing. */
  readonly scores: Float64Array;
  /** The child's weight normalised among its siblings (`ResolvedNode.share`). */
  readonly share: number;
  /**
   * Per-row shares when the group's weights are derived from the data (they differ between
   * periods); `share` is ignored where this is given.
   */
  readonly rowShares?: Float64Array | undefined;
}

/** Bit in `issues`: a zero child forced a geometric or harmonic mean to 0. */
export const ISSUE_ZERO = 1;
/** Bit in `issues`: a negative child, which a geometric or harmonic mean cannot take; the row is left missing. */
export const ISSUE_NEGATIVE = 2;

export interface AggregateBuffers {
  /** Receives the group's score per row; NaN when no child is present (or a negative input). */
  readonly out: Float64Array;
  /** Receives the sum of the present children's shares per row: the renormalisation divisor. */
  readonly presentShare: Float64Array;
  /** Receives `ISSUE_*` bits per row (OR-ed in; the caller clears it). */
  readonly issues: Uint8Array;
}

/**
 * Aggregates `children` with `method` into `buffers.out`: arithmetic Σ wᵢxᵢ, geometric Π xᵢ^wᵢ,
 * harmonic 1/Σ(wᵢ/xᵢ), each with the present children's shares renormalised to sum to 1;
 * minimum takes the smallest present child and ignores the weights.
 */
export function aggregateGroup(method: AggregateMethod, children: readonly AggregateChild[], buffers: AggregateBuffers): void {
  if (method === 'topsis' || method === 'grey-relational') throw new Error(`aggregateGroup: ${method} needs the periods; see ./topsis.ts and ./grey-relational.ts`);
  const { out, presentShare, issues } = buffers;
  const n = out.length;
  presentShare.fill(0);
  // out doubles as the accumulator: a weighted sum, a weighted log-sum, a weighted sum of reciprocals, or a running minimum.
  out.fill(method === 'minimum' ? Infinity : 0);
  // Rounding can land a mean an ulp outside its children's range (three children of 100 with shares
  // 1/2, 1/3, 1/6 average to 100.00000000000001; exp of a mean of logs likewise). Every weighted
  // mean lies within [min, max] of its inputs, so clamp to that and scores stay on [0, scale].
  const isMean = method !== 'minimum';
  const low = new Float64Array(isMean ? n : 0).fill(Infinity);
  const high = new Float64Array(isMean ? n : 0).fill(-Infinity);

  // One pass over each child: the range and the accumulation together (NaN is never below
  // `low` nor above `high`, so skipping missing rows first changes neither). A fixed share and
  // per-row shares get a loop each, so the hot loop does not test which per row.
  for (const { scores, share: fixedShare, rowShares } of children) {
    switch (method) {
      case 'arithmetic':
        if (rowShares === undefined) accumulateArithmetic(scores, fixedShare, out, presentShare, low, high);
        else accumulateArithmeticPerRow(scores, rowShares, out, presentShare, low, high);
        break;
      case 'geometric':
      case 'harmonic': {
        // Σ wᵢ ln xᵢ or Σ wᵢ/xᵢ. A zero child pins the accumulator at ln 0 = −∞ (or 1/0 = +∞); later
        // children cannot move it, and the final pass turns it into exactly 0.
        const isGeometric = method === 'geometric';
        const zeroMark = isGeometric ? -Infinity : Infinity;
        for (let row = 0; row < n; row++) {
          const x = scores[row]!;
          if (x !== x) continue;
          if (x < low[row]!) low[row] = x;
          if (x > high[row]!) high[row] = x;
          const share = rowShares === undefined ? fixedShare : rowShares[row]!;
          presentShare[row]! += share;
          if (x > 0) out[row]! += isGeometric ? share * Math.log(x) : share / x;
          else if (x === 0) {
            issues[row]! |= ISSUE_ZERO;
            out[row] = zeroMark;
          } else issues[row]! |= ISSUE_NEGATIVE;
        }
        break;
      }
      case 'minimum':
        for (let row = 0; row < n; row++) {
          const x = scores[row]!;
          if (x !== x) continue;
          presentShare[row]! += rowShares === undefined ? fixedShare : rowShares[row]!;
          if (x < out[row]!) out[row] = x;
        }
        break;
    }
  }

  for (let row = 0; row < n; row++) {
    const total = presentShare[row]!;
    if (!(total > 0) || (issues[row]! & ISSUE_NEGATIVE) !== 0) {
      out[row] = NaN;
      continue;
    }
    const acc = out[row]!;
    switch (method) {
      case 'arithmetic':
        out[row] = Math.min(Math.max(acc / total, low[row]!), high[row]!);
        break;
      case 'geometric':
        // exp(Σ wᵢ ln xᵢ / Σ wᵢ) = Π xᵢ^(wᵢ/Σw).
        out[row] = acc === -Infinity ? 0 : Math.min(Math.max(Math.exp(acc / total), low[row]!), high[row]!);
        break;
      case 'harmonic':
        // Σw / Σ(wᵢ/xᵢ) = 1/Σ((wᵢ/Σw)/xᵢ).
        out[row] = acc === Infinity ? 0 : Math.min(Math.max(total / acc, low[row]!), high[row]!);
        break;
      case 'minimum':
        break;
    }
  }
}

/** Σ wᵢxᵢ and Σ wᵢ over the present rows of one child with a fixed share, and its range. */
function accumulateArithmetic(scores: Float64Array, share: number, sum: Float64Array, presentShare: Float64Array, low: Float64Array, high: Float64Array): void {
  for (let row = 0; row < sum.length; row++) {
    const x = scores[row]!;
    if (x !== x) continue;
    if (x < low[row]!) low[row] = x;
    if (x > high[row]!) high[row] = x;
    sum[row]! += share * x;
    presentShare[row]! += share;
  }
}

/** {@link accumulateArithmetic} with a share per row (weights derived from the data). */
function accumulateArithmeticPerRow(
  scores: Float64Array,
  shares: Float64Array,
  sum: Float64Array,
  presentShare: Float64Array,
  low: Float64Array,
  high: Float64Array,
): void {
  for (let row = 0; row < sum.length; row++) {
    const x = scores[row]!;
    if (x !== x) continue;
    if (x < low[row]!) low[row] = x;
    if (x > high[row]!) high[row] = x;
    const share = shares[row]!;
    sum[row]! += share * x;
    presentShare[row]! += share;
  }
}
