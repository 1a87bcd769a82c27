/** Rank statistics from a rank histogram equal R's mean() and quantile(type = 7) of the rank list. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankQuantile, rankStatistics } from '../../src/analyse/sensitivity/rank-statistics.js';
import { quantileSorted } from '../../src/analyse/sensitivity/sobol.js';

describe('rankStatistics', () => {
  it('ranks 1, 1, 2, 5 (one replication unscored): mean 2.25, median 1.5, p5 1, p95 4.55', () => {
    // counts[0] = 1 unscored; ranks 1 ×2, 2 ×1, 5 ×1. Mean = (1 + 1 + 2 + 5)/4 = 2.25.
    // Sorted 1, 1, 2, 5: median h = 1.5 → 1 + 0.5·(2 − 1) = 1.5; p5 h = 0.15 → 1;
    // p95 h = 2.85 → 2 + 0.85·(5 − 2) = 4.55.
    const counts = Int32Array.from([9, 9, 1, 2, 1, 0, 0, 1]); // a row at offset 2 of a shared array
    const stats = rankStatistics(counts, 2, 5);
    expect(stats.scored).toBe(4);
    expect(stats.mean).toBe(2.25);
    expect(stats.median).toBe(1.5);
    expect(stats.p5).toBe(1);
    expect(stats.p95).toBeCloseTo(4.55, 12);
  });

  it('no scored replication: NaN statistics', () => {
    const stats = rankStatistics(Int32Array.from([3, 0, 0]), 0, 2);
    expect(stats.scored).toBe(0);
    expect(Number.isNaN(stats.median)).toBe(true);
  });

  it('property: equals the statistics of the expanded, sorted list of ranks', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 60 }), (ranks) => {
        const counts = new Int32Array(13);
        for (const r of ranks) counts[r]!++;
        const sorted = [...ranks].sort((a, b) => a - b);
        const stats = rankStatistics(counts, 0, 12);
        expect(stats.mean).toBeCloseTo(ranks.reduce((s, r) => s + r, 0) / ranks.length, 10);
        expect(stats.median).toBeCloseTo(quantileSorted(sorted, 0.5), 10);
        expect(stats.p5).toBeCloseTo(quantileSorted(sorted, 0.05), 10);
        expect(stats.p95).toBeCloseTo(quantileSorted(sorted, 0.95), 10);
      }),
    );
  });

  it('rankQuantile at any p: ranks 1, 1, 2, 5 give R quantile(type 7) 1, 1.5, 4.1 at 0.25, 0.5, 0.9', () => {
    // counts at offset 2, maxRank 5; the slot at the offset counts unscored replications and is ignored.
    const counts = Int32Array.from([9, 9, 3, 2, 1, 0, 0, 1]);
    // p 0.25: h = 3 × 0.25 = 0.75 → x1 + 0.75 (x2 − x1) = 1; p 0.5: h = 1.5 → 1 + 0.5 × (2 − 1) = 1.5;
    // p 0.9: h = 2.7 → 2 + 0.7 × (5 − 2) = 4.1.
    expect(rankQuantile(counts, 2, 5, 0.25)).toBe(1);
    expect(rankQuantile(counts, 2, 5, 0.5)).toBe(1.5);
    expect(rankQuantile(counts, 2, 5, 0.9)).toBeCloseTo(4.1, 12);
    expect(rankQuantile(counts, 2, 5, 0)).toBe(1);
    expect(rankQuantile(counts, 2, 5, 1)).toBe(5);
    expect(rankQuantile(new Int32Array(6), 0, 5, 0.5)).toBeNaN();
  });
});
