import { describe, expect, it } from 'vitest';
import type { TiersInput } from '../../src/model/framework.js';
import { assignTiers, type TierInputs } from '../../src/tier/assign.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { nodeScores, TWO_DIMENSIONS, UNSCORED, type Triple } from './tier-fixture.js';

interface RowSpec {
  readonly region: string;
  readonly period?: string;
  readonly composite: Triple;
  readonly org?: Triple;
  readonly svc?: Triple;
}

/** TierInputs built by hand (the engine is not needed: tiers only read scores, ranks, percentiles). */
function tierInputs(tiers: TiersInput | undefined, rows: readonly RowSpec[]): TierInputs {
  const framework = resolveFramework({ ...TWO_DIMENSIONS, ...(tiers ? { tiers } : {}) }, { file: 'tiers.yaml' });
  const n = rows.length;
  const period = rows.map((r) => r.period ?? '2022');
  return {
    framework,
    dataset: {
      rowCount: n,
      region: rows.map((r) => r.region),
      name: rows.map(() => ''),
      group: rows.map(() => ''),
      period,
      values: framework.indicators.map(() => new Float64Array(n).fill(Number.NaN)),
      sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
      inputs: [{ path: 'data.csv', sha256: '0' }],
    },
    periods: [...new Set(period)].sort(),
    composite: nodeScores(rows.map((r) => r.composite)),
    nodes: new Map([
      ['org', nodeScores(rows.map((r) => r.org ?? UNSCORED))],
      ['svc', nodeScores(rows.map((r) => r.svc ?? UNSCORED))],
    ]),
    indicators: new Map(),
  };
}

const DESIGN_TIERS: TiersInput = {
  levels: [
    { id: 'leading', name: { zh: '引领型', en: 'Leading' }, rule: { rank: { max: 4 } } },
    { id: 'quality', name: { zh: '优质型', en: 'Quality' }, rule: { rank: { max: 8 } } },
    { id: 'distinctive', name: { zh: '特色型', en: 'Distinctive' }, rule: { any: [{ rank: { max: 13 } }, { any_dimension: { rank: { max: 3 } } }] } },
    { id: 'developing', name: { zh: '发展型', en: 'Developing' }, rule: 'otherwise' },
  ],
};

describe('assignTiers without tiers', () => {
  it('leaves every row at -1 and says nothing', () => {
    const result = assignTiers(tierInputs(undefined, [{ region: 'a', composite: [90, 1, 1] }, { region: 'b', composite: [80, 2, 0.5] }]));
    expect([...result.tier]).toEqual([-1, -1]);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('assignTiers under rules (the DESIGN.md tier set)', () => {
  // Ranks 1, 2, 3, 4, 4, 6, 9, 14, 15 (two regions tied at 4) and one unscored region.
  // Scores only need to be consistent with the ranks; the rules read ranks.
  const rows: RowSpec[] = [
    { region: 'r1', composite: [95, 1, 1], svc: [90, 1, 1] },
    { region: 'r2', composite: [93, 2, 0.9], svc: [80, 4, 0.6] },
    { region: 'r3', composite: [91, 3, 0.8], svc: [80, 4, 0.6] },
    { region: 'r4a', composite: [90, 4, 0.7], svc: [70, 6, 0.4] },
    { region: 'r4b', composite: [90, 4, 0.7], svc: [70, 6, 0.4] },
    { region: 'r6', composite: [85, 6, 0.5], svc: [60, 8, 0.3] },
    { region: 'r9', composite: [70, 9, 0.4], svc: [60, 8, 0.3] },
    // Rank 14 > 13, but services rank 2 ≤ 3: distinctive through any_dimension.
    { region: 'r14', composite: [50, 14, 0.2], org: [20, 15, 0.1], svc: [85, 2, 0.9] },
    // Rank 15, dimension ranks 10 and 9: only `otherwise` holds.
    { region: 'r15', composite: [40, 15, 0.1], org: [30, 10, 0.2], svc: [50, 9, 0.2] },
    { region: 'none', composite: UNSCORED },
  ];

  it('puts each row in the first level whose rule holds; ties at rank 4 are both leading', () => {
    const result = assignTiers(tierInputs(DESIGN_TIERS, rows));
    // leading = 0 (rank ≤ 4), quality = 1 (≤ 8), distinctive = 2 (≤ 13 or a dimension ≤ 3), developing = 3.
    expect([...result.tier]).toEqual([0, 0, 0, 0, 0, 1, 2, 2, 3, -1]);
    expect(result.diagnostics).toEqual([]);
  });

  it('evaluates each period on its own ranks', () => {
    const twoPeriods: RowSpec[] = [
      { region: 'a', period: '2021', composite: [60, 9, 0.5] },
      { region: 'a', period: '2022', composite: [80, 3, 0.9] },
      { region: 'b', period: '2021', composite: [90, 1, 1] },
      { region: 'b', period: '2022', composite: [50, 20, 0.1] },
    ];
    // a: 2021 rank 9 → distinctive (9 ≤ 13), 2022 rank 3 → leading; b: 2021 rank 1 → leading, 2022 rank 20 → developing.
    expect([...assignTiers(tierInputs(DESIGN_TIERS, twoPeriods)).tier]).toEqual([2, 0, 0, 3]);
  });

  it('leaves rows that match no level at -1 and warns once per period', () => {
    const noCatchAll: TiersInput = { levels: [{ id: 'top', name: { en: 'Top' }, rule: { score: { min: 80 } } }] };
    const result = assignTiers(
      tierInputs(noCatchAll, [
        { region: 'a', period: '2021', composite: [85, 1, 1] },
        { region: 'b', period: '2021', composite: [79.99, 2, 0.5] },
        { region: 'c', period: '2022', composite: [10, 2, 0.5] },
        { region: 'd', period: '2022', composite: [20, 1, 1] },
      ]),
    );
    // 85 ≥ 80 → top; 79.99, 10 and 20 < 80 → untiered.
    expect([...result.tier]).toEqual([0, -1, -1, -1]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.args])).toEqual([
      ['tier-unmatched', 'warning', { period: '2021', count: 1, regions: 'b' }],
      ['tier-unmatched', 'warning', { period: '2022', count: 2, regions: 'c, d' }],
    ]);
    expect(result.diagnostics[0]?.file).toBe('tiers.yaml');
  });

  it('skips a level without a rule and fails a test on an unknown dimension, leaving the report to the validator', () => {
    const odd: TiersInput = {
      levels: [
        { id: 'ghost', name: { en: 'Ghost' } },
        { id: 'nodim', name: { en: 'No dimension' }, rule: { dimension: { id: 'nowhere', rank: { max: 3 } } } },
        { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' },
      ],
    };
    const result = assignTiers(tierInputs(odd, [{ region: 'a', composite: [90, 1, 1], org: [90, 1, 1], svc: [90, 1, 1] }]));
    // ghost never holds; nowhere has no scores (NaN), so rank ≤ 3 fails; rest = 2.
    expect([...result.tier]).toEqual([2]);
    expect(result.diagnostics).toEqual([]);
  });

  it('reads score and percentile rules on the composite', () => {
    const mixed: TiersInput = {
      levels: [
        { id: 'a', name: { en: 'A' }, rule: { all: [{ score: { min: 80 } }, { percentile: { min: 0.75 } }] } },
        { id: 'b', name: { en: 'B' }, rule: { not: { score: { max: 50 } } } },
        { id: 'c', name: { en: 'C' }, rule: 'otherwise' },
      ],
    };
    const result = assignTiers(
      tierInputs(mixed, [
        { region: 'p', composite: [80, 1, 1] }, // 80 ≥ 80 and 1 ≥ 0.75 → a
        { region: 'q', composite: [82, 2, 0.5] }, // percentile 0.5 < 0.75 → not a; 82 > 50 → b
        { region: 'r', composite: [50, 3, 0.25] }, // 50 ≤ 50 so not(…) fails → c
        { region: 's', composite: [50.01, 4, 0] }, // 50.01 > 50 → b
      ]),
    );
    expect([...result.tier]).toEqual([0, 1, 2, 1]);
  });
});

describe('assignTiers under natural breaks', () => {
  const threeLevels: TiersInput = {
    method: 'natural-breaks',
    levels: [
      { id: 'high', name: { en: 'High' } },
      { id: 'mid', name: { en: 'Mid' } },
      { id: 'low', name: { en: 'Low' } },
    ],
  };

  it('splits three well-separated clusters, highest to levels[0], unscored to -1', () => {
    // 10–12, 50–52, 90–92: any split other than at the two gaps leaves a class spanning a
    // 38-point gap, whose sum of squares dwarfs the optimum (3 classes × 2 = 6).
    const scores = [51, 10, 92, NaN, 12, 90, 50, 11, 91, 52];
    const result = assignTiers(tierInputs(threeLevels, scores.map((s, i) => ({ region: `r${i}`, composite: [s, NaN, NaN] as const }))));
    expect([...result.tier]).toEqual([1, 2, 0, -1, 2, 0, 1, 2, 0, 1]);
    expect(result.diagnostics).toEqual([]);
  });

  it('classifies each period separately', () => {
    // 2021: {1, 2} {50} {99}; 2022: {0} {40, 41} {80}. Each split leaves SSE 0.5, the minimum.
    const rows: RowSpec[] = [
      { region: 'a', period: '2021', composite: [1, NaN, NaN] },
      { region: 'b', period: '2021', composite: [2, NaN, NaN] },
      { region: 'c', period: '2021', composite: [50, NaN, NaN] },
      { region: 'd', period: '2021', composite: [99, NaN, NaN] },
      { region: 'a', period: '2022', composite: [0, NaN, NaN] },
      { region: 'b', period: '2022', composite: [40, NaN, NaN] },
      { region: 'c', period: '2022', composite: [41, NaN, NaN] },
      { region: 'd', period: '2022', composite: [80, NaN, NaN] },
    ];
    expect([...assignTiers(tierInputs(threeLevels, rows)).tier]).toEqual([2, 2, 1, 0, 2, 1, 1, 0]);
  });

  it('with fewer distinct scores than levels, forms one class per value from the top and warns', () => {
    // Two distinct values (70, 40) for three levels: 70 → high, 40 → mid, low stays empty.
    const result = assignTiers(
      tierInputs(threeLevels, [
        { region: 'a', composite: [70, 1, 1] },
        { region: 'b', composite: [40, 3, 1 / 3] },
        { region: 'c', composite: [70, 1, 1] },
      ]),
    );
    expect([...result.tier]).toEqual([0, 1, 0]);
    expect(result.diagnostics.map((d) => [d.code, d.severity, d.args])).toEqual([
      ['tier-classes-fewer-than-levels', 'warning', { period: '2022', distinct: 2, levels: 3 }],
    ]);
  });
});
