import { describe, expect, it } from 'vitest';
import { momentsOf, passesSkewKurtosis } from '../../src/prepare/moments.js';

describe('momentsOf (type-2 skewness and excess kurtosis, as e1071 and Excel)', () => {
  it('computes skew and kurtosis of 1, 2, 3, 4, 10 by hand', () => {
    // n = 5, mean = 4, d = −3, −2, −1, 0, 6: Σd² = 50, Σd³ = 180, Σd⁴ = 1394.
    // g = √5·180/50^1.5 = 0.72·√(5/2); skew = g·√(5·4)/3 = 0.72·√50/3 = 0.24·√50 = 1.2·√2.
    // r = 5·1394/50² = 2.788; kurt = ((6)(2.788 − 3) + 6)(4)/((3)(2)) = 4.728·4/6 = 3.152.
    // sd = √(50/4) = √12.5.
    const m = momentsOf([1, 2, 3, 4, 10]);
    expect(m.n).toBe(5);
    expect(m.mean).toBe(4);
    expect(m.sd).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(m.skew).toBeCloseTo(1.2 * Math.SQRT2, 13);
    expect(m.kurtosis).toBeCloseTo(3.152, 13);
  });

  it('drops missing values first, and reads only the rows it is given', () => {
    const values = Float64Array.from([1, NaN, 2, 3, 99, 4, 10]);
    const all = momentsOf(values.filter((_, i) => i !== 4));
    const viaRows = momentsOf(values, Uint32Array.from([0, 1, 2, 3, 5, 6]));
    expect(viaRows.n).toBe(5);
    expect(viaRows.skew).toBe(all.skew);
    expect(viaRows.kurtosis).toBe(all.kurtosis);
    expect(all.skew).toBeCloseTo(1.2 * Math.SQRT2, 13);
  });

  it('is symmetric: mirroring the values negates the skew and keeps the kurtosis', () => {
    const m = momentsOf([-1, -2, -3, -4, -10]);
    expect(m.skew).toBeCloseTo(-1.2 * Math.SQRT2, 13);
    expect(m.kurtosis).toBeCloseTo(3.152, 13);
  });

  it('gives NaN moments below 4 values and for a constant column (nothing to treat)', () => {
    expect(momentsOf([1, 2, 30]).skew).toBeNaN();
    expect(momentsOf([1, 2, 30]).kurtosis).toBeNaN();
    const constant = momentsOf([5, 5, 5, 5, 5]);
    expect(constant.skew).toBeNaN();
    expect(constant.sd).toBe(0);
    expect(passesSkewKurtosis(constant, 2, 3.5)).toBe(true);
  });
});

describe('passesSkewKurtosis (COINr check_SkewKurt)', () => {
  it('fails only when |skew| and kurtosis are both at or above their limits', () => {
    expect(passesSkewKurtosis({ skew: 2, kurtosis: 3.5 }, 2, 3.5)).toBe(false);
    expect(passesSkewKurtosis({ skew: -2.5, kurtosis: 10 }, 2, 3.5)).toBe(false);
    expect(passesSkewKurtosis({ skew: 1.99, kurtosis: 10 }, 2, 3.5)).toBe(true);
    expect(passesSkewKurtosis({ skew: 5, kurtosis: 3.49 }, 2, 3.5)).toBe(true);
  });
});
