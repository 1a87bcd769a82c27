/**
 * The coefficient-of-variation method (变异系数法): a child weighs in proportion to its relative
 * spread, which, unlike entropy or CRITIC, is read from the raw values (after imputation and
 * transform), so it does not depend on how the children were normalised.
 */
import { simpleStatistics } from './lazy-libraries.js';
import { isConstant, normaliseToOne, type WeightsOutcome } from './outcome.js';

/**
 * CV weights of `columns` (raw values of one scope, every value present):
 * CV_j = s_j / |x̄_j| with s the sample standard deviation, w_j = CV_j / Σ CV. A column with
 * mean 0 has no CV, so the whole group is degenerate (`mean-zero`).
 */
export function cvWeights(columns: readonly Float64Array[]): WeightsOutcome {
  const n = columns[0]?.length ?? 0;
  if (n < 2) return { kind: 'degenerate', reason: 'too-few-rows' };
  const constant = columns.map(isConstant);
  const cv: number[] = [];
  for (const [j, column] of columns.entries()) {
    if (constant[j]) {
      cv.push(0);
      continue;
    }
    const values = Array.from(column);
    const m = simpleStatistics().mean(values);
    if (m === 0) return { kind: 'degenerate', reason: 'mean-zero' };
    cv.push(simpleStatistics().sampleStandardDeviation(values) / Math.abs(m));
  }
  return normaliseToOne(cv, constant);
}
