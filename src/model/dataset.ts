/**
 * Submissions after loading: columnar, one Float64Array per indicator aligned with
 * `ResolvedFramework.indicators`, NaN for a missing value. Rows are (region, period) pairs in
 * the order they were read; nothing downstream depends on that order.
 */
export interface InputFile {
  readonly path: string;
  readonly sha256: string;
}

/** Where a row came from, for diagnostics that name the file and line. */
export interface RowSource {
  readonly file: string;
  /** 1-based physical line of the row in the file (for long CSV: of its first cell). */
  readonly line: number;
}

export interface Dataset {
  readonly rowCount: number;
  readonly region: readonly string[];
  /** Region display name; '' when the submission gave none. */
  readonly name: readonly string[];
  /** Region group (east/central/west…); '' when none. */
  readonly group: readonly string[];
  /** Period label (e.g. '2022'); '' when the submissions have no period column. */
  readonly period: readonly string[];
  /** values[indicator.index][row]; NaN = missing. Raw values, as submitted (levels already mapped). */
  readonly values: readonly Float64Array[];
  readonly sources: readonly RowSource[];
  /**
   * 1 for a row with a data error (a bad cell, a value outside `range`): it is kept in the output
   * but left unscored and out of every other region's normalisation, so one bad cell neither
   * becomes a silent zero nor shifts anybody else's score. Absent = no row excluded.
   */
  readonly excluded?: Uint8Array | undefined;
  readonly inputs: readonly InputFile[];
  /**
   * Non-indicator columns that indicators are divided by (`denominator:`), by column name as
   * the framework writes it; NaN = missing. Absent when no indicator has a denominator.
   */
  readonly denominators?: ReadonlyMap<string, Float64Array> | undefined;
}
