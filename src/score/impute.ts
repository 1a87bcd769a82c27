/**
 * Imputation of missing raw values (the `mean`, `median` and `group-mean` policies). It runs on
 * raw values, before any transform, one period at a time: a value is only ever filled from the
 * same indicator in the same period (and, for `group-mean`, the same region group).
 */

export type ImputePolicy = 'mean' | 'median' | 'group-mean';

/** Region groups of the rows, for `group-mean`. */
export interface RowGroups {
  /** Group index of every row of the dataset. */
  readonly groupOf: Int32Array;
  /** Number of distinct groups. */
  readonly count: number;
}

export interface ImputeOutcome {
  /** How many cells were filled. */
  readonly filled: number;
  /** The rows had no present value at all, so missing cells stay missing. */
  readonly noValues: boolean;
  /** Groups (indices) with a missing cell but no present value, filled from the period mean instead. */
  readonly fallbackGroups: readonly number[];
}

/** Mean of the present (non-NaN) values among `rows`; NaN when none is present. */
export function presentMean(values: Float64Array, rows: Uint32Array): number {
  let sum = 0;
  let n = 0;
  for (const row of rows) {
    const x = values[row] ?? NaN;
    if (x === x) {
      sum += x;
      n++;
    }
  }
  return n === 0 ? NaN : sum / n;
}

/** Median of the present values among `rows` (mean of the two middle ones when even); NaN when none. */
export function presentMedian(values: Float64Array, rows: Uint32Array): number {
  const present = new Float64Array(rows.length);
  let n = 0;
  for (const row of rows) {
    const x = values[row] ?? NaN;
    if (x === x) present[n++] = x;
  }
  if (n === 0) return NaN;
  const sorted = present.subarray(0, n).sort();
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Fills the missing cells of `values` among `rows` (one period) in place under `policy`, and
 * sets `imputed[row] = 1` for every cell it filled. `groups` is required for `group-mean`.
 */
export function imputeColumn(
  values: Float64Array,
  rows: Uint32Array,
  policy: ImputePolicy,
  imputed: Uint8Array,
  groups?: RowGroups,
): ImputeOutcome {
  const periodValue = policy === 'median' ? presentMedian(values, rows) : presentMean(values, rows);
  if (periodValue !== periodValue) return { filled: 0, noValues: true, fallbackGroups: [] };

  let groupValue: Float64Array | undefined;
  let groupOf: Int32Array | undefined;
  if (policy === 'group-mean') {
    if (!groups) throw new Error('imputeColumn: group-mean needs the row groups');
    groupOf = groups.groupOf;
    const sum = new Float64Array(groups.count);
    const count = new Uint32Array(groups.count);
    for (const row of rows) {
      const x = values[row] ?? NaN;
      if (x === x) {
        const g = groupOf[row] ?? 0;
        sum[g] = (sum[g] ?? 0) + x;
        count[g] = (count[g] ?? 0) + 1;
      }
    }
    groupValue = new Float64Array(groups.count);
    for (let g = 0; g < groups.count; g++) {
      const c = count[g] ?? 0;
      groupValue[g] = c === 0 ? NaN : (sum[g] ?? 0) / c;
    }
  }

  let filled = 0;
  const fallback = new Set<number>();
  for (const row of rows) {
    if ((values[row] ?? NaN) === (values[row] ?? NaN)) continue;
    let fill = periodValue;
    if (groupValue && groupOf) {
      const g = groupOf[row] ?? 0;
      const own = groupValue[g] ?? NaN;
      if (own === own) fill = own;
      else fallback.add(g);
    }
    values[row] = fill;
    imputed[row] = 1;
    filled++;
  }
  return { filled, noValues: false, fallbackGroups: [...fallback].sort((a, b) => a - b) };
}
