/**
 * Whatever the data, normalisation, aggregation, precision and tier rules: the value explain says
 * an indicator needs on its own, written into the full dataset and scored from scratch, puts the
 * region in the next tier (or better); the value one step short of it does not; and when explain
 * says an indicator cannot get there alone, its best value indeed does not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { explainRegion } from '../../src/analyse/explain.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput, NormaliseInput, TiersInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const TIERS: readonly TiersInput[] = [
  {
    levels: [
      { id: 'top', name: { en: 'Top' }, rule: { rank: { max: 1 } } },
      { id: 'good', name: { en: 'Good' }, rule: { score: { min: 55 } } },
      { id: 'special', name: { en: 'Special' }, rule: { any_dimension: { rank: { max: 1 } } } },
      { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' },
    ],
  },
  {
    levels: [
      { id: 'a', name: { en: 'A' }, rule: { rank: { max: 2 } } },
      { id: 'b', name: { en: 'B' }, rule: { all: [{ percentile: { min: 0.4 } }, { dimension: { id: 'service', score: { min: 30 } } }] } },
      { id: 'c', name: { en: 'C' }, rule: 'otherwise' },
    ],
  },
  { method: 'natural-breaks', levels: [{ id: 'hi', name: { en: 'High' } }, { id: 'mid', name: { en: 'Mid' } }, { id: 'lo', name: { en: 'Low' } }] },
];

const normalise = fc.constantFrom<NormaliseInput>('minmax', 'zscore', 'rank', { method: 'goalpost', min: 0, max: 100 });
const appsNormalise = fc.constantFrom<NormaliseInput>('minmax', 'zscore', 'rank', { method: 'goalpost', min: 0, max: 5000 }, { method: 'target', target: 2000 });

const setup = fc.record({
  rows: fc.array(fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 2 })), { minLength: 3, maxLength: 7 }),
  onlineNormalise: normalise,
  appsNormalise,
  onlineNegative: fc.boolean(),
  appsNegative: fc.boolean(),
  geometric: fc.boolean(),
  precision: fc.constantFrom(undefined, 0, 2),
  tiers: fc.constantFrom(...TIERS),
});

type Setup = typeof setup extends fc.Arbitrary<infer T> ? T : never;

function frameworkOf(s: Setup): ResolvedFramework {
  const input: FrameworkInput = {
    format: 'dgmi/1',
    id: 'prop',
    name: { en: 'Property' },
    ...(s.precision === undefined ? {} : { precision: s.precision }),
    dimensions: [
      {
        id: 'service',
        name: { en: 'Service' },
        weight: 3,
        aggregate: s.geometric ? 'geometric' : 'arithmetic',
        indicators: [
          { id: 'online', name: { en: 'Online' }, unit: 'percent', weight: 2, range: [0, 100], normalise: s.onlineNormalise, direction: s.onlineNegative ? 'negative' : 'positive' },
          { id: 'apps', name: { en: 'Apps' }, unit: 'count', range: [0, 5000], normalise: s.appsNormalise, direction: s.appsNegative ? 'negative' : 'positive' },
        ],
      },
      {
        id: 'org',
        name: { en: 'Org' },
        indicators: [{ id: 'cdo', name: { en: 'CDO' }, unit: 'level', levels: { none: 0, pilot: 1, full: 2 }, range: [0, 2], normalise: { method: 'goalpost', min: 0, max: 2 } }],
      },
    ],
    tiers: s.tiers,
  };
  return resolveFramework(input, { file: 'prop.yaml' });
}

function datasetOf(framework: ResolvedFramework, rows: Setup['rows']): Dataset {
  // online carries one decimal (0.0–100.0), so its search grid is 0.1.
  const columns: Record<string, number[]> = { online: rows.map((r) => r[0] / 10), apps: rows.map((r) => r[1]), cdo: rows.map((r) => r[2]) };
  return {
    rowCount: rows.length,
    region: rows.map((_, i) => `r${i + 1}`),
    name: rows.map(() => ''),
    group: rows.map(() => ''),
    period: rows.map(() => '2022'),
    values: framework.indicators.map((ind) => Float64Array.from(columns[ind.id] ?? [])),
    sources: rows.map((_, i) => ({ file: 'prop.csv', line: i + 2 })),
    inputs: [{ path: 'prop.csv', sha256: '' }],
  };
}

/** The region's tier after scoring the whole dataset from scratch with one cell changed. */
function tierWith(framework: ResolvedFramework, data: Dataset, row: number, indicatorIndex: number, value: number): number {
  const values = data.values.map((column, i) => {
    const copy = Float64Array.from(column);
    if (i === indicatorIndex) copy[row] = value;
    return copy;
  });
  return score(framework, { ...data, values }).tier[row] ?? -1;
}

const reaches = (tier: number, target: number): boolean => tier >= 0 && tier <= target;

describe('explain: needed values, re-scored from scratch', () => {
  it('reach the next tier, one step short does not, and "unreachable" means unreachable', () => {
    const checked = { reachable: 0, unreachable: 0 };
    fc.assert(
      fc.property(setup, (s) => {
        const framework = frameworkOf(s);
        const data = datasetOf(framework, s.rows);
        const table = score(framework, data);
        for (let row = 0; row < data.rowCount; row++) {
          const e = explainRegion(table, data.region[row] ?? '').explanation;
          expect(e).toBeDefined();
          const target = e?.tierExplanation?.next?.level;
          if (!e || target === undefined) continue;
          for (const lever of e.levers) {
            const goal = lever.goal;
            const index = lever.indicator.index;
            if (goal?.status === 'reachable') {
              expect(reaches(tierWith(framework, data, row, index, goal.value), target)).toBe(true);
              expect(reaches(tierWith(framework, data, row, index, goal.short), target)).toBe(false);
              // The value and the one short of it are adjacent: one grid step, or consecutive allowed values.
              if (lever.indicator.levels === undefined) {
                expect(Math.abs(goal.value - goal.short)).toBeLessThanOrEqual(10 ** -lever.decimals * (1 + 1e-9));
              }
              expect(goal.outcome.tier).toBe(tierWith(framework, data, row, index, goal.value));
              checked.reachable++;
            } else if (goal?.status === 'unreachable') {
              expect(reaches(tierWith(framework, data, row, index, goal.best.value), target)).toBe(false);
              checked.unreachable++;
            }
          }
        }
      }),
      { numRuns: 60, seed: Number(process.env['EXPLAIN_PROPERTY_SEED'] ?? 20240611) },
    );
    // The property must have met both kinds of answer, or it proved nothing.
    expect(checked.reachable).toBeGreaterThan(0);
    expect(checked.unreachable).toBeGreaterThan(0);
  });
});
