import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparePeriods } from '../../src/analyse/compare-periods.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

/** Three dimensions, minmax (a relative method) so pooling matters, arithmetic everywhere, rank tiers. */
const framework = resolveFramework(
  {
    format: 'dgmi/1',
    id: 'prop',
    name: { en: 'Prop' },
    dimensions: [
      { id: 'a', name: { en: 'A' }, weight: 2, indicators: [{ id: 'x', name: { en: 'X' } }] },
      { id: 'b', name: { en: 'B' }, weight: 1, indicators: [{ id: 'y', name: { en: 'Y' } }, { id: 'z', name: { en: 'Z' } }] },
      { id: 'c', name: { en: 'C' }, weight: 1, indicators: [{ id: 'w', name: { en: 'W' }, direction: 'negative' }] },
    ],
    tiers: {
      levels: [
        { id: 'top', name: { en: 'Top' }, rule: { rank: { max: 2 } } },
        { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' },
      ],
    },
  } satisfies FrameworkInput,
  { file: 'prop.yaml' },
);

const value = fc.oneof({ weight: 1, arbitrary: fc.constant(Number.NaN) }, { weight: 8, arbitrary: fc.integer({ min: 0, max: 100 }) });

/** Regions r0…r(n−1) in 2021 and a random subset of them (plus newcomers) in 2022. */
const datasetArb = fc
  .array(
    fc.record({
      region: fc.integer({ min: 0, max: 12 }).map((i) => `r${i}`),
      period: fc.constantFrom('2021', '2022'),
      values: fc.tuple(value, value, value, value),
    }),
    { minLength: 1, maxLength: 25 },
  )
  .map((rows): Dataset => {
    // One row per (region, period), as the loader guarantees.
    const unique = [...new Map(rows.map((r) => [`${r.region}|${r.period}`, r])).values()];
    return {
      rowCount: unique.length,
      region: unique.map((r) => r.region),
      name: unique.map(() => ''),
      group: unique.map(() => ''),
      period: unique.map((r) => r.period),
      values: [0, 1, 2, 3].map((i) => Float64Array.from(unique, (r) => r.values[i] ?? NaN)),
      sources: unique.map((_, i) => ({ file: 'p.csv', line: i + 2 })),
      inputs: [],
    };
  });

describe('comparePeriods', () => {
  it('of a period with itself gives zero changes, a diagonal matrix and nobody entering or leaving', () => {
    fc.assert(
      fc.property(datasetArb, fc.constantFrom('period' as const, 'pooled' as const), (dataset, scope) => {
        const table = score(framework, dataset, { normaliseScope: scope });
        for (const period of table.periods) {
          const result = comparePeriods(table, period, period, { normaliseScope: scope }).result;
          expect(result).toBeDefined();
          expect(result?.entered).toEqual([]);
          expect(result?.left).toEqual([]);
          for (const r of result?.regions ?? []) {
            if (Number.isNaN(r.from.score)) continue;
            expect(r.scoreChange).toBe(0);
            expect(r.rankChange).toBe(0);
            expect(r.from.tier).toBe(r.to.tier);
            for (const d of r.drivers) expect(d.change).toBe(0);
          }
          const counts = result?.transitions.counts ?? [];
          counts.forEach((line, i) => line.forEach((count, j) => i !== j && expect(count).toBe(0)));
        }
      }),
    );
  });

  it('pairs every region of both periods once and lists the others as entered or left', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const table = score(framework, dataset, { normaliseScope: 'pooled' });
        const result = comparePeriods(table, '2021', '2022', { normaliseScope: 'pooled' }).result;
        if (!table.periods.includes('2021') || !table.periods.includes('2022')) {
          expect(result).toBeUndefined();
          return;
        }
        const inPeriod = (p: string) => new Set(dataset.region.filter((_, row) => dataset.period[row] === p));
        const before = inPeriod('2021');
        const after = inPeriod('2022');
        const both = [...after].filter((r) => before.has(r));
        expect(result?.regions.map((r) => r.region).sort()).toEqual(both.sort());
        expect(result?.entered.map((r) => r.region).sort()).toEqual([...after].filter((r) => !before.has(r)).sort());
        expect(result?.left.map((r) => r.region).sort()).toEqual([...before].filter((r) => !after.has(r)).sort());
        // The matrix counts exactly the paired regions.
        const total = (result?.transitions.counts ?? []).flat().reduce((a, b) => a + b, 0);
        expect(total).toBe(both.length);
      }),
    );
  });

  it('contribution changes add up to the score change under arithmetic aggregation', () => {
    fc.assert(
      fc.property(datasetArb, (dataset) => {
        const table = score(framework, dataset, { normaliseScope: 'pooled' });
        const result = comparePeriods(table, '2021', '2022', { normaliseScope: 'pooled' }).result;
        for (const r of result?.regions ?? []) {
          if (Number.isNaN(r.scoreChange)) continue;
          const sum = r.drivers.reduce((acc, d) => acc + d.change, 0);
          expect(sum).toBeCloseTo(r.scoreChange, 9);
        }
      }),
    );
  });
});
