/**
 * Effective weights: how much of the composite a node carries for one row, after missing
 * siblings were dropped and the present ones' shares renormalised. Computed top-down from the
 * divisors that aggregation leaves behind (the sum of the present children's shares).
 */

/**
 * Writes the child's effective weight per row into `out`: the parent's effective weight × the
 * child's share (constant, or per row) ÷ the sum of the present siblings' shares where the child has a score, and 0
 * where it was dropped (NaN score).
 */
export function childEffectiveWeight(
  parentWeight: Float64Array,
  parentPresentShare: Float64Array,
  childScores: Float64Array,
  share: number | Float64Array,
  out: Float64Array,
): void {
  // A Float64Array holds per-row shares: weights derived from the data differ between periods.
  // Two loops, so the common fixed share is not tested for its type on every row.
  if (typeof share === 'number') {
    for (let row = 0; row < out.length; row++) {
      const x = childScores[row]!;
      const divisor = parentPresentShare[row]!;
      out[row] = x === x && divisor > 0 ? (parentWeight[row]! * share) / divisor : 0;
    }
    return;
  }
  for (let row = 0; row < out.length; row++) {
    const x = childScores[row]!;
    const divisor = parentPresentShare[row]!;
    out[row] = x === x && divisor > 0 ? (parentWeight[row]! * share[row]!) / divisor : 0;
  }
}

/** Contribution in points of the composite: score × effective weight (NaN where unscored). */
export function contributionOf(scores: Float64Array, effectiveWeight: Float64Array, out: Float64Array): void {
  for (let row = 0; row < out.length; row++) {
    const x = scores[row]!;
    out[row] = x === x ? x * effectiveWeight[row]! : NaN;
  }
}
