import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bounds } from '../../src/model/framework.js';
import type { ResolvedTiers, TierLevel, TierRule } from '../../src/model/resolved.js';
import type { NodeScores } from '../../src/model/score-table.js';
import { assignTiers, type TierInputs } from '../../src/tier/assign.js';
import { explainRule, ruleHolds } from '../../src/tier/rules.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { TWO_DIMENSIONS } from '../unit/tier-fixture.js';

const PERIODS = ['2021', '2022'] as const;

interface Row {
  readonly period: string;
  /** NaN = unscored. Small integers so ties are common. */
  readonly score: number;
  readonly org: number;
  readonly svc: number;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  period: fc.constantFrom(...PERIODS),
  score: fc.oneof({ weight: 1, arbitrary: fc.constant(Number.NaN) }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }),
  org: fc.oneof({ weight: 1, arbitrary: fc.constant(Number.NaN) }, { weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }),
  svc: fc.integer({ min: 0, max: 20 }),
});

/**
 * Competition rank (1 + number of strictly higher scores) and percentile (share of scores ≤
 * this one) within the period, written here independently of the engine.
 */
function nodeScores(rows: readonly Row[], pick: (r: Row) => number): NodeScores {
  const n = rows.length;
  const score = Float64Array.from(rows.map(pick));
  const rank = new Float64Array(n).fill(Number.NaN);
  const percentile = new Float64Array(n).fill(Number.NaN);
  rows.forEach((row, i) => {
    const s = pick(row);
    if (Number.isNaN(s)) return;
    const peers = rows.filter((r) => r.period === row.period && !Number.isNaN(pick(r))).map(pick);
    rank[i] = 1 + peers.filter((p) => p > s).length;
    percentile[i] = peers.filter((p) => p <= s).length / peers.length;
  });
  return { score, rank, percentile, contribution: new Float64Array(n).fill(Number.NaN) };
}

const BASE_FRAMEWORK = resolveFramework(TWO_DIMENSIONS);

function tierInputs(rows: readonly Row[], tiers: ResolvedTiers): TierInputs {
  const n = rows.length;
  return {
    framework: { ...BASE_FRAMEWORK, tiers },
    dataset: {
      rowCount: n,
      region: rows.map((_, i) => `r${i}`),
      name: rows.map(() => ''),
      group: rows.map(() => ''),
      period: rows.map((r) => r.period),
      values: BASE_FRAMEWORK.indicators.map(() => new Float64Array(n).fill(Number.NaN)),
      sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
      inputs: [],
    },
    periods: [...new Set(rows.map((r) => r.period))].sort(),
    composite: nodeScores(rows, (r) => r.score),
    nodes: new Map([
      ['org', nodeScores(rows, (r) => (Number.isNaN(r.score) ? Number.NaN : r.org))],
      ['svc', nodeScores(rows, (r) => (Number.isNaN(r.score) ? Number.NaN : r.svc))],
    ]),
    indicators: new Map(),
  };
}

const level = (i: number, rule?: TierRule): TierLevel => ({ id: `l${i}`, name: { en: `Level ${i}` }, rule });

const boundsArb = (lo: number, hi: number, integer: boolean): fc.Arbitrary<Bounds> => {
  const v = integer ? fc.integer({ min: lo, max: hi }) : fc.double({ min: lo, max: hi, noNaN: true });
  return fc.record({ min: fc.option(v, { nil: undefined }), max: fc.option(v, { nil: undefined }) });
};

const primitiveArb: fc.Arbitrary<TierRule> = fc.oneof(
  boundsArb(0, 20, true).map((bounds): TierRule => ({ kind: 'score', bounds })),
  boundsArb(1, 20, true).map((bounds): TierRule => ({ kind: 'rank', bounds })),
  boundsArb(0, 1, false).map((bounds): TierRule => ({ kind: 'percentile', bounds })),
  fc
    .tuple(fc.constantFrom('org', 'svc', 'missing'), fc.constantFrom('score', 'rank', 'percentile' as const), boundsArb(0, 20, true))
    .map(([id, measure, bounds]): TierRule => ({ kind: 'dimension', id, measure, bounds })),
  fc.tuple(fc.constantFrom('score', 'rank', 'percentile' as const), boundsArb(0, 20, true)).map(([measure, bounds]): TierRule => ({ kind: 'any_dimension', measure, bounds })),
);

const ruleArb: fc.Arbitrary<TierRule> = fc.letrec<{ rule: TierRule }>((tie) => ({
  rule: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitiveArb,
    fc.array(tie('rule'), { maxLength: 3 }).map((rules): TierRule => ({ kind: 'all', rules })),
    fc.array(tie('rule'), { maxLength: 3 }).map((rules): TierRule => ({ kind: 'any', rules })),
    tie('rule').map((rule): TierRule => ({ kind: 'not', rule })),
  ),
})).rule;

const rowsArb = fc.array(rowArb, { minLength: 1, maxLength: 30 });

describe('tier rules (property)', () => {
  it('with levels ending in otherwise, every scored row gets exactly the first level whose rule holds; unscored rows get -1', () => {
    fc.assert(
      fc.property(rowsArb, fc.array(ruleArb, { maxLength: 4 }), (rows, rules) => {
        const levels = [...rules.map((r, i) => level(i, r)), level(rules.length, { kind: 'otherwise' })];
        const input = tierInputs(rows, { method: 'rules', levels });
        const { tier, diagnostics } = assignTiers(input);
        rows.forEach((row, i) => {
          const t = tier[i] ?? -2;
          if (Number.isNaN(row.score)) {
            expect(t).toBe(-1);
            return;
          }
          expect(t).toBeGreaterThanOrEqual(0);
          expect(t).toBeLessThan(levels.length);
          // The chosen level holds, and none above it does.
          expect(ruleHolds(levels[t]?.rule ?? { kind: 'not', rule: { kind: 'otherwise' } }, input, i)).toBe(true);
          for (let above = 0; above < t; above++) expect(ruleHolds(levels[above]?.rule ?? { kind: 'otherwise' }, input, i)).toBe(false);
        });
        expect(diagnostics.filter((d) => d.code === 'tier-unmatched')).toEqual([]);
      }),
    );
  });

  it('the explaining evaluator agrees with the boolean one on every rule and row', () => {
    fc.assert(
      fc.property(rowsArb, ruleArb, (rows, rule) => {
        const input = tierInputs(rows, { method: 'rules', levels: [level(0, rule)] });
        rows.forEach((_, i) => expect(explainRule(rule, input, i).holds).toBe(ruleHolds(rule, input, i)));
      }),
    );
  });

  it('under pure rank rules, tiers are monotone in rank and ties share a tier', () => {
    const maxesArb = fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 4 }).map((m) => [...m].sort((a, b) => a - b));
    fc.assert(
      fc.property(rowsArb, maxesArb, (rows, maxes) => {
        const levels = [...maxes.map((max, i) => level(i, { kind: 'rank', bounds: { max } })), level(maxes.length, { kind: 'otherwise' })];
        const input = tierInputs(rows, { method: 'rules', levels });
        const { tier } = assignTiers(input);
        const rank = input.composite.rank;
        for (let a = 0; a < rows.length; a++) {
          for (let b = 0; b < rows.length; b++) {
            if (rows[a]?.period !== rows[b]?.period || Number.isNaN(rank[a] ?? NaN) || Number.isNaN(rank[b] ?? NaN)) continue;
            if ((rank[a] ?? 0) <= (rank[b] ?? 0)) expect(tier[a] ?? 0).toBeLessThanOrEqual(tier[b] ?? 0);
          }
        }
      }),
    );
  });

  it('row order does not change any row’s tier', () => {
    fc.assert(
      fc.property(
        rowsArb.chain((rows) => fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows.map((_, i) => i), { minLength: rows.length, maxLength: rows.length }))),
        fc.array(ruleArb, { maxLength: 3 }),
        fc.boolean(),
        ([rows, permutation], rules, naturalBreaks) => {
          const levels = naturalBreaks ? [0, 1, 2].map((i) => level(i)) : [...rules.map((r, i) => level(i, r)), level(rules.length, { kind: 'otherwise' })];
          const tiers: ResolvedTiers = { method: naturalBreaks ? 'natural-breaks' : 'rules', levels };
          const original = assignTiers(tierInputs(rows, tiers)).tier;
          const permuted = assignTiers(tierInputs(permutation.map((i) => rows[i] as Row), tiers)).tier;
          permutation.forEach((from, to) => expect(permuted[to]).toBe(original[from]));
        },
      ),
    );
  });
});

describe('natural breaks (property)', () => {
  it('classes are monotone in score, ties share a class, the top score is in levels[0], and min(levels, distinct) classes are used', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 5 }), (rows, levelCount) => {
        const levels = Array.from({ length: levelCount }, (_, i) => level(i));
        const { tier, diagnostics } = assignTiers(tierInputs(rows, { method: 'natural-breaks', levels }));
        for (const period of PERIODS) {
          const idx = rows.flatMap((r, i) => (r.period === period && !Number.isNaN(r.score) ? [i] : []));
          if (idx.length === 0) {
            // A period with no scored row forms no classes, and that is nothing to warn about.
            expect(diagnostics.filter((d) => d.args['period'] === period)).toEqual([]);
            continue;
          }
          const score = (i: number) => rows[i]?.score ?? NaN;
          for (const a of idx) {
            for (const b of idx) {
              if (score(a) === score(b)) expect(tier[a]).toBe(tier[b]);
              if (score(a) > score(b)) expect(tier[a] ?? 0).toBeLessThanOrEqual(tier[b] ?? 0);
            }
          }
          const top = idx.reduce((best, i) => (score(i) > score(best) ? i : best));
          expect(tier[top]).toBe(0);
          const distinct = new Set(idx.map(score)).size;
          const used = new Set(idx.map((i) => tier[i]));
          expect(used.size).toBe(Math.min(levelCount, distinct));
          // Classes fill from the top: used classes are exactly 0 … used.size − 1.
          expect([...used].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(Array.from({ length: used.size }, (_, k) => k));
          const warned = diagnostics.some((d) => d.code === 'tier-classes-fewer-than-levels' && d.args['period'] === period);
          expect(warned).toBe(distinct < levelCount);
        }
        rows.forEach((r, i) => {
          if (Number.isNaN(r.score)) expect(tier[i]).toBe(-1);
        });
      }),
    );
  });
});
