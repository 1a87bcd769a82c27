/**
 * The three statistical-coherence measures of the OECD/JRC Handbook (step 4) and COINr's
 * get_corr / get_cronbach / get_PCA, on columns of scores with NaN for "no value":
 * - Pearson correlation over the rows where both columns have a value (pairwise complete);
 * - Cronbach's alpha over the rows where every column has one (complete cases):
 *   α = k/(k − 1) · (1 − Σ var(column) / var(row sums)), sample variances;
 * - the share of variance of the first principal component of the standardised columns
 *   (complete cases), i.e. of their correlation matrix — ml-pca with `scale: true`.
 * simple-statistics and ml-pca do the arithmetic; this module decides what "not enough data"
 * means (NaN rather than a throw).
 */
import { PCA } from 'ml-pca';
import { simpleStatistics } from '../../weights/lazy-libraries.js';

/** Pearson's r of x and y over the rows where both are present; NaN with fewer than 3 such rows or no spread. */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const a = x[i] ?? NaN;
    const b = y[i] ?? NaN;
    if (a === a && b === b) {
      xs.push(a);
      ys.push(b);
    }
  }
  if (xs.length < 3 || !hasSpread(xs) || !hasSpread(ys)) return NaN;
  return simpleStatistics().sampleCorrelation(xs, ys);
}

/** The rows (as arrays, one value per column) where every column has a value. */
export function completeCases(columns: readonly ArrayLike<number>[]): number[][] {
  const n = Math.min(...columns.map((c) => c.length));
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row = columns.map((c) => c[i] ?? NaN);
    if (row.every((x) => x === x)) rows.push(row);
  }
  return rows;
}

/** Cronbach's alpha of the columns over complete cases; NaN with fewer than 2 columns, 3 cases, or no variance in the sums. */
export function cronbachAlpha(columns: readonly ArrayLike<number>[]): number {
  const k = columns.length;
  const rows = completeCases(columns);
  if (k < 2 || rows.length < 3) return NaN;
  const itemVariance = columns.reduce((sum, _, j) => sum + simpleStatistics().sampleVariance(rows.map((r) => r[j] ?? NaN)), 0);
  const totalVariance = simpleStatistics().sampleVariance(rows.map((r) => r.reduce((s, x) => s + x, 0)));
  if (!(totalVariance > 0)) return NaN;
  return (k / (k - 1)) * (1 - itemVariance / totalVariance);
}

/**
 * Share of the total variance of the standardised columns carried by the first principal
 * component (complete cases); NaN with fewer than 2 columns or 3 cases, or a constant column.
 */
export function firstComponentShare(columns: readonly ArrayLike<number>[]): number {
  const rows = completeCases(columns);
  if (columns.length < 2 || rows.length < 3) return NaN;
  for (let j = 0; j < columns.length; j++) if (!hasSpread(rows.map((r) => r[j] ?? NaN))) return NaN;
  const share = new PCA(rows, { scale: true, center: true }).getExplainedVariance()[0];
  return share ?? NaN;
}

function hasSpread(values: readonly number[]): boolean {
  return values.some((x) => x !== values[0]);
}
