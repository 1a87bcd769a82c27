import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput, GroupInput, IndicatorInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import type { ScoreTable } from '../../src/model/score-table.js';
import { aggregateGreyRelational } from '../../src/score/grey-relational.js';
import { aggregateTopsis } from '../../src/score/topsis.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

interface Row {
  readonly region: string;
  readonly period?: string;
  readonly values: Readonly<Record<string, number>>;
}

function datasetOf(framework: ResolvedFramework, rows: readonly Row[]): Dataset {
  return {
    rowCount: rows.length,
    region: rows.map((r) => r.region),
    name: rows.map(() => ''),
    group: rows.map(() => ''),
    period: rows.map((r) => r.period ?? '2022'),
    values: framework.indicators.map((ind) => Float64Array.from(rows, (r) => r.values[ind.id] ?? NaN)),
    sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [{ path: 'data.csv', sha256: '' }],
  };
}

const ind = (id: string, extra: Partial<IndicatorInput> = {}): IndicatorInput => ({ id, name: { en: id }, ...extra });

function frameworkOf(dimension: Partial<GroupInput>, top: Partial<FrameworkInput> = {}): ResolvedFramework {
  return resolveFramework(
    {
      format: 'dgmi/1',
      id: 'test',
      name: { en: 'Test' },
      dimensions: [{ id: 'd', name: { en: 'd' }, indicators: [ind('a'), ind('b'), ind('c')], ...dimension }],
      ...top,
    },
    { file: 'test.yaml' },
  );
}

const scoreOf = (table: ScoreTable, region: string, period = '2022') => {
  const row = table.dataset.region.findIndex((r, i) => r === region && table.dataset.period[i] === period);
  return table.composite.score[row]!;
};

// The entropy table of weights-methods.test.ts: a = [10, 20, 30], b = [5, 5, 9], c = [1, 3, 3].
const rows2022: Row[] = [
  { region: 'r1', values: { a: 10, b: 5, c: 1 } },
  { region: 'r2', values: { a: 20, b: 5, c: 3 } },
  { region: 'r3', values: { a: 30, b: 9, c: 3 } },
];

describe('derived weights in the engine', () => {
  it('scores with entropy weights derived from the normalised children', () => {
    const framework = frameworkOf({ weighting: 'entropy' });
    const table = score(framework, datasetOf(framework, rows2022));
    // Weights (hand-computed in weights-methods.test.ts): a 0.235024, b 0.558756, c 0.206220.
    // r1 normalises to (0, 0, 0) → 0; r2 to (50, 0, 100) → 0.235024·50 + 0.206220·100 = 32.3732; r3 to (100, 100, 100) → 100.
    expect(scoreOf(table, 'r1')).toBeCloseTo(0, 10);
    expect(scoreOf(table, 'r2')).toBeCloseTo(32.3732, 3);
    expect(scoreOf(table, 'r3')).toBeCloseTo(100, 10);
    const record = table.weights?.find((w) => w.group === 'd');
    expect(record?.method).toBe('entropy');
    expect(record?.period).toBe('2022');
    expect(record?.weights[1]).toBeCloseTo(0.558756, 6);
    // The effective weight of an indicator is its derived share (the single dimension carries 1).
    const row = table.dataset.region.indexOf('r2');
    expect(table.indicators.get('b')?.effectiveWeight[row]).toBeCloseTo(0.558756, 6);
    // The top level has fixed weights and one record for every period.
    expect(table.weights?.find((w) => w.isTop)).toMatchObject({ group: 'test', method: 'fixed', period: null, weights: [1] });
  });

  it('derives weights per period by default and once when pooled', () => {
    const rows: Row[] = [...rows2022, ...rows2022.map((r) => ({ ...r, period: '2023', values: { ...r.values, b: r.region === 'r2' ? 7 : r.values['b']! } }))];
    const perPeriod = frameworkOf({ weighting: 'entropy' });
    const split = score(perPeriod, datasetOf(perPeriod, rows)).weights?.filter((w) => w.group === 'd') ?? [];
    expect(split.map((w) => w.period)).toEqual(['2022', '2023']);
    expect(split[0]!.weights[1]).not.toBeCloseTo(split[1]!.weights[1]!, 3);
    const pooled = frameworkOf({ weighting: 'entropy', weighting_scope: 'pooled' });
    const once = score(pooled, datasetOf(pooled, rows)).weights?.filter((w) => w.group === 'd') ?? [];
    expect(once.map((w) => w.period)).toEqual([null]);
  });

  it('falls back to the fixed weights with a warning when every child is constant', () => {
    const framework = frameworkOf({ weighting: 'critic' });
    const table = score(framework, datasetOf(framework, rows2022.map((r) => ({ ...r, values: { a: 1, b: 2, c: 3 } }))));
    expect(table.diagnostics.map((d) => d.code)).toContain('weights-fallback');
    expect(table.weights?.find((w) => w.group === 'd')).toMatchObject({ fallback: 'all-constant', weights: [1 / 3, 1 / 3, 1 / 3] });
    const fallback = table.diagnostics.find((d) => d.code === 'weights-fallback');
    expect(fallback?.path).toEqual(['dimensions', 0, 'weighting']);
  });

  it('warns about a constant child and gives it weight 0', () => {
    const framework = frameworkOf({ weighting: 'entropy' });
    const table = score(framework, datasetOf(framework, rows2022.map((r) => ({ ...r, values: { ...r.values, c: 5 } }))));
    expect(table.diagnostics.filter((d) => d.code === 'weights-constant-child').map((d) => d.args['child'])).toEqual(['c']);
    expect(table.weights?.find((w) => w.group === 'd')?.weights[2]).toBe(0);
  });

  it('uses AHP weights for every period and records the consistency', () => {
    const framework = frameworkOf({ weighting: 'ahp', ahp: { matrix: [[1, 2, 4], ['1/2', 1, 2], ['1/4', '1/2', 1]] } });
    const table = score(framework, datasetOf(framework, rows2022));
    const record = table.weights?.find((w) => w.group === 'd');
    expect(record?.period).toBeNull();
    expect(record?.weights.map((w) => Number(w.toFixed(10)))).toEqual([0.5714285714, 0.2857142857, 0.1428571429]);
    expect(record?.ahp?.cr).toBe(0);
    // r2 normalises to (50, 0, 100): 4/7·50 + 1/7·100 = 300/7 = 42.857143
    expect(scoreOf(table, 'r2')).toBeCloseTo(300 / 7, 9);
  });

  it('combines AHP and entropy arithmetically', () => {
    const framework = frameworkOf({
      ahp: { matrix: [[1, 2, 4], ['1/2', 1, 2], ['1/4', '1/2', 1]] },
      combine: [
        { method: 'ahp', share: 1 },
        { method: 'entropy', share: 1 },
      ],
    });
    const table = score(framework, datasetOf(framework, rows2022));
    const record = table.weights?.find((w) => w.group === 'd');
    // ½·(4/7, 2/7, 1/7) + ½·(0.235024, 0.558756, 0.206220) = (0.403226, 0.422235, 0.174539)
    expect(record?.method).toBe('combine');
    record?.weights.forEach((w, i) => expect(w).toBeCloseTo([0.403226, 0.422235, 0.174539][i]!, 5));
    expect(record?.components?.map((c) => c.method)).toEqual(['ahp', 'entropy']);
  });

  it('scores each period with its own weights, as if it were scored alone', () => {
    const rows2023: Row[] = [
      { region: 'r1', period: '2023', values: { a: 12, b: 8, c: 2 } },
      { region: 'r2', period: '2023', values: { a: 15, b: 4, c: 9 } },
      { region: 'r3', period: '2023', values: { a: 40, b: 6, c: 3 } },
    ];
    for (const weighting of ['entropy', 'critic', 'cv', 'pca'] as const) {
      const framework = frameworkOf({ weighting, aggregate: 'topsis' });
      const both = score(framework, datasetOf(framework, [...rows2022, ...rows2023]));
      const alone = score(framework, datasetOf(framework, rows2023));
      for (const region of ['r1', 'r2', 'r3']) expect(scoreOf(both, region, '2023')).toBeCloseTo(scoreOf(alone, region, '2023'), 12);
      const row = both.dataset.region.findIndex((r, i) => r === 'r2' && both.dataset.period[i] === '2023');
      const aloneRow = alone.dataset.region.indexOf('r2');
      expect(both.indicators.get('a')?.effectiveWeight[row]).toBeCloseTo(alone.indicators.get('a')!.effectiveWeight[aloneRow]!, 12);
    }
  });

  it('derives weights from complete rows and renormalises them where a child is missing', () => {
    const framework = frameworkOf({ weighting: 'entropy' });
    // r4 lacks c: the weights come from r1–r3 (as hand-computed above: 0.235024, 0.558756, 0.206220);
    // r4's a and b normalise over r1–r4 (a = 25 → (25 − 10)/20 = 75; b = 7 → (7 − 5)/4 = 50),
    // and its score is (0.235024·75 + 0.558756·50)/(0.235024 + 0.558756) = (17.6268 + 27.9378)/0.793780 = 57.4021
    const table = score(framework, datasetOf(framework, [...rows2022, { region: 'r4', values: { a: 25, b: 7 } }]));
    expect(table.weights?.find((w) => w.group === 'd')?.weights[0]).toBeCloseTo(0.235024, 6);
    expect(scoreOf(table, 'r4')).toBeCloseTo(57.4021, 3);
  });

  it('scores a dataset without rows', () => {
    const framework = frameworkOf({ weighting: 'entropy', aggregate: 'topsis' });
    const table = score(framework, datasetOf(framework, []));
    expect(table.composite.score).toHaveLength(0);
    expect(table.weights?.find((w) => w.group === 'd')).toMatchObject({ method: 'entropy', fallback: 'too-few-rows', weights: [1 / 3, 1 / 3, 1 / 3] });
  });

  it('old frameworks resolve without weighting fields', () => {
    const framework = frameworkOf({});
    expect('weighting' in framework.dimensions[0]!).toBe(false);
    expect('rho' in framework).toBe(false);
  });
});

// Three regions, two children with shares 0.6 and 0.4, scores (80, 20), (40, 60), (20, 80).
const children = (shares = [0.6, 0.4]) => [
  { scores: Float64Array.from([80, 40, 20]), share: shares[0]! },
  { scores: Float64Array.from([20, 60, 80]), share: shares[1]! },
];
const buffers = () => ({ out: new Float64Array(3), presentShare: new Float64Array(3) });
const oneScope = [Uint32Array.from([0, 1, 2])];

describe('TOPSIS', () => {
  it('matches the hand computation', () => {
    // Norms: √(80² + 40² + 20²) = √8400 = 91.651514; √(20² + 60² + 80²) = √10400 = 101.980390
    // r: (0.872872, 0.196116), (0.436436, 0.588348), (0.218218, 0.784465)
    // A⁺ = (0.872872, 0.784465), A⁻ = (0.218218, 0.196116)
    // r1: D⁺ = √(0 + (0.4·0.588348)²) = 0.235339, D⁻ = √((0.6·0.654654)² + 0) = 0.392792 → 0.392792/0.628131 = 0.625334
    // r2: D⁺ = √((0.6·0.436436)² + (0.4·0.196116)²) = 0.273359, D⁻ = √((0.6·0.218218)² + (0.4·0.392232)²) = 0.204348 → 0.427769
    // r3: D⁺ = 0.392792, D⁻ = 0.235339 → 0.374666
    const b = buffers();
    aggregateTopsis(children(), oneScope, new Uint8Array(3), 100, b);
    [62.5334, 42.7769, 37.4666].forEach((e, i) => expect(b.out[i]).toBeCloseTo(e, 3));
    expect(Array.from(b.presentShare)).toEqual([1, 1, 1]);
  });

  it('gives the midpoint when every region is identical', () => {
    const b = buffers();
    aggregateTopsis([{ scores: Float64Array.from([5, 5, 5]), share: 1 }], oneScope, new Uint8Array(3), 100, b);
    expect(Array.from(b.out)).toEqual([50, 50, 50]);
  });

  it('compares within each scope apart', () => {
    const b = buffers();
    aggregateTopsis([{ scores: Float64Array.from([10, 20, 30]), share: 1 }], [Uint32Array.from([0, 1]), Uint32Array.from([2])], new Uint8Array(3), 1, b);
    // Scope {0, 1}: r = (1/√5, 2/√5); r0 is A⁻ (closeness 0), r1 is A⁺ (1). Scope {2}: alone, the midpoint.
    expect(Array.from(b.out)).toEqual([0, 1, 0.5]);
  });
});

describe('grey relational analysis', () => {
  it('matches the hand computation (ρ = 0.5)', () => {
    // Ideal x₀ = (80, 80); Δ: r1 (0, 60), r2 (40, 20), r3 (60, 0); Δmin = 0, Δmax = 60, ρΔmax = 30
    // ξ: r1 (30/30, 30/90) = (1, 1/3) → 0.6 + 0.4/3 = 0.733333
    //    r2 (30/70, 30/50) = (0.428571, 0.6) → 0.257143 + 0.24 = 0.497143
    //    r3 (30/90, 30/30) = (1/3, 1) → 0.2 + 0.4 = 0.6
    const b = buffers();
    aggregateGreyRelational(children(), oneScope, new Uint8Array(3), 0.5, 100, b);
    [73.3333, 49.7143, 60].forEach((e, i) => expect(b.out[i]).toBeCloseTo(e, 3));
  });

  it('renormalises the weights over the present children', () => {
    const kids = children();
    kids[1]!.scores[1] = NaN;
    const b = buffers();
    aggregateGreyRelational(kids, oneScope, new Uint8Array(3), 0.5, 100, b);
    // Δ over present cells: r1 (0, 60), r2 (40, –), r3 (60, 0): Δmax still 60. r2 has only child 1: ξ = 30/70 → 42.857143
    expect(b.out[1]).toBeCloseTo(300 / 7, 9);
    expect(b.presentShare[1]).toBeCloseTo(0.6, 12);
  });

  it('is scored by the engine as a group aggregation with rho', () => {
    const framework = frameworkOf({ aggregate: { method: 'grey-relational', rho: 0.5 }, indicators: [ind('a', { weight: 3, normalise: 'none' }), ind('b', { weight: 2, normalise: 'none' })] });
    const table = score(
      framework,
      datasetOf(framework, [
        { region: 'r1', values: { a: 0.8, b: 0.2 } },
        { region: 'r2', values: { a: 0.4, b: 0.6 } },
        { region: 'r3', values: { a: 0.2, b: 0.8 } },
      ]),
    );
    expect(scoreOf(table, 'r1')).toBeCloseTo(73.3333, 3);
    expect(scoreOf(table, 'r2')).toBeCloseTo(49.7143, 3);
  });
});
