/**
 * The reporting order of a score table: by period, then rank (unscored last), then region code,
 * so every formatter lists rows the same way whatever order the submissions were read in.
 */
import { compareCodeUnits } from './partition.js';
import { sortPresentRows } from './sorted-rows.js';

/**
 * Row indices sorted by `periodOf` (indices into the sorted period labels), then ascending
 * `rank` with NaN last, then region code by code unit, then row index (only duplicate
 * (region, period) rows, which the loader rejects, would get that far).
 *
 * Built from typed sorts rather than one comparator sort (about 20 ms of a township-scale run
 * on 40,000 rows): the rows stably by rank (the radix sort of ./sorted-rows.ts, NaN after),
 * then stably by period (a counting sort), so only rows that tie on both are left, in row
 * order, for the comparator to order by region. The comparator is a total order (the row index
 * decides last), so this is exactly the order a comparator sort gives.
 */
export function reportingOrder(periodOf: Int32Array, rank: Float64Array, region: readonly string[]): Uint32Array {
  const n = periodOf.length;
  const every = new Uint32Array(n);
  for (let row = 0; row < n; row++) every[row] = row;
  const byRank = new Uint32Array(n);
  const scored = sortPresentRows(rank, every).rows;
  byRank.set(scored);
  let next = scored.length;
  for (let row = 0; row < n; row++) if (rank[row] !== rank[row]) byRank[next++] = row;

  let periods = 0;
  for (let row = 0; row < n; row++) periods = Math.max(periods, periodOf[row]! + 1);
  const start = new Uint32Array(periods + 1);
  for (let row = 0; row < n; row++) start[periodOf[row]! + 1]!++;
  for (let p = 0; p < periods; p++) start[p + 1]! += start[p]!;
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const row = byRank[k]!;
    order[start[periodOf[row]!]!++] = row;
  }

  // Runs of the same period and rank (NaN with NaN): by region, then row index.
  const byRegion = (a: number, b: number): number => compareCodeUnits(region[a] ?? '', region[b] ?? '') || a - b;
  let first = 0;
  while (first < n) {
    const row = order[first]!;
    const r = rank[row]!;
    let end = first + 1;
    while (end < n && periodOf[order[end]!] === periodOf[row] && isSameRank(rank[order[end]!]!, r)) end++;
    if (end - first > 1) order.subarray(first, end).sort(byRegion);
    first = end;
  }
  return order;
}

/** Equal ranks, or both unscored (NaN). */
function isSameRank(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}
