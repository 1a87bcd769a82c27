/**
 * Screening (COINr's Screen(), `unit_screen = "byNA"`): a unit whose share of indicators with a
 * value falls below `min_coverage` is not scored. It runs after imputation, as in COINr's
 * pipeline B, so an imputed value counts as present: screening removes the units imputation
 * could not fill, not the units it filled.
 */

/** Per row, the share of `columns` that have a value there (a present number, or `isFilled`). */
export function coverageOf(
  columns: readonly { readonly value: Float64Array; readonly zeroed?: Uint8Array | undefined }[],
  rowCount: number,
): Float64Array {
  const present = new Float64Array(rowCount);
  for (const column of columns) {
    const { value, zeroed } = column;
    for (let row = 0; row < rowCount; row++) {
      const x = value[row] ?? NaN;
      // A `zero` policy fills its cells after normalising, but they are filled all the same.
      if (x === x || zeroed?.[row] === 1) present[row]! += 1;
    }
  }
  const count = columns.length;
  for (let row = 0; row < rowCount; row++) present[row] = count === 0 ? 1 : present[row]! / count;
  return present;
}

/** Rows whose coverage is below `minCoverage`, in row order. */
export function rowsBelowCoverage(coverage: Float64Array, minCoverage: number): number[] {
  const rows: number[] = [];
  coverage.forEach((share, row) => {
    if (share < minCoverage) rows.push(row);
  });
  return rows;
}
