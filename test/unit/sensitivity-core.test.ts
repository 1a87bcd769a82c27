/**
 * The fast core agrees with `score()` bit for bit when nothing is uncertain: the nominal
 * scenario, and every replication of a spec whose assumptions each have one option (the
 * framework's own) and zero weight noise. The default framework is used because it has
 * everything at once: precision 2, weights, sub-groups, tier rules on ranks and on dimensions,
 * two periods.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkspace, evaluateScenario, nominalScenario, prepareModel, scenarioOf } from '../../src/analyse/sensitivity/core.js';
import { designRow } from '../../src/analyse/sensitivity/design.js';
import type { Assumption } from '../../src/analyse/sensitivity/spec.js';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function cnDgdi(): Promise<{ framework: ResolvedFramework; dataset: Dataset }> {
  const { framework } = await loadFramework(`${root}indicators/cn-dgdi.yaml`);
  const files = [`${root}samples/provinces-2022.csv`, ...readdirSync(`${root}samples/2021`).map((f) => `${root}samples/2021/${f}`)];
  const { dataset } = await loadSubmissions(framework!, files);
  return { framework: framework!, dataset: dataset! };
}

const NOTHING_UNCERTAIN: readonly Assumption[] = [
  { kind: 'weights', levels: [{ level: 1, noise: 0 }, { level: 2, noise: 0 }, { level: 'indicators', noise: 0 }] },
  { kind: 'normalise', options: ['framework'] },
  { kind: 'aggregate', options: ['framework'] },
  { kind: 'missing', options: ['framework'] },
];

describe('sensitivity core against score()', () => {
  it('the nominal scenario is score() bit for bit: composite, ranks, tiers', async () => {
    const { framework, dataset } = await cnDgdi();
    const table = score(framework, dataset);
    const model = prepareModel(framework, dataset, NOTHING_UNCERTAIN);
    const ws = createWorkspace(model);
    evaluateScenario(model, nominalScenario(model), ws);
    expect(model.dataset.rowCount).toBe(62); // 31 provinces × 2 periods
    expect(model.periods.labels).toEqual(['2021', '2022']);
    model.sourceRows.forEach((source, row) => {
      expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
      expect(ws.rank[row]).toBe(table.composite.rank[source]);
      expect(ws.tier[row]).toBe(table.tier[source]);
    });
    // The tiers are really exercised: all four levels occur.
    expect(new Set(ws.tier)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('every replication with one option per assumption and zero noise is score() bit for bit', async () => {
    const { framework, dataset } = await cnDgdi();
    const table = score(framework, dataset);
    const model = prepareModel(framework, dataset, NOTHING_UNCERTAIN);
    const ws = createWorkspace(model);
    for (let e = 0; e < 25; e++) {
      designRow('uncertainty', 7, model.layout, e, ws.input, ws.scratch);
      evaluateScenario(model, scenarioOf(model, ws), ws);
      model.sourceRows.forEach((source, row) => {
        expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
        expect(ws.tier[row]).toBe(table.tier[source]);
      });
    }
  });

  it('a replication with other options differs from the nominal one (the options are applied)', async () => {
    const { framework, dataset } = await cnDgdi();
    const model = prepareModel(framework, dataset, [{ kind: 'aggregate', options: ['geometric'] }]);
    const ws = createWorkspace(model);
    evaluateScenario(model, nominalScenario(model), ws);
    const nominal = Float64Array.from(ws.composite);
    ws.input[0] = 0.3; // the only option: geometric everywhere
    evaluateScenario(model, scenarioOf(model, ws), ws);
    let differs = 0;
    for (let row = 0; row < nominal.length; row++) {
      // A weighted geometric mean never exceeds the arithmetic one (AM–GM).
      expect(ws.composite[row]!).toBeLessThanOrEqual(nominal[row]! + 1e-9);
      if (ws.composite[row] !== nominal[row]) differs++;
    }
    expect(differs).toBeGreaterThan(0);
  });

  it('cached group columns change nothing: a replication gives the same bits from a warm cache as from a fresh model', async () => {
    const { framework, dataset } = await cnDgdi();
    // Noise on the dimension weights only: those weights act in the composite, so every group's
    // column (dimensions included) is cached per (normalisation, aggregation).
    const assumptions: Assumption[] = [
      { kind: 'weights', levels: [{ level: 1, noise: 0.3 }] },
      { kind: 'normalise', options: ['framework', 'rank'] },
      { kind: 'aggregate', options: ['framework', 'geometric'] },
    ];
    const warm = prepareModel(framework, dataset, assumptions);
    expect(Array.from(warm.isCacheable)).toEqual(framework.groups.map(() => 1));
    const subGroupNoise = prepareModel(framework, dataset, [{ kind: 'weights', levels: [{ level: 2, noise: 0.3 }] }]);
    expect(Array.from(subGroupNoise.isCacheable)).toEqual(framework.groups.map((g) => (g.depth === 1 ? 0 : 1)));
    const warmWs = createWorkspace(warm);
    for (let e = 0; e < 40; e++) {
      designRow('uncertainty', 3, warm.layout, e, warmWs.input, warmWs.scratch);
      evaluateScenario(warm, scenarioOf(warm, warmWs), warmWs);
    }
    expect(warm.groupCache.filter((c) => c !== undefined).length).toBeGreaterThan(0);
    for (let e = 40; e < 50; e++) {
      const fresh = prepareModel(framework, dataset, assumptions);
      const freshWs = createWorkspace(fresh);
      designRow('uncertainty', 3, warm.layout, e, warmWs.input, warmWs.scratch);
      designRow('uncertainty', 3, fresh.layout, e, freshWs.input, freshWs.scratch);
      evaluateScenario(warm, scenarioOf(warm, warmWs), warmWs);
      evaluateScenario(fresh, scenarioOf(fresh, freshWs), freshWs);
      warmWs.composite.forEach((x, row) => expect(Object.is(x, freshWs.composite[row])).toBe(true));
      expect(Array.from(warmWs.tier)).toEqual(Array.from(freshWs.tier));
    }
  });

  it('normalisations with their own range: min–max onto [1, 100], z-scores onto mean 10, sd 2', () => {
    // One indicator, values 0, 50, 100: min–max units 0, 0.5, 1 → 1 + 99·unit = 1, 50.5, 100;
    // mean 50, sample sd √((50² + 0 + 50²)/2) = 50, so z = −1, 0, 1 → 10 + 2z = 8, 10, 12.
    const framework = resolveFramework({ format: 'dgmi/1', id: 't', name: { en: 't' }, dimensions: [{ id: 'd', name: { en: 'd' }, indicators: [{ id: 'a', name: { en: 'a' } }] }] });
    const dataset: Dataset = {
      rowCount: 3,
      region: ['A', 'B', 'C'],
      name: ['', '', ''],
      group: ['', '', ''],
      period: ['', '', ''],
      values: [Float64Array.from([0, 50, 100])],
      sources: [],
      inputs: [],
    };
    const model = prepareModel(framework, dataset, [{ kind: 'normalise', options: [{ method: 'minmax', range: [1, 100] }, { method: 'zscore', mean: 10, sd: 2 }] }]);
    expect(Array.from(model.variants[0]!.columns[0]!)).toEqual([1, 50.5, 100]);
    expect(Array.from(model.variants[1]!.columns[0]!)).toEqual([8, 10, 12]);
  });
});
