/**
 * The fast core on frameworks whose weights come from the data (entropy, CRITIC, CV, PCA,
 * combine), from AHP, or whose groups aggregate by TOPSIS or grey relational analysis: with
 * nothing uncertain every replication must be `score()` bit for bit, and when the normalisation
 * drawn changes, the derived weights are derived again from the drawn columns — so a replication
 * drawing normalisation N equals `score()` of the framework written with N.
 * The framework is cn-dgdi (31 provinces × 2 periods, four dimensions with sub-groups and tier
 * rules) with weighting and aggregation keys added to its YAML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createWorkspace, evaluateScenario, nominalScenario, prepareModel, scenarioOf } from '../../src/analyse/sensitivity/core.js';
import { designRow } from '../../src/analyse/sensitivity/design.js';
import { multiplyShares } from '../../src/analyse/sensitivity/weighted-step.js';
import type { Assumption } from '../../src/analyse/sensitivity/spec.js';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Edit {
  /** Keys merged into the framework's top level (they act on the dimensions). */
  readonly top?: Record<string, unknown>;
  /** Keys merged into every dimension (they act on its sub-groups). */
  readonly dimensions?: Record<string, unknown>;
  /** Keys merged into every sub-group (they act on its indicators). */
  readonly subGroups?: Record<string, unknown>;
  /** Keys merged into every indicator. */
  readonly indicators?: Record<string, unknown>;
}

async function cnDgdi(edit: Edit): Promise<{ framework: ResolvedFramework; dataset: Dataset }> {
  const input = parse(readFileSync(`${root}indicators/cn-dgdi.yaml`, 'utf8')) as FrameworkInput & Record<string, unknown>;
  Object.assign(input, edit.top ?? {});
  for (const dimension of input.dimensions) {
    Object.assign(dimension, edit.dimensions ?? {});
    for (const group of dimension.groups ?? []) {
      Object.assign(group, edit.subGroups ?? {});
      for (const indicator of group.indicators ?? []) Object.assign(indicator, edit.indicators ?? {});
    }
  }
  const framework = resolveFramework(input);
  // Submissions are read against the unedited framework: the edits change no indicator.
  const { framework: plain } = await loadFramework(`${root}indicators/cn-dgdi.yaml`);
  const files = [`${root}samples/provinces-2022.csv`, ...readdirSync(`${root}samples/2021`).map((f) => `${root}samples/2021/${f}`)];
  const { dataset } = await loadSubmissions(plain!, files);
  return { framework, dataset: dataset! };
}

const NOTHING_UNCERTAIN: readonly Assumption[] = [
  { kind: 'weights', levels: [{ level: 1, noise: 0 }, { level: 2, noise: 0 }, { level: 'indicators', noise: 0 }] },
  { kind: 'normalise', options: ['framework'] },
  { kind: 'aggregate', options: ['framework'] },
  { kind: 'missing', options: ['framework'] },
];

const CASES: readonly { readonly name: string; readonly edit: Edit }[] = [
  { name: 'entropy on the dimensions, CRITIC in the dimensions', edit: { top: { weighting: 'entropy' }, dimensions: { weighting: 'critic' } } },
  { name: 'TOPSIS on the dimensions, grey relational in the dimensions', edit: { top: { aggregate: { method: 'topsis' } }, dimensions: { aggregate: { method: 'grey-relational', rho: 0.4 } } } },
  { name: 'CV in the sub-groups (raw values), PCA on the dimensions, pooled', edit: { top: { weighting: 'pca', weighting_scope: 'pooled' }, subGroups: { weighting: 'cv' } } },
  {
    name: 'combine (fixed + entropy) with TOPSIS on the dimensions',
    edit: { top: { aggregate: { method: 'topsis' }, combine: [{ method: 'fixed', share: 0.5 }, { method: 'entropy', share: 0.5 }] } },
  },
];

function expectSameAsScore(model: ReturnType<typeof prepareModel>, ws: ReturnType<typeof createWorkspace>, table: ReturnType<typeof score>): void {
  model.sourceRows.forEach((source, row) => {
    expect(Object.is(ws.composite[row], table.composite.score[source])).toBe(true);
    expect(ws.rank[row]).toBe(table.composite.rank[source]);
    expect(ws.tier[row]).toBe(table.tier[source]);
  });
}

describe('sensitivity core with derived weights and MCDA aggregation', () => {
  for (const { name, edit } of CASES) {
    it(`${name}: nominal and zero-noise replications are score() bit for bit`, async () => {
      const { framework, dataset } = await cnDgdi(edit);
      const table = score(framework, dataset);
      // Not vacuous: the edit changed the scores.
      const plain = score((await cnDgdi({})).framework, dataset);
      expect(Array.from(table.composite.score)).not.toEqual(Array.from(plain.composite.score));
      const model = prepareModel(framework, dataset, NOTHING_UNCERTAIN);
      const ws = createWorkspace(model);
      evaluateScenario(model, nominalScenario(model), ws);
      expectSameAsScore(model, ws, table);
      for (let e = 0; e < 5; e++) {
        designRow('uncertainty', 11, model.layout, e, ws.input, ws.scratch);
        evaluateScenario(model, scenarioOf(model, ws), ws);
        expectSameAsScore(model, ws, table);
      }
    });
  }

  it('derived weights follow the normalisation drawn: drawing rank equals score() with every indicator normalised by rank', async () => {
    const edit: Edit = { top: { weighting: 'entropy' }, dimensions: { weighting: 'critic' }, subGroups: { aggregate: { method: 'topsis' } } };
    const { framework, dataset } = await cnDgdi(edit);
    const byRank = await cnDgdi({ ...edit, indicators: { normalise: { method: 'rank' } } });
    const table = score(byRank.framework, dataset);
    const model = prepareModel(framework, dataset, [{ kind: 'normalise', options: ['framework', 'rank'] }]);
    const ws = createWorkspace(model);
    ws.input[0] = 0.75; // option 1 of 2: rank
    evaluateScenario(model, scenarioOf(model, ws), ws);
    expectSameAsScore(model, ws, table);
  });

  it('weight noise multiplies the derived shares and renormalises them, per row where they differ by period', () => {
    // Shares 0.5, 0.3, 0.2 × factors 1.2, 1, 0.5 = 0.6, 0.3, 0.1; total 1.0 → 0.6, 0.3, 0.1.
    const one = multiplyShares([0.5, 0.3, 0.2], Float64Array.from([1.2, 1, 0.5])) as number[];
    expect(one[0]).toBeCloseTo(0.6, 15);
    expect(one[1]).toBeCloseTo(0.3, 15);
    expect(one[2]).toBeCloseTo(0.1, 15);
    // Row 0: 0.25·2 = 0.5 and 0.75·1 = 0.75, total 1.25 → 0.4, 0.6. Row 1: 0.5·2 = 1 and 0.5·1 = 0.5, total 1.5 → 2/3, 1/3.
    const rows = multiplyShares([Float64Array.from([0.25, 0.5]), Float64Array.from([0.75, 0.5])], Float64Array.from([2, 1])) as Float64Array[];
    expect(rows[0]![0]).toBeCloseTo(0.4, 15);
    expect(rows[1]![0]).toBeCloseTo(0.6, 15);
    expect(rows[0]![1]).toBeCloseTo(2 / 3, 15);
    expect(rows[1]![1]).toBeCloseTo(1 / 3, 15);
  });

  it('weight noise on the children of an entropy-weighted node changes the replication; the same draw gives the same bits', async () => {
    const { framework, dataset } = await cnDgdi({ top: { weighting: 'entropy' } });
    const model = prepareModel(framework, dataset, [{ kind: 'weights', levels: [{ level: 1, noise: 0.5 }] }]);
    const ws = createWorkspace(model);
    evaluateScenario(model, nominalScenario(model), ws);
    const nominal = Float64Array.from(ws.composite);
    designRow('uncertainty', 5, model.layout, 0, ws.input, ws.scratch);
    evaluateScenario(model, scenarioOf(model, ws), ws);
    const first = Float64Array.from(ws.composite);
    expect(Array.from(first)).not.toEqual(Array.from(nominal));
    evaluateScenario(model, scenarioOf(model, ws), ws);
    first.forEach((x, row) => expect(Object.is(x, ws.composite[row])).toBe(true));
  });
});
