import { describe, expect, it } from 'vitest';
import { AHP_MAX_SIZE, RANDOM_INDEX, ahpWeights, parseAhpEntry } from '../../src/weights/ahp.js';
import { combineWeights } from '../../src/weights/combine.js';
import { criticWeights } from '../../src/weights/critic.js';
import { cvWeights } from '../../src/weights/cv.js';
import { entropyWeights } from '../../src/weights/entropy.js';
import type { WeightsOutcome } from '../../src/weights/outcome.js';
import { pcaWeights } from '../../src/weights/pca.js';

const cols = (...columns: number[][]) => columns.map((c) => Float64Array.from(c));

function weightsOf(outcome: WeightsOutcome): readonly number[] {
  if (outcome.kind !== 'weights') throw new Error(`expected weights, got ${outcome.reason}`);
  return outcome.weights;
}

function expectClose(actual: readonly number[], expected: readonly number[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, digits));
}

// Three regions × three indicators, used by entropy and CRITIC:
//   A = [10, 20, 30] → min–max [0, 0.5, 1]
//   B = [5, 5, 9]    → [0, 0, 1]
//   C = [1, 3, 3]    → [0, 1, 1]
const A = [10, 20, 30];
const B = [5, 5, 9];
const C = [1, 3, 3];

describe('entropy weights', () => {
  it('matches the hand computation on three regions', () => {
    // A: p = [0, 1/3, 2/3]; Σ p ln p = (1/3)ln(1/3) + (2/3)ln(2/3) = −0.366204 − 0.270310 = −0.636514
    //    e = 0.636514 / ln 3 (1.098612) = 0.579380, d = 0.420620
    // B: p = [0, 0, 1]; Σ p ln p = 0 (0·ln 0 = 0, 1·ln 1 = 0); e = 0, d = 1
    // C: p = [0, 1/2, 1/2]; Σ = ln(1/2) = −0.693147; e = 0.630930, d = 0.369070
    // Σd = 1.789690 → w = [0.235024, 0.558756, 0.206220]
    expectClose(weightsOf(entropyWeights(cols(A, B, C))), [0.235024, 0.558756, 0.20622]);
  });

  it('gives a constant column weight 0 and flags it (the zero case)', () => {
    // D = [7, 7, 7]: every p = 1/3, e = 1, d = 0; the others keep their d, so the weights are unchanged.
    const outcome = entropyWeights(cols(A, B, C, [7, 7, 7]));
    expectClose(weightsOf(outcome), [0.235024, 0.558756, 0.20622, 0]);
    expect(outcome.kind === 'weights' && outcome.constant).toEqual([false, false, false, true]);
  });

  it('is degenerate when every column is constant, or with one row', () => {
    expect(entropyWeights(cols([1, 1, 1], [2, 2, 2]))).toEqual({ kind: 'degenerate', reason: 'all-constant' });
    expect(entropyWeights(cols([1], [2]))).toEqual({ kind: 'degenerate', reason: 'too-few-rows' });
  });

  it('applies the shift before taking shares', () => {
    // shift 1: A → [1, 1.5, 2], p = [2/9, 1/3, 4/9]; Σ p ln p = −0.334239 − 0.366204 − 0.360413 = −1.060857
    //   e = 1.060857/1.098612 = 0.965634, d = 0.034366
    // B → [1, 1, 2], p = [1/4, 1/4, 1/2]; Σ = 3 · (−0.346574) = −1.039721; e = 0.946395, d = 0.053605
    // C → [1, 2, 2], p = [1/5, 2/5, 2/5]; Σ = −0.321888 − 2·0.366516 = −1.054920; e = 0.960230, d = 0.039770
    // Σd = 0.127741 → w = [0.269029, 0.419638, 0.311333]
    expectClose(weightsOf(entropyWeights(cols(A, B, C), 1)), [0.269029, 0.419638, 0.311333], 5);
  });
});

describe('CRITIC weights', () => {
  it('matches the hand computation on three regions', () => {
    // On [0, .5, 1], [0, 0, 1], [0, 1, 1]: σ_A = 0.5, σ_B = σ_C = √(1/3) = 0.577350
    // r_AB: Σ dev products = (−.5)(−1/3) + 0 + (.5)(2/3) = 0.5; r = 0.5/√(0.5 · 2/3) = 0.866025; r_AC likewise 0.866025
    // r_BC: (−1/3)(−2/3) + (−1/3)(1/3) + (2/3)(1/3) = 1/3; r = (1/3)/(2/3) = 0.5
    // C_A = 0.5 · (0.133975 + 0.133975) = 0.133975
    // C_B = C_C = 0.577350 · (0.133975 + 0.5) = 0.366025; ΣC = 0.866025
    // w = [0.154701, 0.422650, 0.422650]
    expectClose(weightsOf(criticWeights(cols(A, B, C))), [0.154701, 0.42265, 0.42265]);
  });

  it('gives a constant column weight 0 and leaves it out of the conflict sums', () => {
    const outcome = criticWeights(cols(A, B, C, [4, 4, 4]));
    expectClose(weightsOf(outcome), [0.154701, 0.42265, 0.42265, 0]);
  });
});

describe('CV weights', () => {
  it('matches the hand computation on raw values', () => {
    // A = [10, 20, 30]: mean 20, s = 10, CV 0.5
    // B = [5, 5, 8]: mean 6, deviations (−1, −1, 2), s = √(6/2) = 1.732051, CV 0.288675
    // C = [1, 3, 5]: mean 3, s = 2, CV 0.666667
    // ΣCV = 1.455342 → w = [0.343561, 0.198355, 0.458084]
    expectClose(weightsOf(cvWeights(cols(A, [5, 5, 8], [1, 3, 5]))), [0.343561, 0.198355, 0.458084], 5);
  });

  it('is degenerate when a mean is 0', () => {
    expect(cvWeights(cols([-1, 0, 1], [1, 2, 3]))).toEqual({ kind: 'degenerate', reason: 'mean-zero' });
  });
});

describe('PCA weights', () => {
  it('weights two perfectly correlated children equally and an uncorrelated one 0', () => {
    // A = [1, 2, 3, 4], B = [2, 4, 6, 8] (r_AB = 1), C = [1, −1, −1, 1]: C's deviations (1, −1, −1, 1)
    // against A's (−1.5, −.5, .5, 1.5) sum to −1.5 + .5 − .5 + 1.5 = 0, so r_AC = r_BC = 0.
    // Correlation matrix [[1, 1, 0], [1, 1, 0], [0, 0, 1]]: λ₁ = 2 with v = (1, 1, 0)/√2,
    // squared loadings ∝ v² = (1/2, 1/2, 0).
    expectClose(weightsOf(pcaWeights(cols([1, 2, 3, 4], [2, 4, 6, 8], [1, -1, -1, 1]))), [0.5, 0.5, 0]);
  });

  it('gives equal weights when every pair is perfectly correlated, and 0 to a constant child', () => {
    // Correlation matrix of ones: λ₁ = 3, v = (1, 1, 1)/√3, v² = 1/3 each; the constant child is left out.
    expectClose(weightsOf(pcaWeights(cols([1, 2, 3], [3, 5, 7], [10, 20, 30], [5, 5, 5]))), [1 / 3, 1 / 3, 1 / 3, 0]);
  });
});

describe('AHP', () => {
  it('reads numbers and fractions', () => {
    expect(parseAhpEntry(3)).toBe(3);
    expect(parseAhpEntry('1/3')).toBeCloseTo(1 / 3, 12);
    expect(parseAhpEntry(' 2.5 ')).toBe(2.5);
    expect(parseAhpEntry('1/0')).toBe(Infinity);
    expect(parseAhpEntry('a/3')).toBeUndefined();
    expect(parseAhpEntry(null)).toBeUndefined();
  });

  it('a consistent matrix gives its exact ratios and CR 0', () => {
    // a_ij = w_i/w_j with w ∝ (4, 2, 1): eigenvector (4/7, 2/7, 1/7), λmax = n = 3, CI = 0, CR = 0.
    const result = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expectClose(result.weights, [4 / 7, 2 / 7, 1 / 7], 10);
    expect(result.lambdaMax).toBeCloseTo(3, 10);
    expect(result.cr).toBe(0);
    expect(result.worstPair).toBeUndefined();
  });

  it("the textbook 3 × 3 example [[1, 3, 5], [1/3, 1, 2], [1/5, 1/2, 1]] gives its published weights and CR 0.003", () => {
    // Published: w ≈ (0.648, 0.230, 0.122), λmax ≈ 3.004, CR ≈ 0.003.
    const result = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 2],
      [1 / 5, 1 / 2, 1],
    ]);
    expectClose(result.weights, [0.648, 0.23, 0.122], 3);
    expect(result.lambdaMax.toFixed(3)).toBe('3.004');
    expect(result.cr.toFixed(3)).toBe('0.003');
  });

  it("Saaty's (1977) chair-brightness matrix is inconsistent: λmax 4.39, CI 0.13, CR 0.14", () => {
    // Saaty, J. Math. Psychology 15 (1977): eigenvector (0.61, 0.24, 0.10, 0.05), λmax = 4.39, C.I. = 0.13.
    // CR = CI/RI = (λmax − 4)/3/0.90; with λmax = 4.390730: 0.130243/0.9 = 0.144715 → 0.145 to 3 decimals
    // (the paper, rounding λmax to 4.39 first, prints 0.14).
    const result = ahpWeights([
      [1, 5, 6, 7],
      [1 / 5, 1, 4, 6],
      [1 / 6, 1 / 4, 1, 4],
      [1 / 7, 1 / 6, 1 / 4, 1],
    ]);
    expectClose(result.weights, [0.61, 0.24, 0.1, 0.05], 1);
    expect(result.lambdaMax.toFixed(2)).toBe('4.39');
    expect(result.ci.toFixed(2)).toBe('0.13');
    expect(result.cr.toFixed(2)).toBe('0.14');
    expect(result.cr.toFixed(3)).toBe('0.145');
    // The judgement a_14 = 7 departs most: w_1/w_4 = 0.6187/0.0451 ≈ 13.7, so ε = 7/13.7 ≈ 0.51.
    expect(result.worstPair).toEqual([0, 3]);
  });

  it("uses Saaty's random index table", () => {
    expect(RANDOM_INDEX).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49]);
    expect(AHP_MAX_SIZE).toBe(10);
    // n = 2 is always consistent: λmax = 2, CR 0.
    expect(ahpWeights([[1, 3], [1 / 3, 1]]).cr).toBe(0);
    expectClose(ahpWeights([[1, 3], [1 / 3, 1]]).weights, [0.75, 0.25], 10);
  });
});

describe('combined weighting', () => {
  it('is the share-weighted arithmetic mean of the weight vectors', () => {
    // shares 1 and 3 → 0.25 and 0.75: w = 0.25·(0.5, 0.3, 0.2) + 0.75·(0.1, 0.1, 0.8) = (0.2, 0.15, 0.65)
    expectClose(
      combineWeights([
        { share: 1, weights: [0.5, 0.3, 0.2] },
        { share: 3, weights: [0.1, 0.1, 0.8] },
      ]),
      [0.2, 0.15, 0.65],
      12,
    );
  });
});
