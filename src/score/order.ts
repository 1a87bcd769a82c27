/**
 * The reporting order of a score table: by period, then rank (unscored last), then region code,
 * so every formatter lists rows the same way whatever order the submissions were read in.
 */
import { compareCodeUnits } from './partition.js';

/**
 * Row indices sorted by `periodOf` (indices into the sorted period labels), then ascending
 * `rank` with NaN last, then region code by code unit, then row index (only duplicate
 * (region, period) rows, which the loader rejects, would get that far).
 */
export function reportingOrder(periodOf: Int32Array, rank: Float64Array, region: readonly string[]): Uint32Array {
  const order = new Uint32Array(periodOf.length);
  for (let row = 0; row < order.length; row++) order[row] = row;
  return order.sort((a, b) => {
    const byPeriod = periodOf[a]! - periodOf[b]!;
    if (byPeriod !== 0) return byPeriod;
    const ra = rank[a]!;
    const rb = rank[b]!;
    const aUnscored = ra !== ra;
    const bUnscored = rb !== rb;
    if (aUnscored !== bUnscored) return aUnscored ? 1 : -1;
    if (!aUnscored && ra !== rb) return ra - rb;
    return compareCodeUnits(region[a] ?? '', region[b] ?? '') || a - b;
  });
}
