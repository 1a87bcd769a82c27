/**
 * Rank statistics of one row from its rank histogram: mean, and quantiles as R's
 * `quantile(type = 7)` (COINr's default) would give them from the list of ranks — found by
 * walking the cumulative counts rather than sorting replications × rows numbers.
 */

export interface RankStatistics {
  /** Replications that scored the row. */
  readonly scored: number;
  readonly mean: number;
  readonly median: number;
  readonly p5: number;
  readonly p95: number;
}

/** counts[offset + r] replications ranked the row r (r = 1 … maxRank); counts[offset] left it unscored. */
export function rankStatistics(counts: Int32Array, offset: number, maxRank: number): RankStatistics {
  let scored = 0;
  let sum = 0;
  for (let r = 1; r <= maxRank; r++) {
    const c = counts[offset + r]!;
    scored += c;
    sum += r * c;
  }
  if (scored === 0) return { scored, mean: NaN, median: NaN, p5: NaN, p95: NaN };
  const quantile = (p: number): number => rankQuantile(counts, offset, maxRank, p, scored);
  return { scored, mean: sum / scored, median: quantile(0.5), p5: quantile(0.05), p95: quantile(0.95) };
}

/**
 * The p-quantile (R type 7) of a row's ranks from its histogram; `scored` is the number of
 * scored replications (the histogram's total), NaN when none. The k-th order statistic is found
 * by walking the cumulative counts.
 */
export function rankQuantile(counts: Int32Array, offset: number, maxRank: number, p: number, scored = scoredOf(counts, offset, maxRank)): number {
  if (scored === 0) return NaN;
  /** The k-th smallest rank (0-based) among the scored replications. */
  const orderStatistic = (k: number): number => {
    let seen = 0;
    for (let r = 1; r <= maxRank; r++) {
      seen += counts[offset + r]!;
      if (seen > k) return r;
    }
    return maxRank;
  };
  const h = (scored - 1) * p;
  const lo = Math.floor(h);
  const low = orderStatistic(lo);
  return h === lo ? low : low + (h - lo) * (orderStatistic(lo + 1) - low);
}

function scoredOf(counts: Int32Array, offset: number, maxRank: number): number {
  let scored = 0;
  for (let r = 1; r <= maxRank; r++) scored += counts[offset + r]!;
  return scored;
}
