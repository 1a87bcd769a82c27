import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportingOrder } from '../../src/score/order.js';
import { roundHalfAwayFromZero } from '../../src/score/precision.js';
import { rankWithinPartitions } from '../../src/score/rank.js';
import { sortPresentRows } from '../../src/score/sorted-rows.js';

function ranks(scores: readonly number[], partitions: readonly (readonly number[])[] = [[...scores.keys()]]) {
  const rank = new Float64Array(scores.length);
  const percentile = new Float64Array(scores.length);
  rankWithinPartitions(Float64Array.from(scores), partitions.map((p) => Uint32Array.from(p)), rank, percentile);
  return { rank: Array.from(rank), percentile: Array.from(percentile) };
}

describe('competition ranks', () => {
  it('rank 1, 2, 2, 4 with the percentile share of scores ≤ own', () => {
    const result = ranks([80, 90, 70, 80]);
    // Descending: 90 → 1; the two 80s → 2 (one score above them); 70 → 4 (three above).
    expect(result.rank).toEqual([2, 1, 4, 2]);
    // Scores ≤ 80: 80, 70, 80 → 3/4; ≤ 90: all 4 → 1; ≤ 70: 1/4.
    expect(result.percentile).toEqual([0.75, 1, 0.25, 0.75]);
  });

  it('leave unscored rows out', () => {
    const result = ranks([NaN, 5, 7]);
    // Two scored: 7 → rank 1, percentile 2/2; 5 → rank 2, percentile 1/2.
    expect(result.rank).toEqual([NaN, 2, 1]);
    expect(result.percentile).toEqual([NaN, 0.5, 1]);
  });

  it('rank within each period separately', () => {
    // Period A rows 0, 2: 10 > 5; period B rows 1, 3: 20 > 1.
    const result = ranks([10, 1, 5, 20], [[0, 2], [1, 3]]);
    expect(result.rank).toEqual([1, 2, 2, 1]);
  });

  it('treat −0 and +0 as the same score', () => {
    expect(ranks([-0, 0, 1]).rank).toEqual([2, 2, 1]);
  });

  it('agree with counting the strictly higher scores (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true }), fc.constant(NaN)), { maxLength: 40 }), (scores) => {
        const result = ranks(scores);
        scores.forEach((s, i) => {
          if (Number.isNaN(s)) {
            expect(result.rank[i]).toBeNaN();
            return;
          }
          const scored = scores.filter((t) => !Number.isNaN(t));
          expect(result.rank[i]).toBe(1 + scored.filter((t) => t > s).length);
          expect(result.percentile[i]).toBe(scored.filter((t) => t <= s).length / scored.length);
        });
      }),
    );
  });
});

describe('sortPresentRows', () => {
  it('sorts present values ascending with their rows, including negatives and infinities', () => {
    const sorted = sortPresentRows(Float64Array.from([3, NaN, -2, Infinity, 0.5, -Infinity, -2]), Uint32Array.from([0, 1, 2, 3, 4, 5, 6]));
    expect(Array.from(sorted.values)).toEqual([-Infinity, -2, -2, 0.5, 3, Infinity]);
    // Equal values keep row order (rows 2 then 6).
    expect(Array.from(sorted.rows)).toEqual([5, 2, 6, 4, 0, 3]);
  });

  it('matches a plain numeric sort (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { maxLength: 200 }), (values) => {
        const sorted = sortPresentRows(Float64Array.from(values), Uint32Array.from(values.keys()));
        const expected = [...values].sort((a, b) => a - b);
        // Compare with == semantics for ±0, which the sort treats as one value.
        expect(Array.from(sorted.values).map((x) => (x === 0 ? 0 : x))).toEqual(expected.map((x) => (x === 0 ? 0 : x)));
        sorted.rows.forEach((row, k) => expect(values[row] === sorted.values[k] || (values[row] === 0 && sorted.values[k] === 0)).toBe(true));
      }),
    );
  });
});

describe('precision rounding', () => {
  it('rounds half away from zero, as the decimal reads', () => {
    // The double nearest 2.675 is 2.67499999999999982…; it still reads as a half and goes up.
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(1.005, 2)).toBe(1.01);
    expect(roundHalfAwayFromZero(-2.675, 2)).toBe(-2.68);
    // 0.125 is exact in binary: a true half, away from zero.
    expect(roundHalfAwayFromZero(0.125, 2)).toBe(0.13);
    expect(roundHalfAwayFromZero(86.41499, 2)).toBe(86.41);
    expect(roundHalfAwayFromZero(79.996, 2)).toBe(80);
    expect(roundHalfAwayFromZero(45.5, 0)).toBe(46);
    expect(roundHalfAwayFromZero(-0.001, 2)).toBe(0);
    expect(roundHalfAwayFromZero(NaN, 2)).toBeNaN();
  });
});

describe('reporting order', () => {
  it('sorts by period, rank (unscored last), then region code', () => {
    const periodOf = Int32Array.from([1, 0, 0, 0, 1]);
    const rank = Float64Array.from([1, NaN, 2, 2, 2]);
    const region = ['r1', 'r2', 'r4', 'r3', 'r0'];
    // Period 0: rank 2 tie (r3 before r4), then unscored r2; period 1: r1 (rank 1), r0 (rank 2).
    expect(Array.from(reportingOrder(periodOf, rank, region))).toEqual([3, 2, 1, 0, 4]);
  });
});
