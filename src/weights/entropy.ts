/**
 * The entropy weight method (熵权法). A child whose values are spread evenly over the regions
 * (high entropy) tells them apart little and gets a small weight; one concentrated on a few
 * regions gets a large one.
 */
import { isConstant, minMaxUnit, normaliseToOne, type WeightsOutcome } from './outcome.js';

/**
 * Entropy weights of `columns` (one per child, the rows of one scope, every value present,
 * direction already applied). Each column is min–max scaled onto [0, 1] and shifted by `shift`;
 * then p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij (with 0·ln 0 = 0),
 * d_j = 1 − e_j, w_j = d_j / Σ_k d_k. A constant column has d_j = 0 (its p are uniform, e = 1).
 */
export function entropyWeights(columns: readonly Float64Array[], shift = 0): WeightsOutcome {
  const n = columns[0]?.length ?? 0;
  if (n < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
  const constant = columns.map(isConstant);
  const divergence = columns.map((column, j) => {
    if (constant[j]) return 0;
    const x = minMaxUnit(column);
    let total = 0;
    for (let i = 0; i < n; i++) {
      x[i] = x[i]! + shift;
      total += x[i]!;
    }
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const p = x[i]! / total;
      if (p > 0) sum += p * Math.log(p);
    }
    const e = -sum / Math.log(n);
    // e ≤ 1 in exact arithmetic; rounding can leave 1 − e a hair below 0.
    return Math.max(0, 1 - e);
  });
  return normaliseToOne(divergence, constant);
}
