import { describe, expect, it } from 'vitest';
import { completeCases, cronbachAlpha, firstComponentShare, pearson } from '../../src/analyse/audit/coherence-measures.js';

describe('pearson', () => {
  it('computes r of (1, 2, 3) and (2, 4, 7) by hand', () => {
    // dx = −1, 0, 1; dy = −7/3, −1/3, 8/3: Σdx·dy = 7/3 + 8/3 = 5, Σdx² = 2, Σdy² = 114/9.
    // r = 5/√(2 · 114/9) = 15/√228.
    expect(pearson([1, 2, 3], [2, 4, 7])).toBeCloseTo(15 / Math.sqrt(228), 14);
  });

  it('uses the rows where both have a value, and is NaN without 3 of them or without spread', () => {
    expect(pearson([1, NaN, 2, 3, 9], [2, 5, 4, 7, NaN])).toBeCloseTo(15 / Math.sqrt(228), 14);
    expect(pearson([1, 2], [1, 2])).toBeNaN();
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 14);
  });
});

describe('cronbachAlpha', () => {
  it('computes alpha of two columns by hand', () => {
    // a = 1, 2, 3, 4: var 5/3; b = 2, 3, 3, 5: var 4.75/3; sums 3, 5, 6, 9: var 18.75/3 = 6.25.
    // α = 2/1 · (1 − (5/3 + 4.75/3)/6.25) = 2 · (1 − 3.25/6.25) = 0.96.
    expect(cronbachAlpha([[1, 2, 3, 4], [2, 3, 3, 5]])).toBeCloseTo(0.96, 14);
  });

  it('takes complete cases only, and is NaN for one column or fewer than 3 cases', () => {
    expect(cronbachAlpha([[1, 2, 3, 4, NaN], [2, 3, 3, 5, 100]])).toBeCloseTo(0.96, 14);
    expect(completeCases([[1, NaN, 3], [4, 5, NaN]])).toEqual([[1, 4]]);
    expect(cronbachAlpha([[1, 2, 3, 4]])).toBeNaN();
    expect(cronbachAlpha([[1, 2], [2, 3]])).toBeNaN();
  });
});

describe('firstComponentShare', () => {
  it('is (1 + |r|)/2 for two standardised columns', () => {
    // The correlation matrix [[1, r], [r, 1]] has eigenvalues 1 ± r; the first carries (1 + |r|)/2 of 2.
    const a = [1, 2, 3, 4, 6];
    const b = [2, 1, 4, 3, 5];
    const r = pearson(a, b);
    expect(firstComponentShare([a, b])).toBeCloseTo((1 + Math.abs(r)) / 2, 12);
    expect(firstComponentShare([a, a.map((x) => -3 * x + 1)])).toBeCloseTo(1, 12);
  });

  it('is 1 for three perfectly correlated columns, 1/3 for three uncorrelated ones', () => {
    const a = [1, 2, 3, 4];
    expect(firstComponentShare([a, a.map((x) => 2 * x), a.map((x) => x + 7)])).toBeCloseTo(1, 12);
    // Orthogonal centred columns (pairwise r = 0): every eigenvalue of the correlation matrix is 1.
    const u = [1, -1, 1, -1];
    const v = [1, 1, -1, -1];
    const w = [1, -1, -1, 1];
    expect(firstComponentShare([u, v, w])).toBeCloseTo(1 / 3, 12);
  });

  it('is NaN for a constant column or too few cases', () => {
    expect(firstComponentShare([[1, 2, 3], [5, 5, 5]])).toBeNaN();
    expect(firstComponentShare([[1, 2], [2, 1]])).toBeNaN();
  });
});
