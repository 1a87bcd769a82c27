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
  /** The k-th smallest rank (0-based) among the scored replications. */
  const orderStatistic = (k: number): number => {
    let seen = 0;
    for (let r = 1; r <= maxRank; r++) {
      seen += counts[offset + r]!;
      if (seen > k) return r;
    }
    return maxRank;
  };
  const quantile = (p: number): number => {
    const h = (scored - 1) * p;
    const lo = Math.floor(h);
    const low = orderStatistic(lo);
    return h === lo ? low : low + (h - lo) * (orderStatistic(lo + 1) - low);
  };
  return { scored, mean: sum / scored, median: quantile(0.5), p5: quantile(0.05), p95: quantile(0.95) };
}
