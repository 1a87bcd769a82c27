/**
 * The entropy weight method (熵权法). A child whose values are spread evenly over the regions
 * (high entropy) tells them apart little and gets a small weight; one concentrated on a few
 * regions gets a large one.
 */
import { isConstant, normaliseToOne, type WeightsOutcome } from './outcome.js';

/**
 * Entropy weights of `columns` (one per child, the rows of one scope, every value present,
 * direction already applied). Each column is min–max scaled onto [0, 1] and shifted by `shift`;
 * then p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij (with 0·ln 0 = 0),
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k. A constant column has d_j = 0 (its p are uniform, e = 1).
 */
export function entropyWeights(columns: readonly Float64Array[], shift = 0): WeightsOutcome {
  return entropyWeightsOf(columns.length, (j) => columns[j]!, shift);
}

/**
 * The same, reading column j through `columnAt(j)` one column at a time, so a caller can gather
 * every column into one reused buffer instead of allocating one per child (at township scale
 * those allocations cost more than the entropy itself).
 */
export function entropyWeightsOf(count: number, columnAt: (j: number) => Float64Array, shift = 0): WeightsOutcome {
  const constant: boolean[] = [];
  const divergence: number[] = [];
  for (let j = 0; j < count; j++) {
    const column = columnAt(j);
    if (column.length < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
    const isFlat = isConstant(column);
    constant.push(isFlat);
    divergence.push(isFlat ? 0 : divergenceOf(column, shift, Math.log(column.length)));
  }
  return normaliseToOne(divergence, constant);
}

/**
 * d = 1 − e of one varying column in two passes and no allocation: with x the min–max scaled and
 * shifted values and T = Σ x, Σ p ln p = Σ (x/T) ln(x/T) = (Σ x ln x)/T − ln T, so T and
 * Σ x ln x are summed together. (At county scale this step runs over every cell of every
 * weighted group, so it is kept as cheap as a normalisation.)
 */
function divergenceOf(column: Float64Array, shift: number, logN: number): number {
  let low = Infinity;
  let high = -Infinity;
  for (let i = 0; i < column.length; i++) {
    const v = column[i]!;
    if (v < low) low = v;
    if (v > high) high = v;
  }
  const scale = 1 / (high - low);
  let total = 0;
  let xLogX = 0;
  for (let i = 0; i < column.length; i++) {
    const x = (column[i]! - low) * scale + shift;
    total += x;
    if (x > 0) xLogX += x * Math.log(x);
  }
  const e = -(xLogX / total - Math.log(total)) / logN;
  // e ≤ 1 in exact arithmetic; rounding can leave 1 − e a hair below 0.
  return Math.max(0, 1 - e);
}
