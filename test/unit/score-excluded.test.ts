import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const framework = resolveFramework({
  format: 'dgmi/1',
  id: 't',
  name: { en: 'T' },
  dimensions: [{ id: 'd', name: { en: 'D' }, indicators: [{ id: 'x', name: { en: 'X' } }] }],
  tiers: { levels: [{ id: 'top', name: { en: 'Top' }, rule: { rank: { max: 1 } } }, { id: 'rest', name: { en: 'Rest' }, rule: 'otherwise' }] },
});

function dataset(excluded?: Uint8Array): Dataset {
  return {
    rowCount: 4,
    region: ['a', 'b', 'c', 'bad'],
    name: ['', '', '', ''],
    group: ['', '', '', ''],
    period: ['', '', '', ''],
    // 'bad' holds an out-of-range 1000 that the loader flagged: it must not stretch the min–max.
    values: [Float64Array.from([10, 20, 30, 1000])],
    sources: [1, 2, 3, 4].map((line) => ({ file: 'd.csv', line: line + 1 })),
    inputs: [],
    ...(excluded ? { excluded } : {}),
  };
}

describe('excluded rows', () => {
  it('take no part in normalisation, are left unscored and sort last', () => {
    const table = score(framework, dataset(Uint8Array.from([0, 0, 0, 1])));
    // minmax over a, b, c only: (10−10)/20 = 0, (20−10)/20 = 0.5, (30−10)/20 = 1 → ×100.
    expect(Array.from(table.composite.score.slice(0, 3))).toEqual([0, 50, 100]);
    expect(table.composite.score[3]).toBeNaN();
    expect(table.composite.rank[3]).toBeNaN();
    expect(Array.from(table.composite.rank.slice(0, 3))).toEqual([3, 2, 1]);
    expect(table.tier[3]).toBe(-1);
    expect(table.tier[2]).toBe(0);
    expect(Array.from(table.order)).toEqual([2, 1, 0, 3]);
    // The value read is still shown for the excluded row, so the user sees what was wrong.
    expect(table.indicators.get('x')?.value[3]).toBe(1000);
    expect(table.indicators.get('x')?.normalised[3]).toBeNaN();
  });

  it('without exclusions the same data is scored over all four rows', () => {
    const table = score(framework, dataset());
    // minmax over 10…1000: (20−10)/990·100 = 1.0101…
    expect(table.composite.score[1]).toBeCloseTo((10 / 990) * 100, 12);
  });
});
