/**
 * The entropy weight method (熵权法). A child whose values are spread evenly over the regions
 * (high entropy) tells them apart little and gets a small weight; one concentrated on a few
 * regions gets a large one.
 */
import { normaliseToOne, type WeightsOutcome } from './outcome.js';

/**
 * Entropy weights of `columns` (one per child, the rows of one scope, every value present,
 * direction already applied). Each column is min–max scaled onto [0, 1] and shifted by `shift`;
 * then p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij (with 0·ln 0 = 0),
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k. A constant column has d_j = 0 (its p are uniform, e = 1).
 */
export function entropyWeights(columns: readonly Float64Array[], shift = 0): WeightsOutcome {
  const n = columns[0]?.length ?? 0;
  return entropyWeightsAt(columns, Uint32Array.from({ length: n }, (_, i) => i), shift);
}

/**
 * The same over the rows `rows` of full-length columns. Each column is gathered into one reused
 * buffer while its minimum and maximum are found, then summed in one sequential pass: at county
 * and township scale this runs over every cell of every weighted group, so it is kept to two
 * passes a column and no allocation per child.
 */
export function entropyWeightsAt(columns: readonly Float64Array[], rows: Uint32Array, shift = 0): WeightsOutcome {
  const n = rows.length;
  if (n < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
  const logN = Math.log(n);
  const packed = new Float64Array(n);
  const constant: boolean[] = [];
  const divergence: number[] = [];
  for (const column of columns) {
    let low = Infinity;
    let high = -Infinity;
    for (let i = 0; i < n; i++) {
      const v = column[rows[i]!]!;
      packed[i] = v;
      if (v < low) low = v;
      if (v > high) high = v;
    }
    const isFlat = !(high > low);
    constant.push(isFlat);
    divergence.push(isFlat ? 0 : divergenceOf(packed, low, 1 / (high - low), shift, logN));
  }
  return normaliseToOne(divergence, constant);
}

/**
 * d = 1 − e of one varying column in one pass: with x the min–max scaled and shifted values and
 * T = Σ x, Σ p ln p = Σ (x/T) ln(x/T) = (Σ x ln x)/T − ln T, so T and Σ x ln x are summed together.
 */
function divergenceOf(values: Float64Array, low: number, scale: number, shift: number, logN: number): number {
  let total = 0;
  let xLogX = 0;
  for (let i = 0; i < values.length; i++) {
    const x = (values[i]! - low) * scale + shift;
    total += x;
    if (x > 0) xLogX += x * Math.log(x);
  }
  const e = -(xLogX / total - Math.log(total)) / logN;
  // e ≤ 1 in exact arithmetic; rounding can leave 1 − e a hair below 0.
  return Math.max(0, 1 - e);
}
