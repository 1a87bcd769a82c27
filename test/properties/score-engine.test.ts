/**
 * Invariants of the scoring engine over random frameworks (1–3 dimensions, flat or with
 * sub-groups, random weights, directions, bounded methods and missing policies) and random
 * submissions (integers 0–100, some missing, one or two periods).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { AggregateMethod, FrameworkInput, GroupInput, IndicatorInput, MissingPolicy, NormaliseInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import type { ScoreTable } from '../../src/model/score-table.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

interface Case {
  readonly input: FrameworkInput;
  readonly regions: readonly string[];
  readonly periods: readonly string[];
  /** values[row][indicator]; NaN = missing. */
  readonly values: readonly (readonly number[])[];
}

const BOUNDED_METHODS: readonly NormaliseInput[] = [
  'minmax',
  'rank',
  { method: 'goalpost', min: 10, max: 90 },
  { method: 'target', target: 80 },
  { method: 'zscore', rescale: 'minmax' },
];
// Methods whose results do not depend on summation order, so a permutation leaves them bit-identical
// (z-scores sum squared deviations in row order).
const ORDER_FREE_METHODS = BOUNDED_METHODS.filter((m) => !(typeof m === 'object' && m.method === 'zscore'));
const POLICIES: readonly MissingPolicy[] = ['reweight', 'zero', 'mean', 'median'];
const ALL_AGGREGATES: readonly AggregateMethod[] = ['arithmetic', 'geometric', 'harmonic', 'minimum'];

interface CaseOptions {
  readonly methods: readonly NormaliseInput[];
  readonly aggregates: readonly AggregateMethod[];
  readonly scale?: number;
}

function caseArbitrary({ methods, aggregates, scale = 100 }: CaseOptions): fc.Arbitrary<Case> {
  let counter = 0;
  const indicator = fc
    .record({
      weight: fc.integer({ min: 1, max: 5 }),
      direction: fc.constantFrom('positive' as const, 'negative' as const),
      normalise: fc.constantFrom(...methods),
      missing: fc.constantFrom(...POLICIES),
    })
    .map((spec): IndicatorInput => ({ id: `i${counter++}`, name: { en: 'i' }, ...spec }));
  const leafGroup = fc
    .record({ weight: fc.integer({ min: 1, max: 5 }), aggregate: fc.constantFrom(...aggregates), indicators: fc.array(indicator, { minLength: 1, maxLength: 3 }) })
    .map((spec): GroupInput => ({ id: `g${counter++}`, name: { en: 'g' }, ...spec }));
  const parentGroup = fc
    .record({ weight: fc.integer({ min: 1, max: 5 }), aggregate: fc.constantFrom(...aggregates), groups: fc.array(leafGroup, { minLength: 1, maxLength: 2 }) })
    .map((spec): GroupInput => ({ id: `g${counter++}`, name: { en: 'g' }, ...spec }));
  const framework = fc
    .record({ aggregate: fc.constantFrom(...aggregates), dimensions: fc.array(fc.oneof(leafGroup, parentGroup), { minLength: 1, maxLength: 3 }) })
    .map((spec): FrameworkInput => ({ format: 'dgmi/1', id: 'prop', name: { en: 'prop' }, scale, ...spec }));
  const cell = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 0, max: 100 }) }, { weight: 1, arbitrary: fc.constant(NaN) });
  return fc
    .tuple(framework, fc.integer({ min: 1, max: 7 }), fc.constantFrom(['2022'], ['2021', '2022']))
    .chain(([input, regionCount, periods]) => {
      const count = countIndicators(input);
      const rows = periods.flatMap((period) => Array.from({ length: regionCount }, (_, r) => ({ region: `R${r}`, period })));
      return fc.array(fc.array(cell, { minLength: count, maxLength: count }), { minLength: rows.length, maxLength: rows.length }).map(
        (values): Case => ({ input, regions: rows.map((r) => r.region), periods: rows.map((r) => r.period), values }),
      );
    });
}

function countIndicators(input: FrameworkInput): number {
  const count = (g: GroupInput): number => (g.indicators?.length ?? 0) + (g.groups ?? []).reduce((sum, c) => sum + count(c), 0);
  return input.dimensions.reduce((sum, d) => sum + count(d), 0);
}

function datasetOf(framework: ResolvedFramework, c: Case, order: readonly number[] = c.values.map((_, i) => i)): Dataset {
  return {
    rowCount: order.length,
    region: order.map((i) => c.regions[i]!),
    name: order.map(() => ''),
    group: order.map(() => ''),
    period: order.map((i) => c.periods[i]!),
    values: framework.indicators.map((ind) => Float64Array.from(order, (i) => c.values[i]![ind.index]!)),
    // The source travels with the row, as it would from a file.
    sources: order.map((i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [],
  };
}

/** Everything the table says about one row, for comparing rows across tables. */
function rowResults(table: ScoreTable, row: number): unknown[] {
  const out: unknown[] = [table.composite.score[row], table.composite.rank[row], table.composite.percentile[row], table.composite.contribution[row], table.tier[row]];
  for (const [id, node] of table.nodes) out.push(id, node.score[row], node.rank[row], node.percentile[row], node.contribution[row]);
  for (const [id, ind] of table.indicators) out.push(id, ind.value[row], ind.normalised[row], ind.imputed[row], ind.effectiveWeight[row]);
  return out;
}

describe('score: properties', () => {
  it('permuting the rows changes no region’s results', () => {
    const arb = caseArbitrary({ methods: ORDER_FREE_METHODS, aggregates: ALL_AGGREGATES }).chain((c) =>
      fc.tuple(fc.constant(c), fc.shuffledSubarray(c.values.map((_, i) => i), { minLength: c.values.length, maxLength: c.values.length })),
    );
    fc.assert(
      fc.property(arb, ([c, permutation]) => {
        const framework = resolveFramework(c.input);
        const original = score(framework, datasetOf(framework, c));
        const permuted = score(framework, datasetOf(framework, c, permutation));
        permutation.forEach((originalRow, newRow) => {
          expect(rowResults(permuted, newRow)).toEqual(rowResults(original, originalRow));
        });
        // Same reporting order of (period, region), same findings.
        const listed = (t: ScoreTable) => Array.from(t.order, (row) => `${t.dataset.period[row]}/${t.dataset.region[row]}`);
        expect(listed(permuted)).toEqual(listed(original));
        expect(permuted.diagnostics).toEqual(original.diagnostics);
      }),
      { numRuns: 150 },
    );
  });

  it('raising a positive indicator (or lowering a negative one) never lowers the composite under arithmetic', () => {
    const arb = caseArbitrary({ methods: BOUNDED_METHODS, aggregates: ['arithmetic'] }).chain((c) =>
      fc.tuple(fc.constant(c), fc.nat(c.values.length - 1), fc.nat(1000), fc.integer({ min: 1, max: 50 })),
    );
    fc.assert(
      fc.property(arb, ([c, row, pick, delta]) => {
        const framework = resolveFramework(c.input);
        const indicator = framework.indicators[pick % framework.indicators.length]!;
        const before = c.values[row]![indicator.index]!;
        fc.pre(!Number.isNaN(before));
        const improved = before + (indicator.direction === 'positive' ? delta : -delta);
        const values = c.values.map((cells, r) => (r === row ? cells.map((x, i) => (i === indicator.index ? improved : x)) : cells));
        const was = score(framework, datasetOf(framework, c)).composite.score[row]!;
        const now = score(framework, datasetOf(framework, { ...c, values })).composite.score[row]!;
        fc.pre(!Number.isNaN(was));
        expect(now).toBeGreaterThanOrEqual(was - 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every score on [0, scale] for bounded methods, whatever the aggregation', () => {
    const arb = fc.constantFrom(1, 10, 100, 1000).chain((scale) => caseArbitrary({ methods: BOUNDED_METHODS, aggregates: ALL_AGGREGATES, scale }));
    fc.assert(
      fc.property(arb, (c) => {
        const framework = resolveFramework(c.input);
        const table = score(framework, datasetOf(framework, c));
        const scale = framework.scale;
        const columns = [table.composite.score, ...[...table.nodes.values()].map((n) => n.score), ...[...table.indicators.values()].map((i) => i.normalised)];
        for (const column of columns) {
          for (const x of column) {
            if (Number.isNaN(x)) continue;
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(scale);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('multiplying all sibling weights by a constant changes nothing', () => {
    const scaleWeights = (input: FrameworkInput, factor: number): FrameworkInput => {
      const group = (g: GroupInput): GroupInput => ({
        ...g,
        weight: (g.weight ?? 1) * factor,
        groups: g.groups?.map(group),
        indicators: g.indicators?.map((i) => ({ ...i, weight: (i.weight ?? 1) * factor })),
      });
      return { ...input, dimensions: input.dimensions.map(group) };
    };
    // Factors whose products with weights 1–5 and their sums are exact, so the shares are the same
    // doubles: then every result must be identical, ties and ranks included.
    const exact = fc.tuple(caseArbitrary({ methods: BOUNDED_METHODS, aggregates: ALL_AGGREGATES }), fc.constantFrom(0.5, 2, 3, 7.5, 1000));
    fc.assert(
      fc.property(exact, ([c, factor]) => {
        const base = resolveFramework(c.input);
        const scaled = resolveFramework(scaleWeights(c.input, factor));
        const a = score(base, datasetOf(base, c));
        const b = score(scaled, datasetOf(scaled, c));
        c.values.forEach((_, row) => expect(rowResults(b, row)).toEqual(rowResults(a, row)));
      }),
      { numRuns: 100 },
    );
    // Any positive factor: the scores agree to rounding error.
    const anyFactor = fc.tuple(caseArbitrary({ methods: BOUNDED_METHODS, aggregates: ALL_AGGREGATES }), fc.double({ min: 0.01, max: 100, noNaN: true }));
    fc.assert(
      fc.property(anyFactor, ([c, factor]) => {
        const base = resolveFramework(c.input);
        const scaled = resolveFramework(scaleWeights(c.input, factor));
        const a = score(base, datasetOf(base, c)).composite.score;
        const b = score(scaled, datasetOf(scaled, c)).composite.score;
        a.forEach((x, row) => {
          if (Number.isNaN(x)) expect(b[row]).toBeNaN();
          else expect(Math.abs(b[row]! - x)).toBeLessThan(1e-9);
        });
      }),
      { numRuns: 100 },
    );
  });
});
