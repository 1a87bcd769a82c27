import { describe, expect, it } from 'vitest';
import type { TiersInput } from '../../src/model/framework.js';
import type { TierRule } from '../../src/model/resolved.js';
import { checkBounds, explainLevels, explainRule, readsDimensions, ruleHolds, type RuleScores, type RuleTrace } from '../../src/tier/rules.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { nodeScores, TWO_DIMENSIONS, UNSCORED, type Triple } from './tier-fixture.js';

function framework(tiers?: TiersInput) {
  return resolveFramework({ ...TWO_DIMENSIONS, ...(tiers ? { tiers } : {}) });
}

/** One row: composite (score, rank, percentile) and each dimension's, NaN where absent. */
function scoresOf(composite: Triple, dims: { org?: Triple; svc?: Triple } = {}, tiers?: TiersInput): RuleScores {
  return {
    framework: framework(tiers),
    composite: nodeScores([composite]),
    nodes: new Map([
      ['org', nodeScores([dims.org ?? UNSCORED])],
      ['svc', nodeScores([dims.svc ?? UNSCORED])],
    ]),
  };
}

const score = (min?: number, max?: number): TierRule => ({ kind: 'score', bounds: { min, max } });
const rank = (min?: number, max?: number): TierRule => ({ kind: 'rank', bounds: { min, max } });
const percentile = (min?: number, max?: number): TierRule => ({ kind: 'percentile', bounds: { min, max } });

function checkOf(trace: RuleTrace) {
  if (!('check' in trace)) throw new Error(`trace of kind ${trace.kind} has no single check`);
  return trace.check;
}

describe('score', () => {
  it('is inclusive at both bounds', () => {
    // 80 ≥ 80 and 80 ≤ 80: both bounds hold at equality.
    expect(ruleHolds(score(80), scoresOf([80, 1, 1]), 0)).toBe(true);
    expect(ruleHolds(score(undefined, 80), scoresOf([80, 1, 1]), 0)).toBe(true);
    expect(ruleHolds(score(60, 80), scoresOf([60, 1, 1]), 0)).toBe(true);
  });

  it('fails below the minimum and says by how many points', () => {
    // 80 − 77.5 = 2.5 points short of the minimum.
    const check = checkOf(explainRule(score(80), scoresOf([77.5, 3, 0.5]), 0));
    expect(check.holds).toBe(false);
    expect(check.observed).toBe(77.5);
    expect(check.shortfall).toEqual({ side: 'min', bound: 80, distance: 2.5, unit: 'points' });
  });

  it('fails above the maximum and says by how many points', () => {
    // 80.75 − 80 = 0.75 points over the maximum.
    const check = checkOf(explainRule(score(60, 80), scoresOf([80.75, 1, 1]), 0));
    expect(check.shortfall).toEqual({ side: 'max', bound: 80, distance: 0.75, unit: 'points' });
  });

  it('treats missing bounds as unbounded', () => {
    expect(ruleHolds(score(), scoresOf([-1e9, 1, 1]), 0)).toBe(true);
    expect(ruleHolds(score(undefined, 10), scoresOf([-5, 1, 1]), 0)).toBe(true);
    expect(ruleHolds(score(10), scoresOf([1e9, 1, 1]), 0)).toBe(true);
  });

  it('never holds for a NaN score, even with no bounds, and reports no distance', () => {
    const check = checkOf(explainRule(score(), scoresOf([Number.NaN, Number.NaN, Number.NaN]), 0));
    expect(check.holds).toBe(false);
    expect(check.observed).toBeNaN();
    expect(check.shortfall).toBeUndefined();
  });
});

describe('rank', () => {
  it('rank ≤ max holds at the boundary, and rank 6 misses max 4 by 2 places', () => {
    expect(ruleHolds(rank(undefined, 4), scoresOf([90, 4, 0.8]), 0)).toBe(true);
    // 6 − 4 = 2 places.
    const check = checkOf(explainRule(rank(undefined, 4), scoresOf([70, 6, 0.5]), 0));
    expect(check).toEqual({ measure: 'rank', observed: 6, bounds: { min: undefined, max: 4 }, holds: false, shortfall: { side: 'max', bound: 4, distance: 2, unit: 'places' } });
  });

  it('a rank band {min: 5, max: 8} holds at 5 and 8 and not at 4', () => {
    expect(ruleHolds(rank(5, 8), scoresOf([0, 5, 0]), 0)).toBe(true);
    expect(ruleHolds(rank(5, 8), scoresOf([0, 8, 0]), 0)).toBe(true);
    // 5 − 4 = 1 place above the band.
    expect(checkOf(explainRule(rank(5, 8), scoresOf([0, 4, 0]), 0)).shortfall).toEqual({ side: 'min', bound: 5, distance: 1, unit: 'places' });
  });
});

describe('percentile', () => {
  it('is inclusive, and 0.85 misses {min: 0.9} by a share of 0.05', () => {
    expect(ruleHolds(percentile(0.9), scoresOf([0, 1, 0.9]), 0)).toBe(true);
    expect(ruleHolds(percentile(undefined, 0.5), scoresOf([0, 1, 0.5]), 0)).toBe(true);
    const check = checkOf(explainRule(percentile(0.9), scoresOf([0, 3, 0.85]), 0));
    expect(check.holds).toBe(false);
    expect(check.shortfall?.side).toBe('min');
    expect(check.shortfall?.unit).toBe('share');
    // 0.9 − 0.85 = 0.05 (binary noise aside).
    expect(check.shortfall?.distance).toBeCloseTo(0.05, 12);
  });
});

describe('dimension', () => {
  const svcTop3: TierRule = { kind: 'dimension', id: 'svc', measure: 'rank', bounds: { max: 3 } };

  it('reads the named dimension, not the composite', () => {
    // Composite rank 12 but services rank 3 ≤ 3.
    const scores = scoresOf([40, 12, 0.2], { org: [30, 14, 0.1], svc: [88, 3, 0.9] });
    expect(ruleHolds(svcTop3, scores, 0)).toBe(true);
    const trace = explainRule(svcTop3, scores, 0);
    expect(trace).toMatchObject({ kind: 'dimension', id: 'svc', holds: true, check: { measure: 'rank', observed: 3 } });
  });

  it('tests the dimension score and percentile too', () => {
    const scores = scoresOf([40, 12, 0.2], { org: [75, 5, 0.7], svc: [88, 3, 0.9] });
    expect(ruleHolds({ kind: 'dimension', id: 'org', measure: 'score', bounds: { min: 75 } }, scores, 0)).toBe(true);
    // 0.8 − 0.7 = 0.1 share short.
    const check = checkOf(explainRule({ kind: 'dimension', id: 'org', measure: 'percentile', bounds: { min: 0.8 } }, scores, 0));
    expect(check.holds).toBe(false);
    expect(check.shortfall?.distance).toBeCloseTo(0.1, 12);
  });

  it('fails when the dimension score is NaN (the region has no value there)', () => {
    const scores = scoresOf([40, 12, 0.2], { org: [30, 14, 0.1] });
    expect(ruleHolds(svcTop3, scores, 0)).toBe(false);
    const check = checkOf(explainRule(svcTop3, scores, 0));
    expect(check.holds).toBe(false);
    expect(check.observed).toBeNaN();
    expect(check.shortfall).toBeUndefined();
    // Unbounded tests fail on NaN as well: a missing value satisfies nothing.
    expect(ruleHolds({ kind: 'dimension', id: 'svc', measure: 'score', bounds: {} }, scores, 0)).toBe(false);
  });

  it('fails for an id the framework does not have', () => {
    const scores = scoresOf([40, 12, 0.2], { org: [30, 1, 1], svc: [30, 1, 1] });
    expect(ruleHolds({ kind: 'dimension', id: 'nope', measure: 'rank', bounds: {} }, scores, 0)).toBe(false);
  });
});

describe('any_dimension', () => {
  const anyTop3: TierRule = { kind: 'any_dimension', measure: 'rank', bounds: { max: 3 } };

  it('holds when one dimension passes and traces every dimension', () => {
    // org rank 5 > 3 (misses by 2), svc rank 2 ≤ 3.
    const scores = scoresOf([50, 9, 0.4], { org: [60, 5, 0.6], svc: [90, 2, 0.95] });
    expect(ruleHolds(anyTop3, scores, 0)).toBe(true);
    const trace = explainRule(anyTop3, scores, 0);
    if (trace.kind !== 'any_dimension') throw new Error('expected an any_dimension trace');
    expect(trace.holds).toBe(true);
    expect(trace.dimensions.map((d) => [d.id, d.check.holds, d.check.shortfall?.distance])).toEqual([
      ['org', false, 2],
      ['svc', true, undefined],
    ]);
  });

  it('fails when no dimension passes; NaN dimensions never pass', () => {
    const scores = scoresOf([50, 9, 0.4], { org: [60, 4, 0.6] });
    expect(ruleHolds(anyTop3, scores, 0)).toBe(false);
    expect(explainRule(anyTop3, scores, 0).holds).toBe(false);
  });
});

describe('combinators', () => {
  const row = scoresOf([72, 6, 0.6], { org: [80, 2, 0.9], svc: [60, 9, 0.3] });

  it('otherwise always holds', () => {
    expect(ruleHolds({ kind: 'otherwise' }, row, 0)).toBe(true);
    expect(explainRule({ kind: 'otherwise' }, row, 0)).toEqual({ kind: 'otherwise', holds: true });
    // Even for an unscored row: the caller, not the rule, decides which rows are tiered.
    expect(ruleHolds({ kind: 'otherwise' }, scoresOf([Number.NaN, Number.NaN, Number.NaN]), 0)).toBe(true);
  });

  it('all needs every rule; any needs one', () => {
    // score 72 ≥ 70 holds, rank 6 ≤ 4 fails.
    const both: TierRule[] = [score(70), rank(undefined, 4)];
    expect(ruleHolds({ kind: 'all', rules: both }, row, 0)).toBe(false);
    expect(ruleHolds({ kind: 'any', rules: both }, row, 0)).toBe(true);
    expect(ruleHolds({ kind: 'all', rules: [score(70), rank(undefined, 6)] }, row, 0)).toBe(true);
    expect(ruleHolds({ kind: 'any', rules: [score(73), rank(undefined, 5)] }, row, 0)).toBe(false);
  });

  it('all [] holds and any [] does not', () => {
    expect(ruleHolds({ kind: 'all', rules: [] }, row, 0)).toBe(true);
    expect(ruleHolds({ kind: 'any', rules: [] }, row, 0)).toBe(false);
  });

  it('not inverts', () => {
    expect(ruleHolds({ kind: 'not', rule: rank(undefined, 4) }, row, 0)).toBe(true);
    expect(ruleHolds({ kind: 'not', rule: score(70) }, row, 0)).toBe(false);
    expect(explainRule({ kind: 'not', rule: score(70) }, row, 0)).toMatchObject({ kind: 'not', holds: false, child: { kind: 'score', holds: true } });
  });

  it('explain does not short-circuit: a failed all lists every unmet bound', () => {
    // score 72 vs min 80: 8 points short; rank 6 vs max 4: 2 places; percentile 0.6 vs min 0.5 holds.
    const trace = explainRule({ kind: 'all', rules: [score(80), rank(undefined, 4), percentile(0.5)] }, row, 0);
    if (trace.kind !== 'all') throw new Error('expected an all trace');
    expect(trace.holds).toBe(false);
    expect(trace.children.map((c) => [c.holds, 'check' in c ? c.check.shortfall?.distance : 'n/a'])).toEqual([
      [false, 8],
      [false, 2],
      [true, undefined],
    ]);
  });

  it('nests: any [ rank ≤ 13, any_dimension rank ≤ 3 ] (the distinctive rule of DESIGN.md)', () => {
    const distinctive: TierRule = { kind: 'any', rules: [rank(undefined, 13), { kind: 'any_dimension', measure: 'rank', bounds: { max: 3 } }] };
    // Rank 20 but org rank 2: distinctive through the dimension.
    expect(ruleHolds(distinctive, scoresOf([30, 20, 0.1], { org: [80, 2, 0.9], svc: [20, 25, 0.05] }), 0)).toBe(true);
    // Rank 20, dimensions 4 and 25: neither branch.
    expect(ruleHolds(distinctive, scoresOf([30, 20, 0.1], { org: [70, 4, 0.8], svc: [20, 25, 0.05] }), 0)).toBe(false);
  });
});

describe('checkBounds', () => {
  it('reports the min side first when a value violates inverted bounds', () => {
    // min 5 > max 3: 4 is below 5 (by 1) and above 3; the min failure is the one reported.
    expect(checkBounds('score', 4, { min: 5, max: 3 }).shortfall).toEqual({ side: 'min', bound: 5, distance: 1, unit: 'points' });
  });
});

describe('explainLevels', () => {
  const designTiers: TiersInput = {
    levels: [
      { id: 'leading', name: { zh: '引领型', en: 'Leading' }, rule: { rank: { max: 4 } } },
      { id: 'quality', name: { zh: '优质型', en: 'Quality' }, rule: { rank: { max: 8 } } },
      { id: 'developing', name: { zh: '发展型', en: 'Developing' }, rule: 'otherwise' },
    ],
  };

  it('says a rank-6 region missed leading by 2 places and holds quality (6 ≤ 8)', () => {
    const scores = scoresOf([71, 6, 0.6], {}, designTiers);
    const levels = scores.framework.tiers?.levels ?? [];
    const traces = explainLevels(levels, scores, 0);
    expect(traces.map((t) => [t.id, t.holds])).toEqual([
      ['leading', false],
      ['quality', true],
      ['developing', true],
    ]);
    const leading = traces[0]?.trace;
    expect(leading && checkOf(leading).shortfall).toEqual({ side: 'max', bound: 4, distance: 2, unit: 'places' });
    const quality = traces[1]?.trace;
    expect(quality && checkOf(quality)).toMatchObject({ observed: 6, bounds: { max: 8 }, holds: true });
  });

  it('a level without a rule never holds', () => {
    const scores = scoresOf([71, 1, 1]);
    expect(explainLevels([{ id: 'x', name: { en: 'X' } }], scores, 0)).toEqual([{ level: 0, id: 'x', holds: false }]);
  });
});

describe('readsDimensions', () => {
  const top3: TierRule = { kind: 'dimension', id: 'svc', measure: 'rank', bounds: { max: 3 } };
  const anyAbove80: TierRule = { kind: 'any_dimension', measure: 'score', bounds: { min: 80 } };
  const composite: TierRule = { kind: 'rank', bounds: { max: 5 } };

  it('finds a dimension rule at any depth, under all, any and not', () => {
    expect(readsDimensions(top3)).toBe(true);
    expect(readsDimensions(anyAbove80)).toBe(true);
    expect(readsDimensions({ kind: 'all', rules: [composite, { kind: 'any', rules: [{ kind: 'not', rule: top3 }] }] })).toBe(true);
  });

  it('is false for rules on the composite alone, and for empty combinations', () => {
    for (const rule of [composite, { kind: 'score', bounds: { min: 60 } }, { kind: 'percentile', bounds: { min: 0.9 } }, { kind: 'otherwise' }] as TierRule[]) expect(readsDimensions(rule)).toBe(false);
    expect(readsDimensions({ kind: 'all', rules: [] })).toBe(false);
    expect(readsDimensions({ kind: 'not', rule: { kind: 'any', rules: [composite] } })).toBe(false);
  });
});
