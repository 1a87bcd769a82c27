import { describe, expect, it } from 'vitest';
import { naturalBreakClasses } from '../../src/tier/natural-breaks.js';

describe('naturalBreakClasses', () => {
  it('finds the least-squares split, not merely the widest gap', () => {
    // [0, 3, 4, 10] into 2 classes; within-class sums of squares (SSE):
    //   {0} {3, 4, 10}: mean 17/3; (8/3)² + (5/3)² + (13/3)² = (64 + 25 + 169)/9 = 28.67
    //   {0, 3} {4, 10}: 4.5 + 18 = 22.5
    //   {0, 3, 4} {10}: mean 7/3; (7/3)² + (2/3)² + (5/3)² = (49 + 4 + 25)/9 = 8.67  ← minimum
    const { classOf, count, distinct } = naturalBreakClasses([10, 0, 4, 3], 2);
    expect([...classOf]).toEqual([0, 1, 1, 1]);
    expect(count).toBe(2);
    expect(distinct).toBe(4);
  });

  it('picks the three-class split with the least sum of squares', () => {
    // [0, 1, 2, 6, 7, 13] into 3 contiguous classes: all 10 splits and their SSE
    //   {0}{1}{2,6,7,13} 62    {0}{1,2}{6,7,13} 29.17   {0}{1,2,6}{7,13} 32    {0}{1,2,6,7}{13} 26
    //   {0,1}{2}{6,7,13} 29.17 {0,1}{2,6}{7,13} 26.5    {0,1}{2,6,7}{13} 14.5  {0,1,2}{6}{7,13} 20
    //   {0,1,2,6}{7}{13} 20.75 {0,1,2}{6,7}{13}: 2 + 0.5 + 0 = 2.5  ← minimum
    const { classOf } = naturalBreakClasses([0, 1, 2, 6, 7, 13], 3);
    expect([...classOf]).toEqual([2, 2, 2, 1, 1, 0]);
  });

  it('keeps equal values in one class', () => {
    // {5, 5, 5, 6} {20, 20}: SSE 0.75 + 0; splitting the 5s would cost more and is never optimal.
    const { classOf } = naturalBreakClasses([5, 20, 5, 6, 20, 5], 2);
    expect([...classOf]).toEqual([1, 0, 1, 1, 0, 1]);
  });

  it('forms one class per distinct value when there are fewer distinct values than classes', () => {
    // Distinct values 3 < 4 classes: 9 → 0, 7 → 1, 1 → 2; class 3 is never used.
    const { classOf, count, distinct } = naturalBreakClasses([7, 1, 9, 7, 1], 4);
    expect([...classOf]).toEqual([1, 2, 0, 1, 2]);
    expect(count).toBe(3);
    expect(distinct).toBe(3);
  });

  it('puts a single value, or all-equal values, in the top class', () => {
    expect([...naturalBreakClasses([42], 3).classOf]).toEqual([0]);
    const allEqual = naturalBreakClasses([8, 8, 8], 2);
    expect([...allEqual.classOf]).toEqual([0, 0, 0]);
    expect(allEqual.count).toBe(1);
  });

  it('returns no classes for no values', () => {
    expect(naturalBreakClasses([], 3)).toEqual({ classOf: new Int32Array(0), count: 0, distinct: 0 });
  });

  it('accepts a Float64Array', () => {
    expect([...naturalBreakClasses(Float64Array.from([1, 100]), 2).classOf]).toEqual([1, 0]);
  });

  it('rejects NaN and a non-positive class count as programmer errors', () => {
    expect(() => naturalBreakClasses([1, Number.NaN], 2)).toThrow(/finite/);
    expect(() => naturalBreakClasses([1, 2], 0)).toThrow(/positive integer/);
  });
});
