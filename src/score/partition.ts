/**
 * Rows partitioned by a label column (period, region group). Every per-period statistic, rank
 * and imputation loops over one partition's row list instead of testing labels per cell.
 */

export interface Partition {
  /** Distinct labels, sorted by code unit (locale-free, so identical on every machine). */
  readonly labels: readonly string[];
  /** Index into `labels` for every row. */
  readonly labelOf: Int32Array;
  /** Rows of each label, ascending. */
  readonly rows: readonly Uint32Array[];
}

/** Locale-free string order: by UTF-16 code unit, as `Array.prototype.sort` does by default. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Partitions the rows of a label column; an empty label ('') is a label like any other. */
export function partitionRows(column: readonly string[]): Partition {
  const labels = [...new Set(column)].sort(compareCodeUnits);
  const indexOf = new Map<string, number>();
  labels.forEach((label, i) => indexOf.set(label, i));
  const labelOf = new Int32Array(column.length);
  const counts = new Uint32Array(labels.length);
  // Rows come in runs of one label (a period's rows, after the engine's canonical order): a row
  // with the previous row's label skips the map lookup.
  let previousLabel: string | undefined;
  let previousIndex = 0;
  for (let row = 0; row < column.length; row++) {
    const label = column[row] ?? '';
    const i = label === previousLabel ? previousIndex : (indexOf.get(label) ?? 0);
    previousLabel = label;
    previousIndex = i;
    labelOf[row] = i;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  const rows = labels.map((_, i) => new Uint32Array(counts[i] ?? 0));
  const filled = new Uint32Array(labels.length);
  for (let row = 0; row < column.length; row++) {
    const i = labelOf[row] ?? 0;
    const list = rows[i];
    const at = filled[i] ?? 0;
    if (list) list[at] = row;
    filled[i] = at + 1;
  }
  return { labels, labelOf, rows };
}

/** All rows 0…n−1 as one partition (the pooled normalisation scope). */
export function allRows(rowCount: number): Uint32Array {
  const rows = new Uint32Array(rowCount);
  for (let row = 0; row < rowCount; row++) rows[row] = row;
  return rows;
}
