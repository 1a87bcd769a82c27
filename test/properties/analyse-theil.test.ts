import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { theilDecomposition, theilIndex } from '../../src/analyse/inequality.js';

/** Positive scores, each with one of a few group labels. */
const scoredRegions = fc.array(
  fc.record({
    score: fc.double({ min: 0.01, max: 1000, noNaN: true }),
    group: fc.constantFrom('east', 'central', 'west', 'northeast', 'other'),
  }),
  { minLength: 1, maxLength: 60 },
);

describe('Theil decomposition', () => {
  it('between + within equals the total for any positive scores and groups', () => {
    fc.assert(
      fc.property(scoredRegions, (regions) => {
        const d = theilDecomposition(
          regions.map((r) => r.score),
          regions.map((r) => r.group),
        );
        expect(d.between + d.within).toBeCloseTo(d.total, 9);
        expect(d.between).toBeGreaterThanOrEqual(-1e-12);
        expect(d.within).toBeGreaterThanOrEqual(-1e-12);
      }),
    );
  });

  it('the group shares s_g add up to 1', () => {
    fc.assert(
      fc.property(scoredRegions, (regions) => {
        const d = theilDecomposition(
          regions.map((r) => r.score),
          regions.map((r) => r.group),
        );
        expect(d.groups.reduce((sum, g) => sum + g.share, 0)).toBeCloseTo(1, 9);
      }),
    );
  });

  it('is scale-free: multiplying every score by c > 0 leaves T unchanged', () => {
    fc.assert(
      fc.property(scoredRegions, fc.double({ min: 0.1, max: 100, noNaN: true }), (regions, c) => {
        const scores = regions.map((r) => r.score);
        expect(theilIndex(scores.map((s) => s * c))).toBeCloseTo(theilIndex(scores), 9);
      }),
    );
  });

  it('is 0 between groups when every group has the same mean', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), (scores) => {
        // The same values in two groups: both group means equal the overall mean.
        const d = theilDecomposition([...scores, ...scores], [...scores.map(() => 'a'), ...scores.map(() => 'b')]);
        expect(d.between).toBeCloseTo(0, 12);
      }),
    );
  });
});
