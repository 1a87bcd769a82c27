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
import { score } from '../../src/score/engine.js';

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
});
