/**
 * What data preparation did to a submission (issue 10: denominate → impute → screen → treat),
 * kept with the scores so every output can say it. Units and points are named by region and
 * period rather than by row, so the report stays true whatever order the rows are in.
 */

/** A unit `screen` left unscored, with its coverage. */
export interface ScreenedUnit {
  readonly region: string;
  readonly period: string;
  /** Share of the framework's indicators with a value after imputation, on [0, 1]. */
  readonly coverage: number;
}

/** One value the outlier treatment changed. */
export interface TreatedPoint {
  readonly region: string;
  readonly period: string;
  /** The value before treatment (after denominating and imputing). */
  readonly from: number;
  readonly to: number;
}

/** The outcome of COINr's outlier rule on one indicator in one scope (a period, or every period pooled). */
export interface TreatmentRecord {
  readonly indicator: string;
  /** The period; null when normalisation (and so treatment) is pooled across periods. */
  readonly period: string | null;
  /** none: the column passed as it was; winsorise: passed after `points` winsorised; log: the fallback was applied. */
  readonly method: 'none' | 'winsorise' | 'log';
  /** Points winsorised (0 for none; for log, how many were tried before falling back). */
  readonly points: number;
  /** Type-2 skewness and excess kurtosis before treatment (NaN when fewer than 4 values). */
  readonly skew: number;
  readonly kurtosis: number;
  /** The same after treatment (equal to the above for none). */
  readonly skewAfter: number;
  readonly kurtosisAfter: number;
  /** Whether the treated column passes the test (a log column may still fail). */
  readonly passes: boolean;
  /**
   * Every value winsorising changed, in row order of the scope. Empty for the log fallback,
   * which changes every value of the scope (`transformed` of them): listing them all would put
   * a township's whole data set into the report a second time.
   */
  readonly changed: readonly TreatedPoint[];
  /** Values the log fallback transformed (0 unless method is log). */
  readonly transformed: number;
}

export interface PreparationReport {
  /** Indicators divided by a denominator column. */
  readonly denominated: readonly string[];
  /** The screening threshold, when the framework screens. */
  readonly minCoverage?: number | undefined;
  readonly screened: readonly ScreenedUnit[];
  /** One record per treated indicator and scope, in framework then period order. */
  readonly treatments: readonly TreatmentRecord[];
  /** Values filled by a missing-value policy (mean, median, group-mean, zero) among scored units. */
  readonly imputed: number;
}
