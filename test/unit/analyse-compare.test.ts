/**
 * The three comparisons on small tables scored by the real engine. The framework is chosen so
 * that every number is easy to work out by hand: two dimensions of equal weight with one
 * goalpost 0–100 indicator each, so a dimension's score is its indicator's value and the
 * composite is their mean; tiers 'high' (score ≥ 60) and 'low'.
 */
import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/analyse/compare-groups.js';
import {
  baselineLabels,
  choosePeriodPair,
  comparePeriods,
  datasetOfPeriods,
  stackBaseline,
  tierTransitions,
} from '../../src/analyse/compare-periods.js';
import { compareRegions, quartileMark } from '../../src/analyse/compare-regions.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import type { ScoreTable } from '../../src/model/score-table.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

interface Row {
  readonly region: string;
  readonly a: number;
  readonly b: number;
  readonly period?: string;
  readonly group?: string;
  readonly name?: string;
}

function frameworkWithTierAt(threshold: number) {
  const input: FrameworkInput = {
    format: 'dgmi/1',
    id: 'two',
    name: { zh: '两维', en: 'Two' },
    precision: 2,
    defaults: { normalise: { method: 'goalpost', min: 0, max: 100 } },
    dimensions: [
      { id: 'a', name: { zh: '甲', en: 'A' }, indicators: [{ id: 'x', name: { en: 'X' } }] },
      { id: 'b', name: { zh: '乙', en: 'B' }, indicators: [{ id: 'y', name: { en: 'Y' } }] },
    ],
    tiers: {
      levels: [
        { id: 'high', name: { zh: '高', en: 'High' }, rule: { score: { min: threshold } } },
        { id: 'low', name: { zh: '低', en: 'Low' }, rule: 'otherwise' },
      ],
    },
  };
  return resolveFramework(input, { file: 'two.yaml' });
}

function datasetOf(rows: readonly Row[], file = 'data.csv'): Dataset {
  return {
    rowCount: rows.length,
    region: rows.map((r) => r.region),
    name: rows.map((r) => r.name ?? ''),
    group: rows.map((r) => r.group ?? ''),
    period: rows.map((r) => r.period ?? '2022'),
    values: [Float64Array.from(rows, (r) => r.a), Float64Array.from(rows, (r) => r.b)],
    sources: rows.map((_, i) => ({ file, line: i + 2 })),
    inputs: [{ path: file, sha256: '0' }],
  };
}

function scored(rows: readonly Row[], threshold = 60): ScoreTable {
  return score(frameworkWithTierAt(threshold), datasetOf(rows));
}

describe('quartileMark', () => {
  it('marks the top and bottom quarter symmetrically', () => {
    // n = 8: top quarter rank ≤ 8/4 = 2; bottom quarter rank ≥ 8 + 1 − 2 = 7.
    expect([1, 2, 3, 6, 7, 8].map((r) => quartileMark(r, 8))).toEqual(['strength', 'strength', undefined, undefined, 'weakness', 'weakness']);
    // n = 31 provinces: top rank ≤ 7.75 → 1–7; bottom rank ≥ 32 − 7.75 = 24.25 → 25–31.
    expect([7, 8, 24, 25].map((r) => quartileMark(r, 31))).toEqual(['strength', undefined, undefined, 'weakness']);
  });

  it('places tied regions at their average position', () => {
    // n = 8, all tied at rank 1: position 1 + 7/2 = 4.5, in neither quarter.
    expect(quartileMark(1, 8, 8)).toBeUndefined();
    // Three tied first: position 1 + 2/2 = 2 ≤ 2 → strength; four tied: 2.5 → neither.
    expect(quartileMark(1, 8, 3)).toBe('strength');
    expect(quartileMark(1, 8, 4)).toBeUndefined();
    // Two tied last (rank 7 of 8): position 7.5 ≥ 7 → weakness.
    expect(quartileMark(7, 8, 2)).toBe('weakness');
  });

  it('leaves no quarter to be in with fewer than 4 regions, and none for no rank', () => {
    expect([1, 2, 3].map((r) => quartileMark(r, 3))).toEqual([undefined, undefined, undefined]);
    expect(quartileMark(NaN, 8)).toBeUndefined();
  });
});

describe('compareRegions', () => {
  // a: 80 70 60 50 40 30 20 10 → ranks r1…r8 = 1…8
  // b: 50 20 80 40 10 60 30 70 → ranks r3 1, r8 2, r6 3, r1 4, r4 5, r7 6, r2 7, r5 8
  // composite (a+b)/2: r1 65, r2 45, r3 70, r4 45, r5 25, r6 45, r7 25, r8 40
  //   → ranks r3 1, r1 2, r2 r4 r6 3, r8 6, r5 r7 7; tier high (≥ 60): r1, r3.
  const a = [80, 70, 60, 50, 40, 30, 20, 10];
  const b = [50, 20, 80, 40, 10, 60, 30, 70];
  const table = scored(a.map((x, i) => ({ region: `r${i + 1}`, name: `R${i + 1}`, a: x, b: b[i] ?? 0 })));

  it('shows composite, rank, tier and every dimension with its rank and mark', () => {
    const { result, diagnostics } = compareRegions(table, ['r1', 'r3'], '2022', { normaliseScope: 'period' });
    expect(diagnostics).toEqual([]);
    expect(result?.scored).toBe(8);
    const [r1, r3] = result?.regions ?? [];
    expect(r1?.score).toBe(65);
    expect(r1?.rank).toBe(2);
    expect(r1?.tier).toBe(0);
    expect(r3?.score).toBe(70);
    expect(r3?.rank).toBe(1);
    // r1: a rank 1 ≤ 2 → strength; b rank 4 → neither.
    expect(r1?.nodes.map((n) => [n.id, n.rank, n.mark])).toEqual([['a', 1, 'strength'], ['b', 4, undefined]]);
    expect(r1?.strengths).toEqual(['a']);
    expect(r1?.weaknesses).toEqual([]);
    // r3: a rank 3 → neither; b rank 1 → strength.
    expect(r3?.strengths).toEqual(['b']);
    // Contribution of a for r1: 80 × 1/2 = 40 points.
    expect(r1?.nodes[0]?.contribution).toBeCloseTo(40, 10);
  });

  it('marks weaknesses in the bottom quarter', () => {
    // r5: a 40 rank 5 → neither, b 10 rank 8 ≥ 7 → weakness. r7: a 20 rank 7 → weakness, b rank 6 → neither.
    const { result } = compareRegions(table, ['r5', 'r7'], '2022', { normaliseScope: 'period' });
    expect(result?.regions.map((r) => r.weaknesses)).toEqual([['b'], ['a']]);
  });

  it('lists indicators by normalised gap, largest first', () => {
    // r1 vs r3: x 80 vs 60 → gap 20; y 50 vs 80 → gap 30. So y first, then x.
    const { result } = compareRegions(table, ['r1', 'r3'], '2022', { normaliseScope: 'period' });
    expect(result?.gaps.map((g) => [g.id, g.gap])).toEqual([['y', 30], ['x', 20]]);
    expect(result?.gaps[0]?.values.map((v) => v.value)).toEqual([50, 80]);
    const top1 = compareRegions(table, ['r1', 'r3'], '2022', { normaliseScope: 'period', top: 1 }).result;
    expect(top1?.gaps.map((g) => g.id)).toEqual(['y']);
  });

  it('has no gaps for a single region', () => {
    expect(compareRegions(table, ['r1'], '2022', { normaliseScope: 'period' }).result?.gaps).toEqual([]);
  });

  it('reports a region without a row in the period, with the periods it has', () => {
    const two = scored([
      { region: 'r1', a: 10, b: 10, period: '2021' },
      { region: 'r2', a: 10, b: 10, period: '2022' },
    ]);
    const { result, diagnostics } = compareRegions(two, ['r2', 'r1'], '2022', { normaliseScope: 'period' });
    expect(result).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.args['region'], d.args['known'], d.path])).toEqual([
      ['region-not-in-period', 'r1', '2021', ['--regions', 1]],
    ]);
  });
});

describe('comparePeriods', () => {
  // 2021: r1 a40 b60 → 50; r2 80/80 → 80; r3 20/20 → 20; r4 50/50 → 50 (only in 2021)
  //   ranks r2 1, r1 2, r4 2, r3 4; tiers (≥ 60 high): r2 high, r1 r3 r4 low.
  // 2022: r1 80/60 → 70; r2 70/70 → 70; r3 30/10 → 20; r5 90/90 → 90 (only in 2022)
  //   ranks r5 1, r1 2, r2 2, r3 4; tiers: r5 r1 r2 high, r3 low.
  const table = scored([
    { region: 'r1', a: 40, b: 60, period: '2021' },
    { region: 'r2', a: 80, b: 80, period: '2021' },
    { region: 'r3', a: 20, b: 20, period: '2021' },
    { region: 'r4', a: 50, b: 50, period: '2021' },
    { region: 'r1', a: 80, b: 60, period: '2022' },
    { region: 'r2', a: 70, b: 70, period: '2022' },
    { region: 'r3', a: 30, b: 10, period: '2022' },
    { region: 'r5', a: 90, b: 90, period: '2022' },
  ]);
  const { result, diagnostics } = comparePeriods(table, '2021', '2022', { normaliseScope: 'pooled' });

  it('pairs regions in the later period order and computes the changes', () => {
    expect(diagnostics).toEqual([]);
    expect(result?.normaliseScope).toBe('pooled');
    // r1: 70 − 50 = +20, rank 2 → 2 = 0; r2: 70 − 80 = −10, rank 1 → 2 = −1 (moved down);
    // r3: 20 − 20 = 0, rank 4 → 4 = 0.
    expect(result?.regions.map((r) => [r.region, r.scoreChange, r.rankChange, r.from.tier, r.to.tier])).toEqual([
      ['r1', 20, 0, 1, 0],
      ['r2', -10, -1, 0, 0],
      ['r3', 0, 0, 1, 1],
    ]);
  });

  it('names the dimensions that drove the change, largest contribution change first', () => {
    // r1: a contributes 40 × 1/2 = 20 → 80 × 1/2 = 40 (+20); b 30 → 30 (0).
    const r1 = result?.regions[0];
    expect(r1?.drivers.map((d) => [d.id, d.from, d.to, d.change])).toEqual([
      ['a', 20, 40, 20],
      ['b', 30, 30, 0],
    ]);
    // Contribution changes add up to the score change under arithmetic aggregation: 20 + 0 = 20.
    // r3: a 10 → 15 (+5), b 10 → 5 (−5): equal magnitude keeps framework order.
    expect(result?.regions[2]?.drivers.map((d) => [d.id, d.change])).toEqual([['a', 5], ['b', -5]]);
  });

  it('lists regions that entered and left', () => {
    expect(result?.entered.map((r) => [r.region, r.score, r.rank, r.tier])).toEqual([['r5', 90, 1, 0]]);
    expect(result?.left.map((r) => [r.region, r.score, r.rank, r.tier])).toEqual([['r4', 50, 2, 1]]);
  });

  it('counts tier transitions from-tier × to-tier', () => {
    // high→high r2; low→high r1; low→low r3; entered/left regions are not counted.
    expect(result?.transitions).toEqual({ levels: [0, 1], counts: [[1, 0], [1, 1]] });
  });

  it('gives zero changes against itself', () => {
    const self = comparePeriods(table, '2022', '2022', { normaliseScope: 'period' }).result;
    expect(self?.regions.map((r) => [r.scoreChange, r.rankChange])).toEqual([[0, 0], [0, 0], [0, 0], [0, 0]]);
    expect(self?.entered).toEqual([]);
    expect(self?.left).toEqual([]);
    // 2022: r5 r1 r2 high, r3 low → diagonal [3, 1].
    expect(self?.transitions.counts).toEqual([[3, 0], [0, 1]]);
  });

  it('reports periods that are not in the table', () => {
    const missing = comparePeriods(table, '2019', '2022', { normaliseScope: 'pooled' });
    expect(missing.result).toBeUndefined();
    expect(missing.diagnostics.map((d) => [d.code, d.file, d.args['known']])).toEqual([['period-unknown', '--from', '2021, 2022']]);
  });
});

describe('tierTransitions', () => {
  it('adds an untiered row and column only when some side is untiered', () => {
    // (0,0) (1,−1) (−1,0) (1,1): untiered is position 2.
    expect(tierTransitions(2, [[0, 0], [1, -1], [-1, 0], [1, 1]])).toEqual({
      levels: [0, 1, -1],
      counts: [
        [1, 0, 0],
        [0, 1, 1],
        [1, 0, 0],
      ],
    });
    expect(tierTransitions(2, [[0, 1]])).toEqual({ levels: [0, 1], counts: [[0, 1], [0, 0]] });
  });

  it('is one untiered cell for a framework without tiers', () => {
    expect(tierTransitions(0, [[-1, -1], [-1, -1]])).toEqual({ levels: [-1], counts: [[2]] });
  });
});

describe('choosePeriodPair', () => {
  const periods = ['2020', '2021', '2022'];
  it('defaults to the latest period and the one before it', () => {
    expect(choosePeriodPair(periods, undefined, undefined)).toEqual({ from: '2021', to: '2022', diagnostics: [] });
    expect(choosePeriodPair(periods, undefined, '2021')).toEqual({ from: '2020', to: '2021', diagnostics: [] });
    expect(choosePeriodPair(periods, '2020', undefined)).toEqual({ from: '2020', to: '2022', diagnostics: [] });
  });

  it('reports unknown periods and a missing earlier one', () => {
    expect(choosePeriodPair(periods, '2019', '2023').diagnostics.map((d) => [d.code, d.file])).toEqual([
      ['period-unknown', '--from'],
      ['period-unknown', '--to'],
    ]);
    expect(choosePeriodPair(['2022'], undefined, undefined).diagnostics.map((d) => d.code)).toEqual(['period-no-earlier']);
  });
});

describe('period data sets', () => {
  it('keeps only the rows of the two periods, so pooling covers just them', () => {
    const data = datasetOf([
      { region: 'r1', a: 1, b: 2, period: '2020' },
      { region: 'r1', a: 3, b: 4, period: '2021' },
      { region: 'r1', a: 5, b: 6, period: '2022' },
    ]);
    const pair = datasetOfPeriods(data, ['2020', '2022']);
    expect(pair.rowCount).toBe(2);
    expect(pair.period).toEqual(['2020', '2022']);
    expect([...(pair.values[0] ?? [])]).toEqual([1, 5]);
    expect(pair.sources.map((s) => s.line)).toEqual([2, 4]);
  });

  it('stacks a baseline under the current data with distinct period labels', () => {
    const baseline = datasetOf([{ region: 'r1', a: 1, b: 2, period: '' }], 'old.csv');
    const current = datasetOf([{ region: 'r1', a: 3, b: 4, period: '' }, { region: 'r2', a: 5, b: 6, period: '' }], 'new.csv');
    const labels = baselineLabels('', '');
    expect(labels).toEqual({ from: 'baseline', to: 'current' });
    const both = stackBaseline(baseline, current, labels);
    expect(both.rowCount).toBe(3);
    expect(both.period).toEqual(['baseline', 'current', 'current']);
    expect([...(both.values[1] ?? [])]).toEqual([2, 4, 6]);
    expect(both.inputs.map((i) => i.path)).toEqual(['old.csv', 'new.csv']);
    expect(both.sources.map((s) => s.file)).toEqual(['old.csv', 'new.csv', 'new.csv']);
  });

  it('labels the sides by their own periods when they differ', () => {
    expect(baselineLabels('2021', '2022')).toEqual({ from: '2021', to: '2022' });
    expect(baselineLabels('2022', '2022')).toEqual({ from: '2022 (baseline)', to: '2022' });
  });
});

describe('compareGroups', () => {
  // Composite v = (a + b)/2 with a = v − 10, b = v + 10.
  // east v 30, 40, 50; west v 10, 20, 30; one row without a group (left out).
  const rows: Row[] = [
    { region: 'e1', group: 'east', a: 20, b: 40 },
    { region: 'w1', group: 'west', a: 0, b: 20 },
    { region: 'e2', group: 'east', a: 30, b: 50 },
    { region: 'w2', group: 'west', a: 10, b: 30 },
    { region: 'e3', group: 'east', a: 40, b: 60 },
    { region: 'w3', group: 'west', a: 20, b: 40 },
    { region: 'x1', group: '', a: 90, b: 90 },
  ];
  const table = scored(rows, 30);
  const { result, diagnostics } = compareGroups(table, '2022', { normaliseScope: 'period' });

  it('warns about a row without a group, at its line, and leaves it out', () => {
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.args['region']])).toEqual([
      ['group-empty', 'warning', 'data.csv', 8, 'x1'],
    ]);
    expect(result?.withoutGroup).toBe(1);
    expect(result?.overall.regions).toBe(6);
  });

  it('summarises the composite per group, with CV = sd/mean', () => {
    const [east, west] = result?.groups ?? [];
    // east 30 40 50: mean 40, median 40, sd √((100 + 0 + 100)/2) = 10, CV 10/40 = 0.25.
    expect(east?.group).toBe('east');
    expect(east?.composite.n).toBe(3);
    expect(east?.composite.mean).toBeCloseTo(40, 10);
    expect(east?.composite.median).toBeCloseTo(40, 10);
    expect(east?.composite.min).toBeCloseTo(30, 10);
    expect(east?.composite.max).toBeCloseTo(50, 10);
    expect(east?.composite.sd).toBeCloseTo(10, 10);
    expect(east?.composite.cv).toBeCloseTo(0.25, 10);
    // west 10 20 30: mean 20, sd 10, CV 0.5.
    expect(west?.composite.cv).toBeCloseTo(0.5, 10);
    // all six 10 20 30 30 40 50: mean 30; squared deviations 400+100+0+0+100+400 = 1000,
    // sample variance 1000/5 = 200, sd 14.142136, CV 0.471405.
    expect(result?.overall.composite.mean).toBeCloseTo(30, 10);
    expect(result?.overall.composite.sd).toBeCloseTo(14.142136, 6);
    expect(result?.overall.composite.cv).toBeCloseTo(0.471405, 6);
  });

  it('summarises every dimension per group', () => {
    // east a 20 30 40: mean 30, sd 10, CV 1/3; west a 0 10 20: mean 10, sd 10, CV 1.
    const [east, west] = result?.groups ?? [];
    expect(east?.dimensions.map((d) => d.id)).toEqual(['a', 'b']);
    expect(east?.dimensions[0]?.summary.cv).toBeCloseTo(1 / 3, 10);
    expect(west?.dimensions[0]?.summary.cv).toBeCloseTo(1, 10);
    // west b 20 30 40: mean 30, median 30.
    expect(west?.dimensions[1]?.summary.median).toBeCloseTo(30, 10);
  });

  it('decomposes the Theil index of the composite', () => {
    // Half the six values of the worked example in analyse-inequality.test.ts (Theil is
    // scale-free): T = 0.099740, between 0.056633, within 0.043107; shares 0.567808 / 0.432192.
    expect(result?.theil?.total).toBeCloseTo(0.09974, 5);
    expect(result?.theil?.between).toBeCloseTo(0.056633, 6);
    expect(result?.theil?.within).toBeCloseTo(0.043107, 6);
    expect(result?.theil?.betweenShare).toBeCloseTo(0.567808, 6);
    expect(result?.groups[0]?.theil?.share).toBeCloseTo(2 / 3, 10);
    expect(result?.overall.theil).toBeUndefined();
  });

  it('counts tiers per group', () => {
    // high is score ≥ 30: east 30 40 50 all high; west 30 high, 10 20 low.
    expect(result?.tierLevels).toEqual([0, 1]);
    expect(result?.groups.map((g) => [g.group, ...g.tiers])).toEqual([['east', 3, 0], ['west', 1, 2]]);
    expect(result?.overall.tiers).toEqual([4, 2]);
  });

  it('puts the NBS groups first in their usual order, then the rest', () => {
    const labels = ['other', 'west', 'northeast', 'central', 'east', 'abc'];
    const t = scored(labels.map((group, i) => ({ region: `g${i}`, group, a: 50, b: 50 })));
    expect(compareGroups(t, '2022', { normaliseScope: 'period' }).result?.groups.map((g) => g.group)).toEqual([
      'east',
      'central',
      'west',
      'northeast',
      'abc',
      'other',
    ]);
  });

  it('does not report a Theil index for negative scores', () => {
    // Goalposts without clipping let a value below min give a negative score: −20 → −20.
    const unclipped = resolveFramework(
      {
        format: 'dgmi/1',
        id: 'neg',
        name: { en: 'Neg' },
        defaults: { normalise: { method: 'goalpost', min: 0, max: 100, clip: false } },
        dimensions: [
          { id: 'a', name: { en: 'A' }, indicators: [{ id: 'x', name: { en: 'X' } }] },
          { id: 'b', name: { en: 'B' }, indicators: [{ id: 'y', name: { en: 'Y' } }] },
        ],
      },
      { file: 'neg.yaml' },
    );
    const t = score(unclipped, datasetOf([
      { region: 'r1', group: 'east', a: -20, b: -20 },
      { region: 'r2', group: 'west', a: 40, b: 40 },
    ]));
    const { result, diagnostics } = compareGroups(t, '2022', { normaliseScope: 'period' });
    expect(diagnostics.map((d) => [d.code, d.args['count']])).toEqual([['theil-negative-score', 1]]);
    expect(result?.theil).toBeUndefined();
    // The other statistics are still there: mean of −20 and 40 = 10.
    expect(result?.overall.composite.mean).toBeCloseTo(10, 10);
  });

  it('reports a group column that is empty everywhere', () => {
    const t = scored([{ region: 'r1', a: 1, b: 1 }, { region: 'r2', a: 2, b: 2 }]);
    const none = compareGroups(t, '2022', { normaliseScope: 'period' });
    expect(none.result).toBeUndefined();
    expect(none.diagnostics.map((d) => d.code)).toEqual(['group-column-absent']);
  });
});
