/**
 * The fast core agrees with `score()` bit for bit over random frameworks: 1–3 dimensions, flat
 * or with sub-groups, random weights, directions, normalisations, missing policies (including
 * `fail`, which leaves rows unscored), aggregations (TOPSIS and grey relational included), weightings
 * derived from the data (entropy, CRITIC, CV, PCA, per period or pooled, combined with fixed),
 * precision and tier rules on ranks and on
 * dimensions; one or two periods; and data preparation (denominators, screening, outlier
 * treatment with a random winsorisation limit), with extreme values so that treatment fires.
 * With one option per assumption (the framework's own; for the winsorisation limit, the
 * framework's max_points) and zero weight noise every replication must equal the engine's
 * composite, ranks and tiers; and a replication drawing limit L must equal `score()` of the
 * framework written with `max_points: L`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createWorkspace, evaluateScenario, prepareModel, scenarioOf } from '../../src/analyse/sensitivity/core.js';
import { designRow } from '../../src/analyse/sensitivity/design.js';
import type { Assumption } from '../../src/analyse/sensitivity/spec.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { AggregateMethod, FrameworkInput, GroupInput, IndicatorInput, MissingPolicy, NormaliseInput } from '../../src/model/framework.js';
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const METHODS: readonly NormaliseInput[] = ['minmax', 'rank', { method: 'goalpost', min: 10, max: 90 }, { method: 'target', target: 80 }, { method: 'zscore', rescale: 'minmax' }];
const POLICIES: readonly MissingPolicy[] = ['reweight', 'zero', 'mean', 'median', 'fail'];
const AGGREGATES: readonly AggregateMethod[] = ['arithmetic', 'geometric', 'harmonic', 'minimum', 'topsis', 'grey-relational'];
/** Weightings of a node's children: undefined = fixed; the data-driven ones are derived again in every replication. */
const WEIGHTINGS = fc.constantFrom<Pick<GroupInput, 'weighting' | 'weighting_scope' | 'combine'>>(
  {},
  {},
  { weighting: 'entropy' },
  { weighting: 'critic' },
  { weighting: 'cv' },
  { weighting: 'pca' },
  { weighting: 'entropy', weighting_scope: 'pooled' },
  { combine: [{ method: 'fixed', share: 0.5 }, { method: 'entropy', share: 0.5 }] },
);
// Fractional weights, so that a share summed in another order than the resolver's would differ in its last bits.
const WEIGHT = fc.constantFrom(0.1, 0.2, 0.3, 0.7, 1, 2.5, 3);

interface Case {
  readonly input: FrameworkInput;
  /** The denominator column `pop` (undefined when no indicator divides). */
  readonly pop: readonly number[] | undefined;
  readonly regions: readonly string[];
  readonly periods: readonly string[];
  readonly values: readonly (readonly number[])[];
}

const caseArbitrary: fc.Arbitrary<Case> = (() => {
  let counter = 0;
  const indicator = fc
    .record({
      weight: WEIGHT,
      direction: fc.constantFrom('positive' as const, 'negative' as const),
      normalise: fc.constantFrom(...METHODS),
      missing: fc.constantFrom(...POLICIES),
      divides: fc.boolean(),
    })
    .map(({ divides, ...spec }): IndicatorInput => ({ id: `i${counter++}`, name: { en: 'i' }, ...spec, ...(divides ? { denominator: 'pop' } : {}) }));
  const leaf = fc
    .record({ weight: WEIGHT, aggregate: fc.constantFrom(...AGGREGATES), weighting: WEIGHTINGS, indicators: fc.array(indicator, { minLength: 1, maxLength: 3 }) })
    .map(({ weighting, ...spec }): GroupInput => ({ id: `g${counter++}`, name: { en: 'g' }, ...spec, ...weighting }));
  const parent = fc
    .record({ weight: WEIGHT, aggregate: fc.constantFrom(...AGGREGATES), weighting: WEIGHTINGS, groups: fc.array(leaf, { minLength: 1, maxLength: 2 }) })
    .map(({ weighting, ...spec }): GroupInput => ({ id: `g${counter++}`, name: { en: 'g' }, ...spec, ...weighting }));
  const framework = fc
    .record({
      aggregate: fc.constantFrom(...AGGREGATES),
      dimensions: fc.array(fc.oneof(leaf, parent), { minLength: 1, maxLength: 3 }),
      precision: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
      tiered: fc.boolean(),
      screen: fc.option(fc.constantFrom(0.5, 0.8), { nil: undefined }),
      maxPoints: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      weighting: WEIGHTINGS,
    })
    .map(({ tiered, precision, screen, maxPoints, weighting, ...spec }): FrameworkInput => ({
      format: 'dgmi/1',
      id: 'prop',
      name: { en: 'prop' },
      ...spec,
      ...weighting,
      ...(screen === undefined ? {} : { screen: { min_coverage: screen } }),
      ...(maxPoints === undefined ? {} : { treat: { method: 'winsorise' as const, max_points: maxPoints } }),
      ...(precision === undefined ? {} : { precision }),
      ...(tiered
        ? {
            tiers: {
              levels: [
                { id: 'top', name: { en: 'top' }, rule: { rank: { max: 2 } } },
                { id: 'strong', name: { en: 'strong' }, rule: { any_dimension: { rank: { max: 1 } } } },
                { id: 'rest', name: { en: 'rest' }, rule: 'otherwise' },
              ],
            },
          }
        : {}),
    }));
  // Now and then an extreme value, so that the skew/kurtosis test fails and treatment works.
  const cell = fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 100 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1000, max: 100_000 }) },
    { weight: 1, arbitrary: fc.constant(NaN) },
  );
  const pop = fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 1, max: 50 }) }, { weight: 1, arbitrary: fc.constant(NaN) });
  return fc.tuple(framework, fc.integer({ min: 1, max: 9 }), fc.constantFrom(['2022'], ['2022', '2021'])).chain(([input, regionCount, periods]) => {
    const count = countIndicators(input);
    const rows = periods.flatMap((period) => Array.from({ length: regionCount }, (_, r) => ({ region: `R${r}`, period })));
    const divides = JSON.stringify(input).includes('"denominator"');
    return fc
      .tuple(
        fc.array(fc.array(cell, { minLength: count, maxLength: count }), { minLength: rows.length, maxLength: rows.length }),
        divides ? fc.array(pop, { minLength: rows.length, maxLength: rows.length }) : fc.constant(undefined),
      )
      .map(([values, popColumn]): Case => ({ input, pop: popColumn, regions: rows.map((r) => r.region), periods: rows.map((r) => r.period), values }));
  });
})();

function countIndicators(input: FrameworkInput): number {
  const count = (g: GroupInput): number => (g.indicators?.length ?? 0) + (g.groups ?? []).reduce((sum, c) => sum + count(c), 0);
  return input.dimensions.reduce((sum, d) => sum + count(d), 0);
}

function datasetOf(c: Case, indicatorCount: number): Dataset {
  const n = c.values.length;
  return {
    rowCount: n,
    region: [...c.regions],
    name: c.regions.map(() => ''),
    group: c.regions.map(() => ''),
    period: [...c.periods],
    values: Array.from({ length: indicatorCount }, (_, i) => Float64Array.from(c.values, (row) => row[i] ?? NaN)),
    sources: c.regions.map((_, r) => ({ file: 'p.csv', line: r + 2 })),
    inputs: [],
    ...(c.pop ? { denominators: new Map([['pop', Float64Array.from(c.pop)]]) } : {}),
  };
}

/** Zero noise on the chosen levels: the others' groups are cached, so both paths are exercised; the framework's own winsorisation limit when it treats. */
function nothingUncertain(depth: number, chosen: readonly boolean[], maxPoints: number | undefined): Assumption[] {
  const all = [...Array.from({ length: depth }, (_, d): number | 'indicators' => d + 1), 'indicators' as const];
  const levels = all.filter((_, i) => chosen[i % chosen.length]).map((level) => ({ level, noise: 0 }));
  return [
    ...(levels.length > 0 ? [{ kind: 'weights' as const, levels }] : []),
    { kind: 'normalise', options: ['framework'] },
    { kind: 'aggregate', options: ['framework'] },
    { kind: 'missing', options: ['framework'] },
    ...(maxPoints === undefined ? [] : [{ kind: 'winsorise' as const, options: [maxPoints] }]),
  ];
}

const maxPointsOf = (input: FrameworkInput): number | undefined => (typeof input.treat === 'object' ? input.treat.max_points : undefined);

describe('sensitivity core (property)', () => {
  it('one option per assumption and zero noise: every replication is score() bit for bit', () => {
    let prepared = 0;
    let derived = 0;
    fc.assert(
      fc.property(caseArbitrary, fc.integer({ min: 0, max: 1000 }), fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (c, seed, chosen) => {
        const framework = resolveFramework(c.input);
        const dataset = datasetOf(c, framework.indicators.length);
        const table = score(framework, dataset);
        const report = table.preparation;
        if (report && (report.screened.length > 0 || report.treatments.some((t) => t.method !== 'none'))) prepared++;
        if ((table.weights ?? []).some((w) => w.method !== 'fixed' && w.fallback === undefined)) derived++;
        const depth = Math.max(...framework.groups.map((g) => g.depth));
        const model = prepareModel(framework, dataset, nothingUncertain(depth, chosen, maxPointsOf(c.input)));
        const ws = createWorkspace(model);
        for (let e = 0; e < 3; e++) {
          designRow('uncertainty', seed, model.layout, e, ws.input, ws.scratch);
          evaluateScenario(model, scenarioOf(model, ws), ws);
          model.sourceRows.forEach((source, row) => {
            expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
            expect(Object.is(ws.rank[row], table.composite.rank[source])).toBe(true);
            expect(ws.tier[row]).toBe(table.tier[source]);
          });
        }
      }),
      { numRuns: 150 },
    );
    // Not vacuous: some cases really screened or treated.
    expect(prepared).toBeGreaterThan(0);
    // ... and some derived their weights from the data rather than falling back to the fixed ones.
    expect(derived).toBeGreaterThan(0);
  });

  it('a replication that draws winsorisation limit L is score() of the framework with max_points L, bit for bit', () => {
    const treated = caseArbitrary.filter((c) => c.input.treat !== undefined);
    let limitsMatter = 0;
    fc.assert(
      fc.property(treated, (c) => {
        const limits = [0, 1, 2, 3];
        const framework = resolveFramework(c.input);
        const dataset = datasetOf(c, framework.indicators.length);
        const model = prepareModel(framework, dataset, [{ kind: 'winsorise', options: limits }]);
        const ws = createWorkspace(model);
        const composites: string[] = [];
        limits.forEach((limit, k) => {
          const table = score(resolveFramework({ ...c.input, treat: { method: 'winsorise', max_points: limit } }), dataset);
          ws.input[0] = (k + 0.5) / limits.length; // option k
          evaluateScenario(model, scenarioOf(model, ws), ws);
          model.sourceRows.forEach((source, row) => {
            expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
            expect(Object.is(ws.rank[row], table.composite.rank[source])).toBe(true);
          });
          composites.push(Array.from(ws.composite).join());
        });
        if (new Set(composites).size > 1) limitsMatter++;
      }),
      { numRuns: 100 },
    );
    // Not vacuous: in some cases the limit changed the scores.
    expect(limitsMatter).toBeGreaterThan(0);
  });
});
