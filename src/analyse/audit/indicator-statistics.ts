/**
 * Per-indicator statistics for `dgmi audit` (COINr's get_stats): coverage, min, max, mean, sd,
 * skewness and kurtosis of the values preparation starts from — raw, divided by the
 * denominator where there is one, before imputation — in one period, and what COINr's outlier
 * rule would do to them (the indicator's own `treat`, or COINr's defaults when it has none).
 */
import type { Dataset } from '../../model/dataset.js';
import type { ResolvedIndicator, Treatment } from '../../model/resolved.js';
import { denominateColumn } from '../../prepare/denominate.js';
import { momentsOf } from '../../prepare/moments.js';
import { treatColumn } from '../../prepare/treat.js';
import { COINR_TREATMENT } from '../../validate/resolve.js';

export interface OutlierPreview {
  /** Whether the skew/kurtosis test fails on the untreated values. */
  readonly fires: boolean;
  /** Whether the framework treats this indicator (otherwise the preview uses COINr's defaults). */
  readonly isConfigured: boolean;
  readonly method: 'none' | 'winsorise' | 'log';
  readonly points: number;
  readonly skewAfter: number;
  readonly kurtosisAfter: number;
}

export interface IndicatorStatistics {
  /** Units of the period (rows with data errors and units screened out left out). */
  readonly units: number;
  /** Units with a value. */
  readonly count: number;
  /** count / units; NaN with no unit. */
  readonly coverage: number;
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Sample standard deviation. */
  readonly sd: number;
  readonly skew: number;
  readonly kurtosis: number;
  readonly outlier: OutlierPreview;
}

/** The statistics of `indicator` over `rows` of `dataset`. */
export function indicatorStatistics(indicator: ResolvedIndicator, dataset: Dataset, rows: Uint32Array): IndicatorStatistics {
  const column = preparedInput(indicator, dataset);
  const values = Float64Array.from(rows, (row) => column[row] ?? NaN);
  const moments = momentsOf(values);
  let min = Infinity;
  let max = -Infinity;
  for (const x of values) {
    if (x !== x) continue;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  const spec: Treatment = indicator.treat ?? COINR_TREATMENT;
  const treated = treatColumn(Float64Array.from(values), Uint32Array.from(values.keys()), spec);
  return {
    units: rows.length,
    count: moments.n,
    coverage: rows.length === 0 ? NaN : moments.n / rows.length,
    min: moments.n === 0 ? NaN : min,
    max: moments.n === 0 ? NaN : max,
    mean: moments.mean,
    sd: moments.sd,
    skew: moments.skew,
    kurtosis: moments.kurtosis,
    outlier: {
      fires: treated.method !== 'none',
      isConfigured: indicator.treat !== undefined,
      method: treated.method,
      points: treated.points,
      skewAfter: treated.skewAfter,
      kurtosisAfter: treated.kurtosisAfter,
    },
  };
}

/** The raw column, divided by its denominator when it has one (a missing or bad denominator gives a missing value). */
function preparedInput(indicator: ResolvedIndicator, dataset: Dataset): ArrayLike<number> {
  const raw = dataset.values[indicator.index] ?? new Float64Array(dataset.rowCount).fill(NaN);
  const spec = indicator.denominator;
  if (!spec) return raw;
  const denominator = dataset.denominators?.get(spec.column);
  if (!denominator) return new Float64Array(dataset.rowCount).fill(NaN);
  return denominateColumn(raw, denominator, spec.factor).value;
}
