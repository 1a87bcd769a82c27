import { describe, expect, it } from 'vitest';
import { summarise } from '../../src/analyse/descriptive.js';

describe('summarise', () => {
  it('gives n, mean, median, min, max, sample sd and CV', () => {
    // 2 4 4 4 5 5 7 9: mean 40/8 = 5; median (4 + 5)/2 = 4.5;
    // squared deviations 9+1+1+1+0+0+4+16 = 32, sample variance 32/7, sd = √(32/7) = 2.138090;
    // CV = sd/mean = 2.138090/5 = 0.427618.
    const s = summarise([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s.n).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.median).toBe(4.5);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
    expect(s.sd).toBeCloseTo(2.138090, 6);
    expect(s.cv).toBeCloseTo(0.427618, 6);
  });

  it('skips NaN (unscored regions) and counts only present values', () => {
    // 10, 30 present: mean 20, sd √(((−10)² + 10²)/1) = √200 = 14.142136, CV 0.707107.
    const s = summarise([10, NaN, 30]);
    expect(s.n).toBe(2);
    expect(s.mean).toBe(20);
    expect(s.sd).toBeCloseTo(14.142136, 6);
    expect(s.cv).toBeCloseTo(0.707107, 6);
  });

  it('has no sd or CV for a single value, and nothing at all for none', () => {
    const one = summarise([42]);
    expect([one.n, one.mean, one.median, one.min, one.max]).toEqual([1, 42, 42, 42, 42]);
    expect(one.sd).toBeNaN();
    expect(one.cv).toBeNaN();
    const none = summarise([NaN]);
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.min).toBeNaN();
  });

  it('has no CV when the mean is 0', () => {
    // −1, 1: mean 0, sd √2; sd/0 says nothing about relative spread.
    const s = summarise([-1, 1]);
    expect(s.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.cv).toBeNaN();
  });
});
