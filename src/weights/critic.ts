/**
 * CRITIC (Criteria Importance Through Intercriteria Correlation, Diakoulaki et al. 1995): a
 * child weighs more the more it varies (contrast) and the less it agrees with its siblings
 * (conflict).
 */
import { simpleStatistics } from './lazy-libraries.js';
import { isConstant, minMaxUnit, normaliseToOne, type WeightsOutcome } from './outcome.js';

/**
 * CRITIC weights of `columns` (one per child, the rows of one scope, every value present):
 * on the min–max normalised columns, C_j = σ_j · Σ_k (1 − r_jk) with σ the sample standard
 * deviation and r Pearson's correlation, w_j = C_j / Σ C. A constant column has σ = 0, so
 * C = 0; its correlation with the others is undefined, so it is left out of their sums.
 */
export function criticWeights(columns: readonly Float64Array[]): WeightsOutcome {
  const n = columns[0]?.length ?? 0;
  if (n < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
  const constant = columns.map(isConstant);
  const unit = columns.map((column) => Array.from(minMaxUnit(column)));
  const sd = unit.map((x, j) => (constant[j] ? 0 : simpleStatistics().sampleStandardDeviation(x)));
  const information = unit.map((x, j) => {
    if (constant[j]) return 0;
    let conflict = 0;
    unit.forEach((y, k) => {
      if (k !== j && !constant[k]) conflict += 1 - simpleStatistics().sampleCorrelation(x, y);
    });
    return sd[j]! * conflict;
  });
  return normaliseToOne(information, constant);
}
