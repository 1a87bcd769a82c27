import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { score } from '../../src/score/engine.js';
import { scoreAndTier, tierTable } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { TWO_DIMENSIONS } from './tier-fixture.js';

/** One level, `top`, for composite ≥ 60, and no `otherwise`: rows below 60 match no level. */
const framework: ResolvedFramework = resolveFramework(
  { ...TWO_DIMENSIONS, tiers: { levels: [{ id: 'top', name: { en: 'Top' }, rule: { score: { min: 60 } } }] } },
  { file: 'tiers.yaml' },
);

/** Regions in the order given; both indicators take the same value. */
function datasetOf(rows: readonly (readonly [region: string, value: number])[]): Dataset {
  return {
    rowCount: rows.length,
    region: rows.map((r) => r[0]),
    name: rows.map(() => ''),
    group: rows.map(() => ''),
    period: rows.map(() => '2024'),
    values: framework.indicators.map(() => Float64Array.from(rows, (r) => r[1])),
    sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [{ path: 'data.csv', sha256: '' }],
  };
}

// Min–max over 0…10 on a 0–100 scale: C 0 → 0, B 5 → 50, A 10 → 100, for both indicators, so
// each composite (arithmetic mean of the two dimensions) is 0, 50 and 100.
const submitted = datasetOf([
  ['C', 0],
  ['A', 10],
  ['B', 5],
]);

describe('score → tier', () => {
  it('leaves every row untiered in the engine, with no tier warning', () => {
    const table = score(framework, submitted);
    expect(Array.from(table.composite.score)).toEqual([0, 100, 50]);
    expect(Array.from(table.tier)).toEqual([-1, -1, -1]);
    expect(table.diagnostics.map((d) => d.code)).not.toContain('tier-unmatched');
  });

  it('tiers the scored table: A (100 ≥ 60) takes level 0, B and C match no level', () => {
    const table = tierTable(score(framework, submitted));
    expect(Array.from(table.tier)).toEqual([-1, 0, -1]);
    const unmatched = table.diagnostics.filter((d) => d.code === 'tier-unmatched');
    expect(unmatched).toHaveLength(1);
    // Named in the engine's canonical order (by region), not in the order the rows were submitted (C before B).
    expect(unmatched[0]?.args).toMatchObject({ period: '2024', count: 2, regions: 'B, C' });
  });

  it('scoreAndTier is score then tierTable, whatever the row order', () => {
    const reordered = datasetOf([
      ['B', 5],
      ['C', 0],
      ['A', 10],
    ]);
    const a = scoreAndTier(framework, submitted);
    const b = scoreAndTier(framework, reordered);
    expect(a).toEqual(tierTable(score(framework, submitted)));
    expect(Array.from(b.tier)).toEqual([-1, -1, 0]);
    expect(b.diagnostics).toEqual(a.diagnostics);
  });
});
