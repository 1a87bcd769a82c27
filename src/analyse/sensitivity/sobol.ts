/**
 * Variance-based sensitivity indices from Saltelli's design (see design.ts), with Jansen's
 * estimators as Saltelli et al. (2010, Table 2, (b) and (f)) give them, and percentile
 * bootstrap confidence intervals. `y[j × (k + 2) + m]` is the output of base sample j's
 * replication m (0 = A, 1 = B, 2 + i = A_B^(i)).
 *
 * - V = the variance of the 2N outputs of A and B together (divisor 2N);
 * - first order Sᵢ = (V − 1/(2N) Σⱼ (f(B)ⱼ − f(A_B^(i))ⱼ)²) / V;
 * - total STᵢ = 1/(2N) Σⱼ (f(A)ⱼ − f(A_B^(i))ⱼ)² / V.
 */
import { designRow, streamOf } from './design.js';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

export interface SobolIndex {
  /** First-order index and its confidence interval; NaN when the output does not vary. */
  readonly first: number;
  readonly firstLow: number;
  readonly firstHigh: number;
  /** Total-order index and its confidence interval. */
  readonly total: number;
  readonly totalLow: number;
  readonly totalHigh: number;
}

export interface SobolOptions {
  /** Bootstrap resamples for the intervals. */
  readonly bootstrap: number;
  /** Seed of the bootstrap's stream (kept apart from the replications' streams). */
  readonly seed: number;
  /** Two-sided level of the intervals; 0.95 gives the 2.5th and 97.5th percentiles. */
  readonly confidence?: number;
}

/** Salt of the bootstrap stream: no replication stream uses it. */
const BOOTSTRAP_SALT = 0x5b007;

/** Indices of each of the k assumptions from `y` (length N × (k + 2)). */
export function sobolIndices(y: Float64Array, k: number, options: SobolOptions): SobolIndex[] {
  const n = Math.floor(y.length / (k + 2));
  const all = new Uint32Array(n);
  for (let j = 0; j < n; j++) all[j] = j;
  const point = estimate(y, k, all);
  const resamples = options.bootstrap;
  const firsts = Array.from({ length: k }, () => new Float64Array(resamples));
  const totals = Array.from({ length: k }, () => new Float64Array(resamples));
  const rng = streamOf(options.seed, 0, BOOTSTRAP_SALT);
  const pick = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let j = 0; j < n; j++) pick[j] = Math.floor(uniformFloat64(rng) * n);
    const e = estimate(y, k, pick);
    for (let i = 0; i < k; i++) {
      firsts[i]![b] = e.first[i]!;
      totals[i]![b] = e.total[i]!;
    }
  }
  const alpha = (1 - (options.confidence ?? 0.95)) / 2;
  return Array.from({ length: k }, (_, i) => {
    const f = sortedFinite(firsts[i]!);
    const t = sortedFinite(totals[i]!);
    return {
      first: point.first[i]!,
      firstLow: quantileSorted(f, alpha),
      firstHigh: quantileSorted(f, 1 - alpha),
      total: point.total[i]!,
      totalLow: quantileSorted(t, alpha),
      totalHigh: quantileSorted(t, 1 - alpha),
    };
  });
}

/** Point estimates over the base samples `rows` (all of them, or a bootstrap resample). */
function estimate(y: Float64Array, k: number, rows: Uint32Array): { first: Float64Array; total: Float64Array } {
  const stride = k + 2;
  const n = rows.length;
  let sum = 0;
  for (const j of rows) sum += y[j * stride]! + y[j * stride + 1]!;
  const mean = sum / (2 * n);
  let squares = 0;
  for (const j of rows) {
    const a = y[j * stride]! - mean;
    const b = y[j * stride + 1]! - mean;
    squares += a * a + b * b;
  }
  const variance = squares / (2 * n);
  const first = new Float64Array(k);
  const total = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let firstSum = 0;
    let totalSum = 0;
    for (const j of rows) {
      const a = y[j * stride]!;
      const b = y[j * stride + 1]!;
      const ab = y[j * stride + 2 + i]!;
      firstSum += (b - ab) * (b - ab);
      totalSum += (a - ab) * (a - ab);
    }
    first[i] = variance > 0 ? (variance - firstSum / (2 * n)) / variance : NaN;
    total[i] = variance > 0 ? totalSum / (2 * n) / variance : NaN;
  }
  return { first, total };
}

function sortedFinite(values: Float64Array): Float64Array {
  return values.filter((v) => Number.isFinite(v)).sort();
}

/** R's quantile type 7 (linear between order statistics) of sorted values; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The Saltelli outputs of `model` (a function of one input row) over `runs` base samples: the
 * same design and streams the sensitivity core uses, for estimator tests on known functions.
 */
export function saltelliOutputs(model: (u: Float64Array) => number, widths: readonly number[], runs: number, seed: number): Float64Array {
  const offsets: number[] = [];
  let d = 0;
  for (const w of widths) {
    offsets.push(d);
    d += w;
  }
  const layout = { widths, offsets, dimension: d };
  const k = widths.length;
  const y = new Float64Array(runs * (k + 2));
  const row = new Float64Array(d);
  const scratch = new Float64Array(2 * d);
  for (let e = 0; e < y.length; e++) {
    designRow('sobol', seed, layout, e, row, scratch);
    y[e] = model(row);
  }
  return y;
}
