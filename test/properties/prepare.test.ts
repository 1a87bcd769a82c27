/**
 * Invariants of data preparation and of the audit measures, over random data: the moments equal
 * Excel's SKEW and KURT written another way; COINr's treatment keeps the order of values and
 * never widens their range; prepared scores do not depend on row order; alpha equals its
 * covariance form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cronbachAlpha, completeCases } from '../../src/analyse/audit/coherence-measures.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { momentsOf, passesSkewKurtosis } from '../../src/prepare/moments.js';
import { treatColumn } from '../../src/prepare/treat.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const value = fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true });
const spread = (xs: readonly number[]) => xs.some((x) => Math.abs(x - (xs[0] ?? 0)) > 1e-3);

describe('momentsOf', () => {
  it("equals Excel's SKEW and KURT in their z-score form", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 4, maxLength: 40 }).filter(spread), (xs) => {
        // SKEW = n/((n−1)(n−2)) Σz³; KURT = n(n+1)/((n−1)(n−2)(n−3)) Σz⁴ − 3(n−1)²/((n−2)(n−3)), z with the sample sd.
        const n = xs.length;
        const mean = xs.reduce((s, x) => s + x, 0) / n;
        const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
        const z = xs.map((x) => (x - mean) / sd);
        const skew = (n / ((n - 1) * (n - 2))) * z.reduce((s, v) => s + v ** 3, 0);
        const kurt = ((n * (n + 1)) / ((n - 1) * (n - 2) * (n - 3))) * z.reduce((s, v) => s + v ** 4, 0) - (3 * (n - 1) ** 2) / ((n - 2) * (n - 3));
        const m = momentsOf(xs);
        expect(m.skew).toBeCloseTo(skew, 6);
        expect(m.kurtosis).toBeCloseTo(kurt, 6);
      }),
    );
  });
});

describe('treatColumn', () => {
  const column = fc.array(fc.oneof({ weight: 5, arbitrary: fc.double({ min: 0, max: 100, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(1e4) }, { weight: 1, arbitrary: fc.constant(NaN) }), {
    minLength: 4,
    maxLength: 30,
  });
  const spec = fc.record({
    method: fc.constant('winsorise' as const),
    skew: fc.constantFrom(0.5, 1, 2),
    kurtosis: fc.constantFrom(0, 1, 3.5),
    maxPoints: fc.integer({ min: 0, max: 6 }),
    fallback: fc.constantFrom('log' as const, 'none' as const),
  });

  it('keeps the order of the values, never widens their range, leaves missing values missing', () => {
    fc.assert(
      fc.property(column, spec, (xs, treatment) => {
        const values = Float64Array.from(xs);
        const outcome = treatColumn(values, Uint32Array.from(xs.keys()), treatment);
        const present = xs.map((x, i) => [x, values[i] ?? NaN] as const).filter(([x]) => !Number.isNaN(x));
        xs.forEach((x, i) => expect(Number.isNaN(values[i] ?? NaN)).toBe(Number.isNaN(x)));
        for (const [x, y] of present) {
          for (const [x2, y2] of present) if (x < x2) expect(y).toBeLessThanOrEqual(y2);
        }
        if (outcome.method === 'winsorise') {
          const before = present.map(([x]) => x);
          const after = present.map(([, y]) => y);
          expect(Math.max(...after)).toBeLessThanOrEqual(Math.max(...before));
          expect(Math.min(...after)).toBeGreaterThanOrEqual(Math.min(...before));
          expect(outcome.points).toBe(outcome.changedRows.length);
          if (outcome.passes) expect(passesSkewKurtosis(momentsOf(values), treatment.skew, treatment.kurtosis)).toBe(true);
        }
        if (outcome.method === 'none') expect(outcome.changedRows).toEqual([]);
      }),
    );
  });
});

describe('prepared scores', () => {
  const framework: ResolvedFramework = resolveFramework({
    format: 'dgmi/1',
    id: 'prop-prep',
    name: { en: 'prop' },
    screen: { min_coverage: 0.6 },
    treat: { method: 'winsorise', max_points: 3 },
    defaults: { missing: 'mean' },
    dimensions: [
      {
        id: 'd',
        name: { en: 'd' },
        indicators: [
          { id: 'a', name: { en: 'a' }, denominator: 'pop', denominator_factor: 1000 },
          { id: 'b', name: { en: 'b' }, missing: 'reweight' },
          { id: 'c', name: { en: 'c' }, missing: 'reweight', direction: 'negative' },
        ],
      },
    ],
  });
  const cell = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constant(5000) }, { weight: 2, arbitrary: fc.constant(NaN) });
  const row = fc.record({ a: cell, b: cell, c: cell, pop: fc.integer({ min: 1, max: 50 }) });

  function datasetOf(rows: readonly { a: number; b: number; c: number; pop: number }[], order: readonly number[]): Dataset {
    const pick = <T>(f: (r: { a: number; b: number; c: number; pop: number }, i: number) => T): T[] => order.map((i) => f(rows[i]!, i));
    return {
      rowCount: rows.length,
      region: pick((_, i) => `r${i}`),
      name: pick(() => ''),
      group: pick(() => ''),
      period: pick(() => '2024'),
      values: [Float64Array.from(pick((r) => r.a)), Float64Array.from(pick((r) => r.b)), Float64Array.from(pick((r) => r.c))],
      sources: pick((_, i) => ({ file: 'p.csv', line: i + 2 })),
      inputs: [{ path: 'p.csv', sha256: '' }],
      denominators: new Map([['pop', Float64Array.from(pick((r) => r.pop))]]),
    };
  }

  it('do not depend on row order, and stay on [0, 100]', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 5, maxLength: 25 }), fc.integer(), (rows, seed) => {
        const identity = rows.map((_, i) => i);
        const shuffled = [...identity].sort((x, y) => ((x * 7919 + seed) % 31) - ((y * 7919 + seed) % 31) || x - y);
        const a = score(framework, datasetOf(rows, identity));
        const b = score(framework, datasetOf(rows, shuffled));
        const byRegion = (t: typeof a) => new Map(t.dataset.region.map((r, i) => [r, t.composite.score[i]]));
        expect(byRegion(b)).toEqual(byRegion(a));
        expect(b.preparation?.screened.map((u) => u.region).sort()).toEqual(a.preparation?.screened.map((u) => u.region).sort());
        for (const s of a.composite.score) if (!Number.isNaN(s)) expect(s >= -1e-9 && s <= 100 + 1e-9).toBe(true);
      }),
    );
  });
});

describe('cronbachAlpha', () => {
  it('equals k/(k−1)·(1 − Σvar / (Σvar + 2Σcov)) over complete cases', () => {
    const col = fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 6, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(col, { minLength: 2, maxLength: 4 }), (columns) => {
        const rows = completeCases(columns);
        const k = columns.length;
        const n = rows.length;
        const mean = (j: number) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / n;
        const cov = (i: number, j: number) => rows.reduce((s, r) => s + ((r[i] ?? 0) - mean(i)) * ((r[j] ?? 0) - mean(j)), 0) / (n - 1);
        let variances = 0;
        let covariances = 0;
        for (let i = 0; i < k; i++) {
          variances += cov(i, i);
          for (let j = i + 1; j < k; j++) covariances += cov(i, j);
        }
        const total = variances + 2 * covariances;
        const alpha = cronbachAlpha(columns);
        if (!(total > 1e-12)) expect(alpha).toBeNaN();
        else expect(alpha).toBeCloseTo((k / (k - 1)) * (1 - variances / total), 9);
      }),
    );
  });
});
