/**
 * The fast core on a framework that prepares its data (denominator, screening, outlier
 * treatment: test/fixtures/prepare/prep.yaml): with nothing uncertain it is `score()` bit for
 * bit, and the winsorisation-limit assumption gives hand-computed scores per limit.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createWorkspace, evaluateScenario, nominalScenario, prepareModel, scenarioOf } from '../../src/analyse/sensitivity/core.js';
import { designRow } from '../../src/analyse/sensitivity/design.js';
import type { Assumption } from '../../src/analyse/sensitivity/spec.js';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions } from '../../src/load/submissions.js';
import { score } from '../../src/score/engine.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function prep() {
  const { framework } = await loadFramework(`${root}test/fixtures/prepare/prep.yaml`);
  const { dataset } = await loadSubmissions(framework!, [`${root}test/fixtures/prepare/good.csv`]);
  return { framework: framework!, dataset: dataset! };
}

describe('sensitivity core on a prepared framework', () => {
  it('nothing uncertain (limit 5 = the framework’s default): every replication is score() bit for bit, X screened out', async () => {
    const { framework, dataset } = await prep();
    const table = score(framework, dataset);
    const assumptions: Assumption[] = [
      { kind: 'weights', levels: [{ level: 'indicators', noise: 0 }] },
      { kind: 'normalise', options: ['framework'] },
      { kind: 'winsorise', options: [5] },
    ];
    const model = prepareModel(framework, dataset, assumptions);
    const ws = createWorkspace(model);
    const check = (): void =>
      model.sourceRows.forEach((source, row) => {
        expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
        expect(Object.is(ws.rank[row], table.composite.rank[source])).toBe(true);
      });
    evaluateScenario(model, nominalScenario(model), ws);
    check();
    for (let e = 0; e < 5; e++) {
      designRow('uncertainty', 3, model.layout, e, ws.input, ws.scratch);
      evaluateScenario(model, scenarioOf(model, ws), ws);
      check();
    }
    // Preparation really happened: X (1 value of 3) is screened, so unscored.
    const x = Array.from(model.dataset.region).indexOf('X');
    expect(ws.composite[x]).toBeNaN();
  });

  it('limit 1 winsorises online’s 100 to 9; limit 0 falls back to the log (hand-computed)', async () => {
    const { framework, dataset } = await prep();
    const model = prepareModel(framework, dataset, [{ kind: 'winsorise', options: [0, 1] }]);
    const ws = createWorkspace(model);
    const region = (id: string): number => Array.from(model.dataset.region).indexOf(id);
    // doctors per 10,000 = i for R_i; portal = i; so both min-max to (i − 1)/9 × 100.
    const doctors9 = (8 / 9) * 100;

    ws.input[0] = 0.75; // option 1: limit 1
    evaluateScenario(model, scenarioOf(model, ws), ws);
    // online after winsorising: 1 … 9, 9 → R9 (9 − 1)/(9 − 1) = 100; composite (88.89 + 100 + 88.89) / 3.
    expect(ws.composite[region('R9')]).toBeCloseTo((doctors9 + 100 + doctors9) / 3, 12);
    expect(ws.composite[region('R10')]).toBe(100);
    expect(ws.composite[region('X')]).toBeNaN();

    ws.input[0] = 0.25; // option 0: limit 0 — no winsorising round, so the log fallback
    evaluateScenario(model, scenarioOf(model, ws), ws);
    // ln(x − min + 0.01 (max − min)) with min 1, max 100: shift 0.99. R9: ln 8.99, R1: ln 0.99, R10: ln 99.99.
    const online9 = ((Math.log(8.99) - Math.log(0.99)) / (Math.log(99.99) - Math.log(0.99))) * 100; // ≈ 47.9
    expect(ws.composite[region('R9')]).toBeCloseTo((doctors9 + online9 + doctors9) / 3, 12);
    expect(ws.composite[region('R10')]).toBe(100);
  });
});
