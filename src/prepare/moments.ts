/**
 * Skewness and kurtosis as COINr's outlier rule computes them (e1071 type 2, the SAS/SPSS/Excel
 * SKEW and KURT estimators), over the present values only. With d = x − mean:
 *   g    = √n · Σd³ / (Σd²)^1.5,          skew = g · √(n(n−1)) / (n−2)
 *   r    = n · Σd⁴ / (Σd²)²,              kurt = ((n+1)(r−3) + 6)(n−1) / ((n−2)(n−3))
 * Both need n ≥ 4 (kurtosis divides by n−3) and some spread; otherwise they are NaN.
 */

export interface Moments {
  /** Number of present values. */
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation (n − 1); NaN below 2 values. */
  readonly sd: number;
  readonly skew: number;
  /** Excess kurtosis (0 for a normal distribution). */
  readonly kurtosis: number;
}

/** Moments of `values[rows]` (every index when `rows` is absent), NaN entries skipped. */
export function momentsOf(values: ArrayLike<number>, rows?: ArrayLike<number>): Moments {
  const count = rows ? rows.length : values.length;
  const at = (k: number): number => values[rows ? (rows[k] ?? 0) : k] ?? NaN;
  let n = 0;
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const x = at(k);
    if (x === x) {
      n++;
      sum += x;
    }
  }
  const mean = n === 0 ? NaN : sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let k = 0; k < count; k++) {
    const x = at(k);
    if (x !== x) continue;
    const d = x - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  const sd = n >= 2 ? Math.sqrt(m2 / (n - 1)) : NaN;
  if (n < 4 || !(m2 > 0)) return { n, mean, sd, skew: NaN, kurtosis: NaN };
  const g = (Math.sqrt(n) * m3) / m2 ** 1.5;
  const skew = (g * Math.sqrt(n * (n - 1))) / (n - 2);
  const r = (n * m4) / (m2 * m2);
  const kurtosis = (((n + 1) * (r - 3) + 6) * (n - 1)) / ((n - 2) * (n - 3));
  return { n, mean, sd, skew, kurtosis };
}

/**
 * COINr's `check_SkewKurt`: a column passes when |skew| < `skewLimit` or kurtosis < `kurtosisLimit`
 * — it is an outlier problem only when it is both asymmetric and heavy-tailed. A column whose
 * moments are undefined (fewer than 4 values, or constant) has nothing to treat, so it passes.
 */
export function passesSkewKurtosis(moments: Pick<Moments, 'skew' | 'kurtosis'>, skewLimit: number, kurtosisLimit: number): boolean {
  const { skew, kurtosis } = moments;
  if (skew !== skew || kurtosis !== kurtosis) return true;
  return Math.abs(skew) < skewLimit || kurtosis < kurtosisLimit;
}
