import { describe, expect, it } from 'vitest';
import type { Treatment } from '../../src/model/resolved.js';
import { momentsOf } from '../../src/prepare/moments.js';
import { logColumn, treatColumn } from '../../src/prepare/treat.js';

const COINR: Treatment = { method: 'winsorise', skew: 2, kurtosis: 3.5, maxPoints: 5, fallback: 'log' };
const rowsOf = (n: number): Uint32Array => Uint32Array.from({ length: n }, (_, i) => i);

describe("treatColumn (COINr's outlier rule)", () => {
  it('leaves a column that passes untouched', () => {
    // 1..10 is symmetric: skew 0, kurtosis −1.2 → passes.
    const values = Float64Array.from({ length: 10 }, (_, i) => i + 1);
    const outcome = treatColumn(values, rowsOf(10), COINR);
    expect(outcome.method).toBe('none');
    expect(outcome.points).toBe(0);
    expect(outcome.changedRows).toEqual([]);
    expect(Array.from(values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('winsorises the one high outlier to the largest remaining value', () => {
    // 1..9, 100: skew 3.119, kurtosis 9.799 → fails; skew ≥ 0 so 100 → 9; then 1..9, 9 has
    // skew −0.151 → passes after 1 point.
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 100]);
    const outcome = treatColumn(values, rowsOf(10), COINR);
    expect(outcome.method).toBe('winsorise');
    expect(outcome.points).toBe(1);
    expect(outcome.changedRows).toEqual([9]);
    expect(outcome.changedFrom).toEqual([100]);
    expect(values[9]).toBe(9);
    expect(outcome.skew).toBeCloseTo(3.1188957452390875, 12);
    expect(outcome.kurtosis).toBeCloseTo(9.799244716163662, 12);
    expect(outcome.skewAfter).toBeCloseTo(-0.15146310708295857, 12);
    expect(outcome.passes).toBe(true);
  });

  it('winsorises a low outlier when the skew is negative', () => {
    // −100, 1..9: skew −3.127 → the minimum −100 → 1 (the smallest remaining value).
    const values = Float64Array.from([-100, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const outcome = treatColumn(values, rowsOf(10), COINR);
    expect(outcome.method).toBe('winsorise');
    expect(outcome.points).toBe(1);
    expect(values[0]).toBe(1);
  });

  it('moves earlier winsorised points along with the maximum: two rounds, two points', () => {
    // 1..8, 30, 100 with limits skew 1.5, kurtosis 1: round 1 sets 100 → 30 (skew 1.609,
    // kurtosis 1.074: both at or above the limits, still failing); round 2 sets both 30s → 8
    // (skew −0.365: passes). Two points differ from the original: 30 → 8 and 100 → 8.
    const values = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 30, 100]);
    const outcome = treatColumn(values, rowsOf(10), { ...COINR, skew: 1.5, kurtosis: 1 });
    expect(outcome.method).toBe('winsorise');
    expect(outcome.points).toBe(2);
    expect(outcome.changedRows).toEqual([8, 9]);
    expect(outcome.changedFrom).toEqual([30, 100]);
    expect(Array.from(values.slice(8))).toEqual([8, 8]);
    expect(outcome.skewAfter).toBeCloseTo(-0.3648610575064821, 12);
  });

  it('falls back to ln(x − min + 0.01·(max − min)) on the ORIGINAL column when max_points do not suffice', () => {
    // 1 ×8, 50, 100 with skew 1.5, kurtosis 1, max_points 1: one round (100 → 50) leaves skew
    // 1.779 and kurtosis 1.406, still failing; so the untreated column is logged:
    // min 1, max 100, shift 0.01·99 = 0.99: ln(1 − 1 + 0.99) = ln 0.99, ln(49.99), ln(99.99).
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 50, 100]);
    const outcome = treatColumn(values, rowsOf(10), { ...COINR, skew: 1.5, kurtosis: 1, maxPoints: 1 });
    expect(outcome.method).toBe('log');
    expect(outcome.points).toBe(1);
    expect(values[0]).toBeCloseTo(Math.log(0.99), 15);
    expect(values[8]).toBeCloseTo(Math.log(49.99), 15);
    expect(values[9]).toBeCloseTo(Math.log(99.99), 15);
    expect(outcome.changedRows).toHaveLength(10);
    expect(outcome.skewAfter).toBe(momentsOf(values).skew);
  });

  it("keeps the winsorised column (not passing) when fallback is 'none'", () => {
    const values = Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 50, 100]);
    const outcome = treatColumn(values, rowsOf(10), { ...COINR, skew: 1.5, kurtosis: 1, maxPoints: 1, fallback: 'none' });
    expect(outcome.method).toBe('winsorise');
    expect(outcome.passes).toBe(false);
    expect(values[9]).toBe(50);
  });

  it('skips missing values and rows outside the scope', () => {
    // Rows 0–9 are the scope (row 3 missing); row 10 belongs to another period and is never read or written.
    const values = Float64Array.from([1, 2, 3, NaN, 4, 5, 6, 7, 8, 9, 1e9]);
    const scope = rowsOf(10);
    values[9] = 100;
    const outcome = treatColumn(values, scope, COINR);
    expect(outcome.method).toBe('winsorise');
    expect(values[3]).toBeNaN();
    expect(values[9]).toBe(8);
    expect(values[10]).toBe(1e9);
  });

  it('logColumn keeps the minimum finite', () => {
    // min 2, max 12, shift 0.1: ln(0.1), ln(5.1), ln(10.1).
    expect(Array.from(logColumn([2, 7, 12]))).toEqual([Math.log(0.1), Math.log(5.1), Math.log(10.1)]);
  });
});
