import { describe, expect, it } from 'vitest';
import { explainRegion, type Explanation, type Lever } from '../../src/analyse/explain.js';
import { decimalsOf, displayDecimals, gridOf, searchBound } from '../../src/analyse/explain-grid.js';
import { isArithmeticPath } from '../../src/analyse/explain-leverage.js';
import { createRescorer } from '../../src/analyse/explain-rescore.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { toyDataset, toyFramework, toyTable, TOY, TOY_ROWS } from './explain-fixture.js';

function explained(query: string, options: Parameters<typeof explainRegion>[2] = {}, table = toyTable()): Explanation {
  const outcome = explainRegion(table, query, options);
  if (!outcome.explanation) throw new Error(`no explanation: ${outcome.diagnostics.map((d) => d.code).join(', ')}`);
  return outcome.explanation;
}

function lever(e: Explanation, id: string): Lever {
  const found = e.levers.find((l) => l.indicator.id === id);
  if (!found) throw new Error(`no lever ${id}`);
  return found;
}

describe('the toy scores (checks the fixture arithmetic)', () => {
  it('matches the hand-computed composites, ranks and tiers', () => {
    const t = toyTable();
    // See explain-fixture.ts: 95, 67.5, 65, 55, 20.
    expect([...t.composite.score].map((s) => Number(s.toFixed(10)))).toEqual([95, 67.5, 65, 55, 20]);
    expect([...t.composite.rank]).toEqual([1, 2, 3, 4, 5]);
    expect([...t.tier]).toEqual([0, 1, 1, 2, 3]);
  });
});

describe('why the tier (rules)', () => {
  it('names the rule that placed the region and the next rule it missed, with the distance', () => {
    const e = explained('r2');
    // r2: 67.5 ≥ 60 → good; leading needs rank ≤ 1, r2 is 2: one place short.
    expect(e.tier).toBe(1);
    expect(e.tierExplanation?.current?.trace).toMatchObject({ kind: 'score', holds: true, check: { observed: 67.5, bounds: { min: 60 } } });
    expect(e.tierExplanation?.next?.id).toBe('leading');
    expect(e.tierExplanation?.next?.trace).toMatchObject({
      kind: 'rank',
      holds: false,
      check: { observed: 2, shortfall: { side: 'max', bound: 1, distance: 1, unit: 'places' } },
    });
  });

  it('rank rule: the composite to reach is the score of the region at the boundary rank (a tie is enough)', () => {
    const e = explained('r2');
    // Rank ≤ 1 needs no other region strictly higher: tie r1 at 95, an increase of 95 − 67.5 = 27.5.
    expect(e.tierExplanation?.next?.composite).toEqual({
      score: 95,
      increase: 27.5,
      rank: 1,
      ties: [{ region: 'r1', name: '甲', score: 95, rank: 1 }],
    });
  });

  it('score rule: the composite to reach is the bound itself, with no one to tie', () => {
    const e = explained('r4');
    // r4 is special through any_dimension (org 100 ties for rank 1); good needs score ≥ 60: 60 − 55 = +5.
    // At 60 the regions above are r1 95, r2 67.5, r3 65 → rank 4.
    expect(e.tierExplanation?.current?.trace).toMatchObject({ kind: 'any_dimension', holds: true });
    expect(e.tierExplanation?.next?.composite).toEqual({ score: 60, increase: 5, rank: 4, ties: [] });
  });

  it('any_dimension rule: the score each dimension alone would need, composite held fixed', () => {
    const e = explained('r5');
    // r5 (developing) → special: any dimension at rank ≤ 1.
    // service: top other score is r1's (180 + 100)/3 = 93.33…, tie it; org: the others' top is 100 (r1, r3, r4).
    const next = e.tierExplanation?.next;
    expect(next?.id).toBe('special');
    const service = next?.dimensions.find((d) => d.id === 'service');
    expect(service?.score).toBeCloseTo(280 / 3, 10);
    expect(service?.increase).toBeCloseTo(280 / 3 - 80 / 3, 10);
    expect(service?.ties.map((t) => t.region)).toEqual(['r1']);
    const org = next?.dimensions.find((d) => d.id === 'org');
    expect(org).toMatchObject({ score: 100, increase: 100, rank: 1 });
    expect(org?.ties.map((t) => t.region).sort()).toEqual(['r1', 'r3', 'r4']);
    // The composite alone cannot make a dimension rank 1, but 60 meets good's score ≥ 60, which is
    // better than special: 60 − 20 = +40, rank 4 (95, 67.5 and 65 stay above).
    expect(next?.composite).toEqual({ score: 60, increase: 40, rank: 4, ties: [] });
  });

  it('says nothing is above the top tier', () => {
    const e = explained('r1');
    expect(e.tierExplanation?.next).toBeUndefined();
    expect(e.levers.every((l) => l.goal === undefined)).toBe(true);
  });

  it('with precision, the goal is in rounded terms', () => {
    // precision 0: r2 67.5 → 68 (half away from zero). good needs a rounded score ≥ 60 for r4: 60 − 55 = +5.
    const e = explained('r4', {}, toyTable({ precision: 0 }));
    expect(e.tierExplanation?.next?.composite).toMatchObject({ score: 60, increase: 5 });
    // A bound between rounded values rounds up: score ≥ 59.2 at precision 0 needs 60.
    const tiers = { levels: [TOY.tiers!.levels[0]!, { id: 'good', name: { en: 'Good' }, rule: { score: { min: 59.2 } } }, { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' as const }] };
    const bounded = explained('r4', {}, toyTable({ precision: 0, tiers }));
    expect(bounded.tierExplanation?.next?.composite).toMatchObject({ score: 60, increase: 5 });
  });
});

describe('natural breaks', () => {
  it('aims at the lower edge of the next class', () => {
    // Composites 95, 67.5, 65, 55, 20 in two classes. Within-class sums of squares:
    //   {20} | {55, 65, 67.5, 95}: 0 + (15.625² + 5.625² + 3.125² + 24.375²) = 879.69
    //   {20, 55} | {65, 67.5, 95}: 612.5 + 554.17 = 1166.67 — worse, so r5 is alone at the bottom.
    // The next class starts at r4's 55: 55 − 20 = +35, tying r4 at rank 4.
    const tiers = { method: 'natural-breaks' as const, levels: [{ id: 'high', name: { en: 'High' } }, { id: 'low', name: { en: 'Low' } }] };
    const e = explained('r5', {}, toyTable({ tiers }));
    expect(e.tierExplanation?.method).toBe('natural-breaks');
    expect(e.tierExplanation?.current?.edges).toEqual({ min: 20, max: 20, count: 1 });
    expect(e.tierExplanation?.next?.edges).toEqual({ min: 55, max: 95, count: 4 });
    expect(e.tierExplanation?.next?.composite).toEqual({ score: 55, increase: 35, rank: 4, ties: [{ region: 'r4', name: '丁', score: 55, rank: 4 }] });
  });
});

describe('what it would take, one indicator at a time (re-scoring)', () => {
  it('lists improvable indicators by points per normalised point = effective weight, skipping those at the maximum', () => {
    const e = explained('r4');
    // r4's cdo is 2 (normalised 100): nothing to gain, so it is skipped. online 0.5, apps 0.25.
    expect(e.levers.map((l) => l.indicator.id)).toEqual(['online', 'apps']);
    expect(lever(e, 'online').effectiveWeight).toBeCloseTo(0.5, 12);
    expect(lever(e, 'online').leverage).toEqual({ pointsPerUnit: lever(e, 'online').effectiveWeight, method: 'effective-weight' });
    expect(lever(e, 'apps').effectiveWeight).toBeCloseTo(0.25, 12);
    expect(e.skipped).toEqual({ atMaximum: 1, missing: 0, beyondTop: 0 });
  });

  it('goalpost indicator: the exact value on the data grid, one unit less falls short', () => {
    const e = explained('r4');
    // good needs 55 + 5: online +10 at 0.5 points each → 60 (composite 30 + 5 + 25 = 60); 59 gives 59.5.
    expect(lever(e, 'online').goal).toMatchObject({ status: 'reachable', value: 60, change: 10, short: 59, outcome: { score: 60, rank: 4, tier: 1 } });
  });

  it('minmax indicator below the maximum: linear in its own value', () => {
    const e = explained('r4');
    // appsN = apps / 5 while r1 keeps the maximum 500: +5 points need appsN +20 → apps 200 (composite 60);
    // 199 gives 50 + 199/20 = 59.95.
    expect(lever(e, 'apps').goal).toMatchObject({ status: 'reachable', value: 200, change: 100, short: 199 });
  });

  it('minmax indicator that becomes the new maximum moves everyone: not linear', () => {
    // r2 → leading needs rank 1. Linear reasoning says impossible (+27.5 points at 0.25 each > 100).
    // But with apps x > 500, r2 has appsN 100 and r1 drops to 500/x·100:
    //   r2 = 40 + 25 + 12.5 = 77.5;  r1 = 45 + 0.25 · 50000/x + 25 = 70 + 12500/x.
    // Unrounded, r2 reaches r1 when 12500/x ≤ 7.5 → x ≥ 1666.67 → 1667 (1666: r1 = 77.503 > 77.5).
    const exact = explained('r2', {}, toyTable({ precision: undefined }));
    expect(lever(exact, 'apps').goal).toMatchObject({ status: 'reachable', value: 1667, change: 1367, short: 1666, outcome: { rank: 1, tier: 0 } });
    // With precision 2 ranks use rounded scores: at 1666 r1 is 77.503 → 77.50, a tie with r2, and a
    // tie is rank 1; at 1665 r1 is 70 + 7.5075 = 77.5075 → 77.51 > 77.50.
    const rounded = explained('r2');
    expect(lever(rounded, 'apps').goal).toMatchObject({ status: 'reachable', value: 1666, change: 1366, short: 1665, outcome: { score: 77.5, rank: 1, tier: 0 } });
  });

  it('says when the indicator alone cannot get there within its range', () => {
    const e = explained('r2');
    // online is a goalpost: at 100, r2 = 50 + 15 + 12.5 = 77.5, still below r1's 95 → rank 2.
    expect(lever(e, 'online').goal).toMatchObject({ status: 'unreachable', reason: 'range', best: { value: 100, score: 77.5, rank: 2, tier: 1 } });
  });

  it('levels try each better level value: none suffices', () => {
    const e = explained('r2');
    // cdo 1 → 2 (the only better level): r2 = 40 + 15 + 25 = 80 < 95.
    expect(lever(e, 'cdo').goal).toMatchObject({ status: 'unreachable', reason: 'levels', best: { value: 2, score: 80, rank: 2 } });
  });

  it('levels: the first better level that reaches', () => {
    // r5 (developing, cdo 0) → special: org rank ≤ 1 needs cdoN 100 (tie r1, r3, r4) → level 2 (全面); level 1 gives 50, rank 5.
    const e = explained('r5');
    expect(lever(e, 'cdo').goal).toMatchObject({ status: 'reachable', value: 2, change: 2, short: 1, outcome: { tier: 2 } });
  });

  it('searches downwards for a negative indicator', () => {
    // online made negative (normalised 100 − online), with its own data so no scores tie:
    //   region online → normalised   composite (apps, cdo as in the toy)
    //   r1       10   → 90          45   + 25 + 25   = 95
    //   r2       30   → 70          35   + 15 + 12.5 = 62.5
    //   r3       44   → 56          28   + 10 + 25   = 63
    //   r4       70   → 30          15   +  5 + 25   = 45   special (org 100 ties for rank 1)
    //   r5       90   → 10           5   +  0 +  0   = 5
    // good needs 60: 0.5 · (100 − x) + 30 ≥ 60 → x ≤ 40; 41 gives 59.5.
    const dims = structuredClone(TOY.dimensions);
    const online = dims[0]?.indicators?.[0];
    if (online) online.direction = 'negative';
    const framework = toyFramework({ dimensions: dims });
    const rows = TOY_ROWS.map((r, i) => [r[0], r[1], [10, 30, 44, 70, 90][i] ?? 0, r[3], r[4]] as const);
    const table = score(framework, toyDataset(framework, rows));
    expect([...table.composite.score]).toEqual([95, 62.5, 63, 45, 5]);
    const e = explained('r4', {}, table);
    expect(e.tier).toBe(2);
    expect(lever(e, 'online').goal).toMatchObject({ status: 'reachable', value: 40, change: -30, short: 41, outcome: { score: 60, tier: 1 } });
  });

  it('limits the search to the top N by effective weight', () => {
    const e = explained('r4', { top: 1 });
    expect(e.levers.map((l) => l.indicator.id)).toEqual(['online']);
    expect(e.skipped.beyondTop).toBe(1);
  });

  it('measures points per normalised point by finite differences off the arithmetic path', () => {
    // service geometric: service = online^(2/3) · appsN^(1/3). For r4 (online 50, appsN 20), one step
    // of online (50 → 51) changes the composite by 0.75 · Δservice; the derivative of service in online
    // is (2/3) · service / online = (2/3) · 50^(2/3) · 20^(1/3) / 50 ≈ 0.4912, times 0.75 ≈ 0.368.
    const dims = structuredClone(TOY.dimensions);
    if (dims[0]) dims[0].aggregate = 'geometric';
    const table = toyTable({ dimensions: dims });
    const e = explained('r4', {}, table);
    const online = lever(e, 'online');
    expect(online.leverage.method).toBe('finite-difference');
    const analytic = 0.75 * (2 / 3) * (50 ** (2 / 3) * 20 ** (1 / 3)) / 50;
    // A one-unit forward difference is within 1% of the derivative here.
    expect(online.leverage.pointsPerUnit).toBeGreaterThan(analytic * 0.99);
    expect(online.leverage.pointsPerUnit).toBeLessThan(analytic * 1.01);
    expect(isArithmeticPath(table.framework, table.framework.indicators[2]!)).toBe(true);
  });
});

describe('finding the region and period', () => {
  it('unknown region: region-unknown with the nearest match', () => {
    const outcome = explainRegion(toyTable(), 'r9');
    expect(outcome.explanation).toBeUndefined();
    expect(outcome.diagnostics).toEqual([expect.objectContaining({ code: 'region-unknown', args: expect.objectContaining({ query: 'r9', suggestion: 'r1' }) })]);
  });

  it('finds a region by name', () => {
    expect(explained('丁').region).toBe('r4');
  });

  it('several periods: the latest unless --period, and says which', () => {
    const framework = toyFramework();
    const a = toyDataset(framework, TOY_ROWS, '2021');
    const b = toyDataset(framework, TOY_ROWS, '2022');
    const both = {
      ...a,
      rowCount: a.rowCount + b.rowCount,
      region: [...a.region, ...b.region],
      name: [...a.name, ...b.name],
      group: [...a.group, ...b.group],
      period: [...a.period, ...b.period],
      values: a.values.map((col, i) => Float64Array.from([...col, ...(b.values[i] ?? [])])),
      sources: [...a.sources, ...b.sources],
    };
    const table = score(framework, both);
    expect(explained('r4', {}, table).period).toEqual({ label: '2022', chosen: 'latest', available: ['2021', '2022'] });
    const requested = explained('r4', { period: '2021' }, table);
    expect(requested.period.chosen).toBe('requested');
    expect(requested.row).toBe(3);
    expect(explainRegion(table, 'r4', { period: '2020' }).diagnostics.map((d) => d.code)).toEqual(['period-unknown']);
    expect(explained('r4', {}, toyTable()).period.chosen).toBe('only');
  });

  it('an unscored region is a diagnostic, not an explanation', () => {
    const framework = toyFramework();
    const data = toyDataset(framework);
    const online = data.values[0]!;
    online[3] = Number.NaN;
    const dims = structuredClone(TOY.dimensions);
    const ind = dims[0]?.indicators?.[0];
    if (ind) ind.missing = 'fail';
    const failing = toyFramework({ dimensions: dims });
    const outcome = explainRegion(score(failing, { ...data }), 'r4');
    expect(outcome.explanation).toBeUndefined();
    expect(outcome.diagnostics.map((d) => d.code)).toEqual(['explain-region-unscored']);
  });
});

describe('re-scoring', () => {
  it('reproduces the table when nothing changes', () => {
    const table = toyTable();
    const rescorer = createRescorer(table, 1);
    // Setting r2's online to its own value 80 changes nothing: 67.5, rank 2, good.
    expect(rescorer.rescore(0, 80)).toEqual({ value: 80, score: 67.5, rank: 2, tier: 1, normalised: 80 });
    expect(rescorer.runs()).toBe(1);
  });

  it('takes rows out of canonical order, across periods and around an excluded row, without changing an answer', () => {
    // The toy twice (2022 then 2021), each period's rows reversed, plus an excluded r6 in 2022
    // whose apps 9999 would make appsN = apps / 99.99 for everyone if it took part.
    const framework = toyFramework();
    const reversed = [...TOY_ROWS].reverse();
    const r6 = ['r6', '己', 0, 9999, 0] as const;
    const parts = [toyDataset(framework, [...reversed, r6], '2022'), toyDataset(framework, reversed, '2021')];
    const data = {
      ...parts[0]!,
      rowCount: 11,
      region: parts.flatMap((p) => p.region),
      name: parts.flatMap((p) => p.name),
      group: parts.flatMap((p) => p.group),
      period: parts.flatMap((p) => p.period),
      values: framework.indicators.map((_, i) => Float64Array.from(parts.flatMap((p) => [...(p.values[i] ?? [])]))),
      sources: parts.flatMap((p) => p.sources),
      excluded: Uint8Array.from({ length: 11 }, (_, row) => (row === 5 ? 1 : 0)),
    };
    for (const normaliseScope of ['period', 'pooled'] as const) {
      const table = score(framework, data, { normaliseScope });
      // Row 1 is r4 of 2022 (55, rank 4, special): online 50 → 60 is +10 at 0.5 points each = 60, good.
      const r4 = createRescorer(table, 1, { normaliseScope });
      expect(r4.rescore(0, 60)).toEqual({ value: 60, score: 60, rank: 4, tier: 1, normalised: 60 });
      // Unchanged, every scored row reproduces the table.
      for (let row = 0; row < data.rowCount; row++) {
        if (row === 5) continue;
        const online = data.values[0]![row]!;
        expect(createRescorer(table, row, { normaliseScope }).rescore(0, online)).toEqual({
          value: online,
          score: table.composite.score[row],
          rank: table.composite.rank[row],
          tier: table.tier[row],
          normalised: online,
        });
      }
    }
  });
});

describe('the search grid', () => {
  it('uses the decimals the data is written with', () => {
    expect(decimalsOf(70.5)).toBe(1);
    expect(decimalsOf(402)).toBe(0);
    expect(decimalsOf(0.125)).toBe(3);
    expect(displayDecimals([1, 2.5, 3.25])).toBe(2);
  });

  it('steps exactly: 7051 / 10 is 705.1, not 705.1000000000001', () => {
    const grid = gridOf(1);
    expect(grid.valueAt(7051)).toBe(705.1);
    // 70.5 sits on the grid: the next value up is 70.6 (index 706), down 70.4 (704).
    expect(grid.firstBeyond(70.5, 1)).toBe(706);
    expect(grid.firstBeyond(70.5, -1)).toBe(704);
    expect(grid.lastWithin(100, 1)).toBe(1000);
  });

  it('bounds a search without a range generously, and at 0 for non-negative data searched downwards', () => {
    const framework = toyFramework();
    const apps = { ...framework.indicators[1]!, range: undefined };
    // Present 0…500: span max(500, 500, 0, 1) = 500 → 500 + 100 · 500.
    expect(searchBound(apps, [0, 100, 500], 100)).toBe(50500);
    expect(searchBound({ ...apps, direction: 'negative' }, [0, 100, 500], 100)).toBe(0);
  });
});
