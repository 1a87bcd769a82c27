import { describe, expect, it } from 'vitest';
import type { Direction, Transform } from '../../src/model/framework.js';
import type { Normalise } from '../../src/model/resolved.js';
import { isBoundedNormalise, normaliseColumn } from '../../src/score/normalise.js';
import { isInTransformDomain, transformColumn, transformNormalise, transformValue } from '../../src/score/transform.js';

/** Normalises every row of `values` (NaN = missing) on a 0–100 scale. */
function run(values: readonly number[], normalise: Normalise, direction: Direction = 'positive', scale = 100) {
  const column = Float64Array.from(values);
  const rows = Uint32Array.from(values.keys());
  const out = new Float64Array(values.length);
  const outcome = normaliseColumn(column, rows, normalise, direction, scale, out);
  return { out: Array.from(out), ...outcome };
}

/** Transform the values and the constants, then normalise, as the engine does. */
function runTransformed(values: readonly number[], transform: Transform, normalise: Normalise, direction: Direction = 'positive') {
  const transformed = transformNormalise(normalise, transform);
  if (!('normalise' in transformed)) throw new Error('constants outside the domain');
  const column = Float64Array.from(values);
  transformColumn(transform, column, column);
  return run(Array.from(column), transformed.normalise, direction);
}

describe('minmax', () => {
  it('maps min to 0 and max to scale over the present values', () => {
    // min 2, max 10, range 8: (2−2)/8 = 0, (4−2)/8 = 0.25, (6−2)/8 = 0.5, (10−2)/8 = 1; × 100.
    expect(run([2, 4, 6, 10], { method: 'minmax' }).out).toEqual([0, 25, 50, 100]);
  });

  it('flips a negative indicator: 1 − x', () => {
    // 1 − 0 = 1, 1 − 0.25 = 0.75, 1 − 0.5 = 0.5, 1 − 1 = 0; × 100.
    expect(run([2, 4, 6, 10], { method: 'minmax' }, 'negative').out).toEqual([100, 75, 50, 0]);
  });

  it('leaves a missing value missing and ignores it for min and max', () => {
    // Present values 0 and 10: (0 − 0)/10 = 0, (10 − 0)/10 = 1.
    const result = run([NaN, 0, 10], { method: 'minmax' });
    expect(result.out).toEqual([NaN, 0, 100]);
    expect(result.present).toBe(2);
  });

  it('uses the framework scale', () => {
    // (5 − 0)/10 = 0.5 on a 1-point scale.
    expect(run([0, 5, 10], { method: 'minmax' }, 'positive', 1).out).toEqual([0, 0.5, 1]);
  });

  it('normalises only the given rows (one period)', () => {
    const column = Float64Array.from([0, 100, 10, 20]);
    const out = new Float64Array(4).fill(-1);
    // Rows 2 and 3 only: min 10, max 20 → 0 and 1; rows 0 and 1 untouched.
    normaliseColumn(column, Uint32Array.from([2, 3]), { method: 'minmax' }, 'positive', 100, out);
    expect(Array.from(out)).toEqual([-1, -1, 0, 100]);
  });
});

describe('constant columns', () => {
  it('gives every region the midpoint and reports it, for each relative method', () => {
    // max = min = 7: no spread, so 0.5 × 100 for everyone.
    for (const normalise of [{ method: 'minmax' }, { method: 'zscore', rescale: 'minmax' }, { method: 'rank' }] as const) {
      const result = run([7, 7, NaN, 7], normalise);
      expect(result.out).toEqual([50, 50, NaN, 50]);
      expect(result.constant).toBe(true);
    }
  });

  it('treats a single value (n = 1) as constant', () => {
    const result = run([NaN, 42], { method: 'minmax' });
    expect(result.out).toEqual([NaN, 50]);
    expect(result.constant).toBe(true);
  });

  it('keeps z = 0 for unscaled z-scores of a constant column', () => {
    // Every value equals the mean, so z = 0 exactly; 0.5 would be an arbitrary number on the z scale.
    expect(run([3, 3], { method: 'zscore', rescale: 'none' }).out).toEqual([0, 0]);
  });

  it('does not call a fixed method constant', () => {
    // Goalposts 0 and 10: (7 − 0)/10 = 0.7, whatever the other regions hold.
    const result = run([7, 7], { method: 'goalpost', min: 0, max: 10, clip: true });
    expect(result.out).toEqual([70, 70]);
    expect(result.constant).toBe(false);
  });
});

describe('goalpost', () => {
  it('clips to [0, 1] by default', () => {
    // Goalposts 0 and 50: (−10)/50 = −0.2 → 0, 25/50 = 0.5, 60/50 = 1.2 → 1.
    expect(run([-10, 25, 60], { method: 'goalpost', min: 0, max: 50, clip: true }).out).toEqual([0, 50, 100]);
  });

  it('does not clip when clip is false', () => {
    // −0.2 × 100 = −20, 0.5 × 100 = 50, 1.2 × 100 = 120.
    const out = run([-10, 25, 60], { method: 'goalpost', min: 0, max: 50, clip: false }).out;
    expect(out[0]).toBeCloseTo(-20, 12);
    expect(out[1]).toBe(50);
    expect(out[2]).toBeCloseTo(120, 12);
  });

  it('flips a negative indicator after clipping', () => {
    // Goalposts 0 and 50 on 10 and 75: 0.2 → 1 − 0.2 = 0.8; 1.5 → 1 → 1 − 1 = 0.
    const out = run([10, 75], { method: 'goalpost', min: 0, max: 50, clip: true }, 'negative').out;
    expect(out[0]).toBeCloseTo(80, 12);
    expect(out[1]).toBe(0);
  });

  it('HDI income: log of the value and of the goalposts 100 and 75,000', () => {
    // ln 100 = 4.60517, ln 75000 = 11.22524, range ln 750 = 6.62007.
    // GNI 100 → 0; GNI 75,000 → 1; GNI 10,000: (ln 10000 − ln 100)/ln 750 = ln 100/ln 750 = 0.6956373505726995;
    // GNI √(100 × 75000) = 2738.61: its log is the midpoint of the logs → 0.5; GNI 120,000 > 75,000 → clipped to 1.
    const out = runTransformed([100, 75000, 10000, Math.sqrt(100 * 75000), 120000], 'log', {
      method: 'goalpost',
      min: 100,
      max: 75000,
      clip: true,
    }).out;
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(100, 12);
    expect(out[2]).toBeCloseTo(69.56373505726995, 10);
    expect(out[3]).toBeCloseTo(50, 10);
    expect(out[4]).toBe(100);
  });
});

describe('zscore', () => {
  // Values 1, 2, 3, 6: mean 3, deviations −2, −1, 0, 3, Σd² = 4 + 1 + 0 + 9 = 14,
  // sample sd = √(14/3) = 2.160246899469287 (n − 1 = 3, as R's sd()).
  const sd = Math.sqrt(14 / 3);

  it('min–max rescales the z-scores by default (UN EGDI)', () => {
    // z is affine in x, so min–max of z equals min–max of x: (x − 1)/5 = 0, 0.2, 0.4, 1.
    const out = run([1, 2, 3, 6], { method: 'zscore', rescale: 'minmax' }).out;
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(20, 12);
    expect(out[2]).toBeCloseTo(40, 12);
    expect(out[3]).toBeCloseTo(100, 12);
  });

  it('keeps raw z-scores with rescale none: not scaled, not flipped but negated', () => {
    // z = −2/sd = −0.9258200997725514, −1/sd = −0.4629100498862757, 0, 3/sd = 1.3887301496588271.
    const positive = run([1, 2, 3, 6], { method: 'zscore', rescale: 'none' }).out;
    [-2 / sd, -1 / sd, 0, 3 / sd].forEach((z, i) => expect(positive[i]).toBeCloseTo(z, 12));
    expect(positive[0]).toBeCloseTo(-0.9258200997725514, 12);
    // Negative direction: −z, not 1 − z.
    const negative = run([1, 2, 3, 6], { method: 'zscore', rescale: 'none' }, 'negative').out;
    [2 / sd, 1 / sd, 0, -3 / sd].forEach((z, i) => expect(negative[i]).toBeCloseTo(z, 12));
  });

  it('is unbounded only when the z-scores are kept', () => {
    expect(isBoundedNormalise({ method: 'zscore', rescale: 'none' })).toBe(false);
    expect(isBoundedNormalise({ method: 'zscore', rescale: 'minmax' })).toBe(true);
    expect(isBoundedNormalise({ method: 'target', target: 1 })).toBe(true);
  });
});

describe('rank', () => {
  it('gives percentile ranks (r − 1)/(n − 1), ties sharing their average rank', () => {
    // 10, 20, 20, 40: ranks 1, (2 + 3)/2 = 2.5, 2.5, 4; (r − 1)/3 = 0, 0.5, 0.5, 1.
    expect(run([10, 20, 20, 40], { method: 'rank' }).out).toEqual([0, 50, 50, 100]);
  });

  it('ranks in value order whatever the row order, and flips a negative indicator', () => {
    // 5, 1, 3: ranks 3, 1, 2 → (r − 1)/2 = 1, 0, 0.5; negative: 0, 1, 0.5.
    expect(run([5, 1, NaN, 3], { method: 'rank' }).out).toEqual([100, 0, NaN, 50]);
    expect(run([5, 1, NaN, 3], { method: 'rank' }, 'negative').out).toEqual([0, 100, NaN, 50]);
  });
});

describe('target', () => {
  it('is min(x/target, 1)', () => {
    // Target 80: 40/80 = 0.5, 80/80 = 1, 120/80 = 1.5 → 1.
    expect(run([40, 80, 120], { method: 'target', target: 80 }).out).toEqual([50, 100, 100]);
  });

  it('is min(target/x, 1) for a negative indicator, with x = 0 → 1', () => {
    // Target 20: 20/10 = 2 → 1, 20/20 = 1, 20/40 = 0.5, x = 0 → 1.
    expect(run([10, 20, 40, 0], { method: 'target', target: 20 }, 'negative').out).toEqual([100, 100, 50, 100]);
  });

  it('transforms the target like the values', () => {
    // sqrt: √25 = 5 against √100 = 10 → 0.5.
    expect(runTransformed([25], 'sqrt', { method: 'target', target: 100 }).out).toEqual([50]);
  });
});

describe('none', () => {
  it('takes values as they are, flipped when negative', () => {
    // 0.2 → 20, 0.9 → 90; negative: 1 − 0.2 = 0.8 → 80, 1 − 0.9 = 0.1 → 10.
    expect(run([0.2, 0.9], { method: 'none' }).out.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([20, 90]);
    expect(run([0.2, 0.9], { method: 'none' }, 'negative').out.map((x) => Math.round(x * 1e9) / 1e9)).toEqual([80, 10]);
  });
});

describe('transforms', () => {
  it('computes each transform', () => {
    // ln e = 1; log10 1000 = 3; log1p(e − 1) = 1; √49 = 7.
    expect(transformValue('log', Math.E)).toBe(1);
    expect(transformValue('log10', 1000)).toBe(3);
    expect(transformValue('log1p', Math.E - 1)).toBeCloseTo(1, 15);
    expect(transformValue('sqrt', 49)).toBe(7);
    expect(transformValue('none', -3)).toBe(-3);
  });

  it('rejects values outside the domain', () => {
    expect(isInTransformDomain('log', 0)).toBe(false);
    expect(isInTransformDomain('log10', -1)).toBe(false);
    // log1p(−1) = −∞ would poison min–max, so −1 itself is outside.
    expect(isInTransformDomain('log1p', -1)).toBe(false);
    expect(isInTransformDomain('log1p', -0.5)).toBe(true);
    expect(isInTransformDomain('sqrt', -0.001)).toBe(false);
    expect(isInTransformDomain('sqrt', 0)).toBe(true);
    expect(transformValue('log', -5)).toBeNaN();
  });

  it('reports a goalpost outside the domain instead of a NaN constant', () => {
    expect(transformNormalise({ method: 'goalpost', min: 0, max: 100, clip: true }, 'log')).toEqual({
      outsideDomain: { constant: 'min', value: 0 },
    });
    // log10 of the goalposts 1 and 1000: 0 and 3.
    expect(transformNormalise({ method: 'goalpost', min: 1, max: 1000, clip: false }, 'log10')).toEqual({
      normalise: { method: 'goalpost', min: 0, max: 3, clip: false },
    });
  });
});
