/**
 * `sensitivity()` from the library entry: statistics checked by hand on a three-region case,
 * and the CLI's threaded path (run from the TypeScript sources, where it falls back to this
 * thread) giving the same bytes as the library.
 */
import { describe, expect, it } from 'vitest';
import { designLayout, designRow, optionOf } from '../../src/analyse/sensitivity/design.js';
import { finishSensitivity } from '../../src/analyse/sensitivity/result.js';
import { planSensitivity } from '../../src/analyse/sensitivity/sensitivity.js';
import { runSensitivityReplications } from '../../src/cli/sensitivity-workers.js';
import { parseSensitivitySpecText, plainPalette, resolveFramework, SENSITIVITY_FORMATS, sensitivity } from '../../src/index.js';
import type { Dataset } from '../../src/model/dataset.js';

// a: X 100, Y 40, Z 0; b: X 0, Y 40, Z 100 → min–max normalised the same numbers.
// arithmetic: X 50, Y 40, Z 50 → ranks 1, 3, 1;  minimum: X 0, Y 40, Z 0 → ranks 2, 1, 2.
const framework = resolveFramework({
  format: 'dgmi/1',
  id: 'three',
  name: { en: 'Three', zh: '三地' },
  dimensions: [{ id: 'd', name: { en: 'd' }, indicators: [{ id: 'a', name: { en: 'a' } }, { id: 'b', name: { en: 'b' } }] }],
  tiers: { levels: [{ id: 'top', name: { en: 'Top' }, rule: { rank: { max: 1 } } }, { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' }] },
});
const dataset: Dataset = {
  rowCount: 3,
  region: ['X', 'Y', 'Z'],
  name: ['', '', ''],
  group: ['', '', ''],
  period: ['', '', ''],
  values: [Float64Array.from([100, 40, 0]), Float64Array.from([0, 40, 100])],
  sources: [],
  inputs: [],
};
const specText = 'runs: 200\nseed: 9\nassumptions:\n  aggregate: [arithmetic, minimum]\n';

describe('sensitivity() on three regions', () => {
  const { spec } = parseSensitivitySpecText(specText, 'u.yaml', framework);
  const result = sensitivity(framework, dataset, spec!);
  // f = the share of replications drawing option 0 (arithmetic), from the same streams.
  const layout = designLayout([1]);
  const u = new Float64Array(1);
  let arithmetic = 0;
  for (let e = 0; e < 200; e++) {
    designRow('uncertainty', 9, layout, e, u, new Float64Array(2));
    if (optionOf(u[0]!, 2) === 0) arithmetic++;
  }
  const f = arithmetic / 200;

  it('rank statistics and tier probabilities follow the share of replications per option', () => {
    expect(f).toBeGreaterThan(0.3);
    expect(f).toBeLessThan(0.7);
    const byRegion = new Map(result.regions.map((r) => [r.region, r]));
    const y = byRegion.get('Y')!;
    const x = byRegion.get('X')!;
    expect(y.rank).toBe(3); // nominal: the framework's arithmetic mean
    expect(y.meanRank).toBeCloseTo(3 * f + 1 * (1 - f), 12); // rank 3 under arithmetic, 1 under minimum
    expect(x.meanRank).toBeCloseTo(1 * f + 2 * (1 - f), 12);
    expect(y.p5Rank).toBe(1);
    expect(y.p95Rank).toBe(3);
    expect(y.medianRank).toBe(f > 0.5 ? 3 : 1);
    expect(x.tierProbabilities).toEqual([f, 1 - f]);
    expect(y.tierProbabilities).toEqual([1 - f, f]);
    // Under minimum X and Z move 1 rank and Y 2: a mean shift of 4/3 in those replications.
    expect(result.meanRankShift).toBeCloseTo((1 - f) * (4 / 3), 12);
    expect(result.regions.map((r) => r.region)).toEqual(['X', 'Z', 'Y']); // nominal rank, then region
  });

  it('the CLI path (threads asked for, run from the sources: this thread) gives the same bytes', async () => {
    const plan = planSensitivity(framework, dataset, spec!);
    const acc = await runSensitivityReplications(plan, framework, dataset, spec!, 4, () => undefined);
    const viaCli = finishSensitivity(plan.table, plan.model, spec!, acc, plan.replications);
    const options = { lang: 'en', palette: plainPalette, toolVersion: '0.1.0' } as const;
    expect(SENSITIVITY_FORMATS.json(viaCli, options)).toBe(SENSITIVITY_FORMATS.json(result, options));
  });
});
