import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput, IndicatorInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import type { ScoreTable } from '../../src/model/score-table.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

interface Row {
  readonly region: string;
  readonly period?: string;
  readonly group?: string;
  readonly values: Readonly<Record<string, number>>;
}

/** A dataset from rows; an indicator absent from `values` is missing; row i sits on line i + 2 of data.csv. */
function datasetOf(framework: ResolvedFramework, rows: readonly Row[]): Dataset {
  return {
    rowCount: rows.length,
    region: rows.map((r) => r.region),
    name: rows.map(() => ''),
    group: rows.map((r) => r.group ?? ''),
    period: rows.map((r) => r.period ?? '2022'),
    values: framework.indicators.map((ind) => Float64Array.from(rows, (r) => r.values[ind.id] ?? NaN)),
    sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [{ path: 'data.csv', sha256: '' }],
  };
}

function frameworkOf(input: Omit<FrameworkInput, 'format' | 'id' | 'name'>): ResolvedFramework {
  return resolveFramework({ format: 'dgmi/1', id: 'test', name: { en: 'Test' }, ...input }, { file: 'test.yaml' });
}

const ind = (id: string, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({ id, name: { en: id }, ...extra });

function byRegion(table: ScoreTable, region: string, period = '2022'): number {
  const row = table.dataset.region.findIndex((r, i) => r === region && table.dataset.period[i] === period);
  if (row < 0) throw new Error(`no row ${region} ${period}`);
  return row;
}

/**
 * A three-level tree: A (weight 10) = { A1: a1, a2 (negative) ; A2: a3 (goalpost 0–10) },
 * B (weight 30) = { b1 }. Shares: A 10/40 = 0.25, B 0.75; A1 = A2 = 0.5; a1 = a2 = 0.5.
 */
const tree = (overrides: Record<string, Partial<IndicatorInput>> = {}, extra: Partial<FrameworkInput> = {}) =>
  frameworkOf({
    dimensions: [
      {
        id: 'A',
        name: { en: 'A' },
        weight: 10,
        groups: [
          { id: 'A1', name: { en: 'A1' }, indicators: [ind('a1', overrides['a1']), ind('a2', { direction: 'negative', ...overrides['a2'] })] },
          { id: 'A2', name: { en: 'A2' }, indicators: [ind('a3', { normalise: { method: 'goalpost', min: 0, max: 10 }, ...overrides['a3'] })] },
        ],
      },
      { id: 'B', name: { en: 'B' }, weight: 30, indicators: [ind('b1', overrides['b1'])] },
    ],
    ...extra,
  });

const treeRows: Row[] = [
  { region: 'R1', values: { a1: 0, a2: 2, a3: 5, b1: 30 } },
  { region: 'R2', values: { a1: 5, a2: 6, a3: 10, b1: 10 } },
  { region: 'R3', values: { a1: 10, a2: 4, a3: 2, b1: 20 } },
];

describe('score: the tree, by hand', () => {
  const framework = tree();
  const table = score(framework, datasetOf(framework, treeRows));
  const [r1, r2, r3] = ['R1', 'R2', 'R3'].map((r) => byRegion(table, r)) as [number, number, number];

  it('normalises each indicator', () => {
    // a1 minmax over 0, 5, 10 → 0, 50, 100. a2 negative over 2, 6, 4: (x − 2)/4 = 0, 1, 0.5 → 1 − x → 100, 0, 50.
    // a3 goalpost 0–10: 5, 10, 2 → 50, 100, 20. b1 over 30, 10, 20: (x − 10)/20 = 1, 0, 0.5 → 100, 0, 50.
    expect(Array.from(table.indicators.get('a1')!.normalised)).toEqual([0, 50, 100]);
    expect(Array.from(table.indicators.get('a2')!.normalised)).toEqual([100, 0, 50]);
    expect(Array.from(table.indicators.get('a3')!.normalised)).toEqual([50, 100, 20]);
    expect(Array.from(table.indicators.get('b1')!.normalised)).toEqual([100, 0, 50]);
    expect(Array.from(table.indicators.get('a1')!.value)).toEqual([0, 5, 10]);
  });

  it('aggregates bottom-up', () => {
    // A1 = (a1 + a2)/2: (0 + 100)/2 = 50, (50 + 0)/2 = 25, (100 + 50)/2 = 75.  A2 = a3: 50, 100, 20.
    // A = (A1 + A2)/2: 50, 62.5, 47.5.  B = b1: 100, 0, 50.
    // Composite = 0.25 A + 0.75 B: 12.5 + 75 = 87.5; 15.625 + 0 = 15.625; 11.875 + 37.5 = 49.375.
    expect(Array.from(table.nodes.get('A1')!.score)).toEqual([50, 25, 75]);
    expect(Array.from(table.nodes.get('A')!.score)).toEqual([50, 62.5, 47.5]);
    expect(Array.from(table.composite.score)).toEqual([87.5, 15.625, 49.375]);
  });

  it('ranks the composite and every group within the period', () => {
    // Composite 87.5 > 49.375 > 15.625; A: 62.5 (R2) > 50 (R1) > 47.5 (R3).
    expect([table.composite.rank[r1], table.composite.rank[r2], table.composite.rank[r3]]).toEqual([1, 3, 2]);
    expect([table.composite.percentile[r1], table.composite.percentile[r2], table.composite.percentile[r3]]).toEqual([1, 1 / 3, 2 / 3]);
    expect(Array.from(table.nodes.get('A')!.rank)).toEqual([2, 1, 3]);
  });

  it('gives effective weights and contributions in points of the composite', () => {
    // a1: 0.25 × 0.5 × 0.5 = 0.0625; a3: 0.25 × 0.5 = 0.125; b1: 0.75.
    expect(table.indicators.get('a1')!.effectiveWeight[r1]).toBe(0.0625);
    expect(table.indicators.get('a3')!.effectiveWeight[r1]).toBe(0.125);
    expect(table.indicators.get('b1')!.effectiveWeight[r1]).toBe(0.75);
    // A contributes 0.25 × 50 = 12.5, B 0.75 × 100 = 75 for R1: together the composite 87.5.
    expect(table.nodes.get('A')!.contribution[r1]).toBe(12.5);
    expect(table.nodes.get('B')!.contribution[r1]).toBe(75);
    for (const row of [r1, r2, r3]) {
      const sum = table.nodes.get('A')!.contribution[row]! + table.nodes.get('B')!.contribution[row]!;
      expect(sum).toBeCloseTo(table.composite.score[row]!, 12);
    }
  });

  it('lists rows by rank and sorts periods', () => {
    expect(Array.from(table.order)).toEqual([r1, r3, r2]);
    expect(table.periods).toEqual(['2022']);
    expect(table.diagnostics).toEqual([]);
    // No tiers in the framework: nobody is tiered.
    expect(Array.from(table.tier)).toEqual([-1, -1, -1]);
  });
});

describe('score: missing values', () => {
  it('reweight: a group with no present child is missing and its siblings carry its weight', () => {
    const framework = tree();
    const rows = treeRows.map((r) => (r.region === 'R2' ? { ...r, values: { a1: 5, a2: 6, b1: 10 } } : r));
    const table = score(framework, datasetOf(framework, rows));
    const r2 = byRegion(table, 'R2');
    // R2 lacks a3, so A2 is missing and A = A1 = 25; composite 0.25 × 25 + 0.75 × 0 = 6.25.
    expect(table.nodes.get('A2')!.score[r2]).toBeNaN();
    expect(table.nodes.get('A')!.score[r2]).toBe(25);
    expect(table.composite.score[r2]).toBe(6.25);
    // A1 now carries all of A: a1's effective weight 0.25 × 1 × 0.5 = 0.125; a3 dropped → 0.
    expect(table.indicators.get('a1')!.effectiveWeight[r2]).toBe(0.125);
    expect(table.indicators.get('a3')!.effectiveWeight[r2]).toBe(0);
    expect(table.nodes.get('A2')!.contribution[r2]).toBeNaN();
    expect(table.nodes.get('A2')!.rank[r2]).toBeNaN();
    // a3's goalpost does not depend on the others: R1 still 50.
    expect(table.indicators.get('a3')!.normalised[byRegion(table, 'R1')]).toBe(50);
  });

  it('reweight: a missing dimension renormalises the composite', () => {
    const framework = tree();
    const rows = treeRows.map((r) => (r.region === 'R1' ? { ...r, values: { a1: 0, a2: 2, a3: 5 } } : r));
    const table = score(framework, datasetOf(framework, rows));
    const r1 = byRegion(table, 'R1');
    // R1 lacks b1 → B missing → composite = A alone = 50, and A carries weight 1.
    // b1 minmax over R2, R3 (10, 20): R2 0, R3 100.
    expect(table.composite.score[r1]).toBe(50);
    expect(table.nodes.get('A')!.contribution[r1]).toBe(50);
    expect(Array.from(table.indicators.get('b1')!.normalised)).toEqual([NaN, 0, 100]);
  });

  it('fail: an error per missing cell, located, and the row left unscored', () => {
    const framework = tree({ b1: { missing: 'fail' }, a3: { missing: 'fail' } });
    const rows = treeRows.map((r) => (r.region === 'R3' ? { ...r, values: { a1: 10, a2: 4 } } : r));
    const table = score(framework, datasetOf(framework, rows));
    const r3 = byRegion(table, 'R3');
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.args['indicator'], d.args['region'], d.args['period']])).toEqual([
      ['value-missing-fail', 'error', 'data.csv', 4, 'a3', 'R3', '2022'],
      ['value-missing-fail', 'error', 'data.csv', 4, 'b1', 'R3', '2022'],
    ]);
    expect(table.composite.score[r3]).toBeNaN();
    expect(table.composite.rank[r3]).toBeNaN();
    expect(table.nodes.get('A')!.score[r3]).toBeNaN();
    expect(table.nodes.get('A')!.rank[r3]).toBeNaN();
    expect(table.indicators.get('a1')!.effectiveWeight[r3]).toBe(0);
    // The other two are ranked among themselves: R1 (b1 30 → 100) above R2 (b1 10 → 0); R3 listed last.
    expect(table.composite.rank[byRegion(table, 'R1')]).toBe(1);
    expect(table.composite.rank[byRegion(table, 'R2')]).toBe(2);
    expect(Array.from(table.order)).toEqual([0, 1, 2]);
  });

  it('zero: the normalised value is 0 (worst, also for a negative indicator), flagged imputed', () => {
    const framework = tree({ a2: { missing: 'zero' } });
    const rows = treeRows.map((r) => (r.region === 'R1' ? { ...r, values: { a1: 0, a3: 5, b1: 30 } } : r));
    const table = score(framework, datasetOf(framework, rows));
    const a2 = table.indicators.get('a2')!;
    // R1 missing → 0 (not 1 − 0); R2, R3 minmax over 6, 4: (6 − 4)/2 = 1 → 0, (4 − 4)/2 = 0 → 100.
    expect(Array.from(a2.normalised)).toEqual([0, 0, 100]);
    expect(Array.from(a2.imputed)).toEqual([1, 0, 0]);
    expect(a2.value[0]).toBeNaN();
    // A1 for R1 = (0 + 0)/2 = 0, and a2 still carries its weight: 0.25 × 0.5 × 0.5.
    expect(table.nodes.get('A1')!.score[0]).toBe(0);
    expect(a2.effectiveWeight[0]).toBe(0.0625);
  });

  it('mean: the raw value is imputed from the same period before normalising', () => {
    const framework = tree({ a1: { missing: 'mean' } });
    const rows: Row[] = [
      { region: 'R1', values: { a2: 2, a3: 5, b1: 30 } },
      { region: 'R2', values: { a1: 5, a2: 6, a3: 10, b1: 10 } },
      { region: 'R3', values: { a1: 10, a2: 4, a3: 2, b1: 20 } },
      { region: 'R1', period: '2021', values: { a1: 1000, a2: 2, a3: 5, b1: 30 } },
    ];
    const table = score(framework, datasetOf(framework, rows));
    const a1 = table.indicators.get('a1')!;
    // 2022 mean of a1 = (5 + 10)/2 = 7.5 (the 2021 value 1000 does not count); minmax over 7.5, 5, 10:
    // (7.5 − 5)/5 = 0.5 → 50, R2 0, R3 100.
    expect(a1.value[0]).toBe(7.5);
    expect(Array.from(a1.normalised.subarray(0, 3))).toEqual([50, 0, 100]);
    expect(Array.from(a1.imputed)).toEqual([1, 0, 0, 0]);
  });

  it('group-mean: same group, else the period mean with a warning; no value at all → warning', () => {
    const framework = frameworkOf({
      dimensions: [{ id: 'D', name: { en: 'D' }, indicators: [ind('x', { missing: 'group-mean' }), ind('y', { missing: 'median' })] }],
    });
    const rows: Row[] = [
      { region: 'E1', group: 'east', values: { x: 2 } },
      { region: 'E2', group: 'east', values: { x: 4 } },
      { region: 'E3', group: 'east', values: {} },
      { region: 'W1', group: 'west', values: { x: 10 } },
      { region: 'N1', group: 'north', values: {} },
    ];
    const table = score(framework, datasetOf(framework, rows));
    // east mean (2 + 4)/2 = 3; north has no x: period mean (2 + 4 + 10)/3 = 16/3.
    expect(Array.from(table.indicators.get('x')!.value)).toEqual([2, 4, 3, 10, 16 / 3]);
    expect(table.diagnostics.map((d) => [d.code, d.args['indicator'], d.args['group'] ?? d.args['policy']])).toEqual([
      ['impute-group-fallback', 'x', 'north'],
      ['impute-no-values', 'y', 'median'],
    ]);
    // y stays missing everywhere, so D = x alone.
    expect(Array.from(table.indicators.get('y')!.value).every(Number.isNaN)).toBe(true);
  });

  it('a row with no value at all is unscored with a warning', () => {
    const framework = tree();
    const rows = [...treeRows, { region: 'R4', values: {} }];
    const table = score(framework, datasetOf(framework, rows));
    expect(table.composite.score[3]).toBeNaN();
    expect(table.diagnostics.map((d) => [d.code, d.line, d.args['region']])).toEqual([['composite-missing', 5, 'R4']]);
    expect(table.order[3]).toBe(3);
  });
});

describe('score: transforms', () => {
  it('a value outside the transform domain is an error and counts as missing', () => {
    const framework = frameworkOf({
      dimensions: [{ id: 'D', name: { en: 'D' }, indicators: [ind('x', { transform: 'log10' }), ind('y')] }],
    });
    const rows: Row[] = [
      { region: 'R1', values: { x: 10, y: 0 } },
      { region: 'R2', values: { x: 0, y: 10 } },
      { region: 'R3', values: { x: 1000, y: 5 } },
    ];
    const table = score(framework, datasetOf(framework, rows));
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.line, d.args['value'], d.args['transform']])).toEqual([
      ['value-outside-transform-domain', 'error', 3, 0, 'log10'],
    ]);
    // log10: 10 → 1, 1000 → 3; minmax over 1, 3: R1 0, R3 100; R2 missing (reweight) → D = y alone = 100.
    expect(Array.from(table.indicators.get('x')!.normalised)).toEqual([0, NaN, 100]);
    expect(table.indicators.get('x')!.value[1]).toBeNaN();
    expect(table.composite.score[1]).toBe(100);
  });

  it('HDI: log income with goalposts 100 and 75,000, geometric mean of three dimensions', () => {
    const framework = frameworkOf({
      aggregate: 'geometric',
      dimensions: [
        { id: 'health', name: { en: 'Health' }, indicators: [ind('le', { normalise: { method: 'goalpost', min: 20, max: 85 } })] },
        {
          id: 'education',
          name: { en: 'Education' },
          indicators: [
            ind('eys', { normalise: { method: 'goalpost', min: 0, max: 18 } }),
            ind('mys', { normalise: { method: 'goalpost', min: 0, max: 15 } }),
          ],
        },
        { id: 'income', name: { en: 'Income' }, indicators: [ind('gni', { transform: 'log', normalise: { method: 'goalpost', min: 100, max: 75000 } })] },
      ],
    });
    const rows: Row[] = [
      { region: 'MID', values: { le: 52.5, eys: 9, mys: 7.5, gni: Math.sqrt(100 * 75000) } },
      { region: 'TOP', values: { le: 85, eys: 18, mys: 15, gni: 75000 } },
      { region: 'Z', values: { le: 72, eys: 20, mys: 12, gni: 10000 } },
    ];
    const table = score(framework, datasetOf(framework, rows));
    // MID: health (52.5 − 20)/65 = 0.5; education (9/18 + 7.5/15)/2 = 0.5; income: ln √(100·75000) is the
    // midpoint of ln 100 and ln 75000 → 0.5. Geometric mean of 50, 50, 50 = 50.
    expect(table.composite.score[0]).toBeCloseTo(50, 10);
    // TOP: every index 1 → 100.
    expect(table.composite.score[1]).toBeCloseTo(100, 10);
    // Z: health (72 − 20)/65 = 0.8; education (min(20/18, 1) + 12/15)/2 = (1 + 0.8)/2 = 0.9;
    // income (ln 10000 − ln 100)/(ln 75000 − ln 100) = ln 100/ln 750 = 0.6956373505726995;
    // HDI = (0.8 × 0.9 × 0.6956373505726995)^(1/3) = 0.7941547349118536 → 79.41547349118537.
    expect(table.nodes.get('income')!.score[2]).toBeCloseTo(69.56373505726995, 10);
    expect(table.nodes.get('education')!.score[2]).toBeCloseTo(90, 10);
    expect(table.composite.score[2]).toBeCloseTo(79.41547349118537, 10);
  });
});

describe('score: normalisation scope and warnings', () => {
  const framework = frameworkOf({ dimensions: [{ id: 'D', name: { en: 'D' }, indicators: [ind('x')] }] });
  const rows: Row[] = [
    { region: 'R1', period: '2022', values: { x: 10 } },
    { region: 'R1', period: '2021', values: { x: 0 } },
    { region: 'R2', period: '2022', values: { x: 20 } },
    { region: 'R2', period: '2021', values: { x: 40 } },
  ];

  it('normalises per period by default, ranks and orders per period', () => {
    const table = score(framework, datasetOf(framework, rows));
    // 2021: 0, 40 → R1 0, R2 100. 2022: 10, 20 → R1 0, R2 100.
    expect(Array.from(table.composite.score)).toEqual([0, 0, 100, 100]);
    expect(Array.from(table.composite.rank)).toEqual([2, 2, 1, 1]);
    expect(table.periods).toEqual(['2021', '2022']);
    // 2021 first: R2 (row 3), R1 (row 1); then 2022: R2 (row 2), R1 (row 0).
    expect(Array.from(table.order)).toEqual([3, 1, 2, 0]);
  });

  it('pools relative methods over every period on request, still ranking per period', () => {
    const table = score(framework, datasetOf(framework, rows), { normaliseScope: 'pooled' });
    // One min–max over 10, 0, 20, 40: x/40 → 25, 0, 50, 100.
    expect(Array.from(table.composite.score)).toEqual([25, 0, 50, 100]);
    expect(Array.from(table.composite.rank)).toEqual([2, 2, 1, 1]);
  });

  it('reports a constant indicator across all periods when pooled', () => {
    const table = score(framework, datasetOf(framework, rows.map((r) => ({ ...r, values: { x: 5 } }))), { normaliseScope: 'pooled' });
    // One pooled scope, one warning, with no period (null renders as "across all periods").
    expect(table.diagnostics.map((d) => [d.code, d.args['period'], d.args['count']])).toEqual([['normalise-constant', null, 4]]);
    expect(table.diagnostics[0]?.message).toContain('across all periods');
  });

  it('warns once per period about a constant indicator', () => {
    const constantRows: Row[] = [
      { region: 'R1', period: '2022', values: { x: 7 } },
      { region: 'R2', period: '2022', values: { x: 7 } },
      { region: 'R1', period: '2021', values: { x: 1 } },
      { region: 'R2', period: '2021', values: { x: 3 } },
    ];
    const table = score(framework, datasetOf(framework, constantRows));
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.file, d.args['indicator'], d.args['period']])).toEqual([
      ['normalise-constant', 'warning', 'test.yaml', 'x', '2022'],
    ]);
    expect(table.diagnostics[0]?.path).toEqual(['dimensions', 0, 'indicators', 0]);
    // 2022 both 0.5 × 100 = 50 and tied at rank 1.
    expect(Array.from(table.composite.score)).toEqual([50, 50, 0, 100]);
    expect(Array.from(table.composite.rank)).toEqual([1, 1, 2, 1]);
  });
});

describe('score: aggregation warnings', () => {
  it('warns once per group and period for zeros under a geometric mean', () => {
    const framework = frameworkOf({
      dimensions: [{ id: 'G', name: { en: 'G' }, aggregate: 'geometric', indicators: [ind('x'), ind('y')] }],
    });
    const rows: Row[] = [
      { region: 'R1', values: { x: 0, y: 5 } },
      { region: 'R2', values: { x: 5, y: 0 } },
      { region: 'R3', values: { x: 10, y: 10 } },
    ];
    const table = score(framework, datasetOf(framework, rows));
    // x and y minmax over 0, 5, 10 → 0, 50, 100 and 50, 0, 100; R1 and R2 have a zero child → G = 0.
    expect(Array.from(table.nodes.get('G')!.score)).toEqual([0, 0, 100]);
    expect(table.diagnostics.map((d) => [d.code, d.args['group'], d.args['count']])).toEqual([['aggregate-zero', 'G', 2]]);
    expect(table.diagnostics[0]?.path).toEqual(['dimensions', 0, 'aggregate']);
  });

  it('errors on negative inputs (unscaled z-scores) to a geometric mean, leaving the group missing', () => {
    const framework = frameworkOf({
      dimensions: [{ id: 'G', name: { en: 'G' }, aggregate: 'geometric', indicators: [ind('z', { normalise: { method: 'zscore', rescale: 'none' } })] }],
    });
    const rows: Row[] = [
      { region: 'R1', values: { z: 1 } },
      { region: 'R2', values: { z: 3 } },
    ];
    const table = score(framework, datasetOf(framework, rows));
    // z-scores −0.707…, +0.707…: R1 negative → G missing; R2 positive → G = z.
    expect(table.nodes.get('G')!.score[0]).toBeNaN();
    expect(table.nodes.get('G')!.score[1]).toBeCloseTo(Math.SQRT1_2, 12);
    expect(table.diagnostics.map((d) => [d.code, d.severity, d.args['count']])).toEqual([
      ['composite-missing', 'warning', undefined],
      ['aggregate-negative', 'error', 1],
    ]);
  });
});

describe('score: precision', () => {
  const framework = (precision?: number) =>
    frameworkOf({
      ...(precision === undefined ? {} : { precision }),
      dimensions: [{ id: 'D', name: { en: 'D' }, indicators: [ind('x', { normalise: 'none' })] }],
    });
  const rows: Row[] = [
    { region: 'R1', values: { x: 0.80004 } },
    { region: 'R2', values: { x: 0.79996 } },
    { region: 'R3', values: { x: 0.5 } },
  ];

  it('rounds the composite before ranking, so equal printed scores tie', () => {
    const table = score(framework(2), datasetOf(framework(2), rows));
    // 80.004 and 79.996 both round to 80.00: tied at rank 1; 50 → rank 3.
    expect(Array.from(table.composite.score)).toEqual([80, 80, 50]);
    expect(Array.from(table.composite.rank)).toEqual([1, 1, 3]);
    expect(Array.from(table.order)).toEqual([0, 1, 2]);
  });

  it('ranks unrounded scores when no precision is set', () => {
    const table = score(framework(), datasetOf(framework(), rows));
    expect(Array.from(table.composite.rank)).toEqual([1, 2, 3]);
  });
});

describe('score: tiers', () => {
  it('hands the ranks to assignTiers', () => {
    const framework = tree(
      {},
      {
        tiers: {
          levels: [
            { id: 'leading', name: { en: 'Leading' }, rule: { rank: { max: 1 } } },
            { id: 'other', name: { en: 'Other' }, rule: 'otherwise' },
          ],
        },
      },
    );
    const table = score(framework, datasetOf(framework, treeRows));
    // R1 is rank 1 → level 0; R2, R3 → level 1.
    expect(Array.from(table.tier)).toEqual([0, 1, 1]);
  });
});

describe('score: programmer errors', () => {
  it('throws when the dataset does not match the framework', () => {
    const framework = tree();
    const dataset = { ...datasetOf(framework, treeRows), values: [] };
    expect(() => score(framework, dataset)).toThrow(/indicator columns/);
  });
});
