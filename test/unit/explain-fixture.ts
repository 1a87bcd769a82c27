/**
 * The 5-region toy the explain tests compute by hand.
 *
 * Framework (scale 100, precision 2 — as cn-dgdi — so that float noise cannot split a tie; everything arithmetic):
 *   service (weight 3): online  percent, goalpost 0–100, weight 2  → effective weight 3/4 · 2/3 = 0.5
 *                       apps    count,   minmax, range [0, 5000], weight 1 → 3/4 · 1/3 = 0.25
 *   org     (weight 1): cdo     levels 无 0 / 试点 1 / 全面 2, goalpost 0–2 → 1/4
 *   composite = 0.5 · online + 0.25 · appsN + 0.25 · cdoN
 *
 * Tiers, best first: leading rank ≤ 1; good score ≥ 60; special any_dimension rank ≤ 1; developing otherwise.
 *
 * Data (2022): apps min 0, max 500 → appsN = apps / 5; cdoN = 50 · cdo.
 *   region  online apps cdo   composite                         service               org
 *   r1        90   500   2    45 + 25 + 25   = 95               (180 + 100)/3 = 93.33  100  → leading (rank 1)
 *   r2        80   300   1    40 + 15 + 12.5 = 67.5             (160 + 60)/3  = 73.33   50  → good (67.5 ≥ 60)
 *   r3        60   200   2    30 + 10 + 25   = 65               (120 + 40)/3  = 53.33  100  → good
 *   r4        50   100   2    25 +  5 + 25   = 55               (100 + 20)/3  = 40     100  → special (org rank 1, tied)
 *   r5        40     0   0    20 +  0 +  0   = 20               (80 + 0)/3    = 26.67    0  → developing
 */
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import type { ScoreTable } from '../../src/model/score-table.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

export const TOY: FrameworkInput = {
  format: 'dgmi/1',
  id: 'toy',
  name: { zh: '玩具指数', en: 'Toy index' },
  scale: 100,
  precision: 2,
  dimensions: [
    {
      id: 'service',
      name: { zh: '服务', en: 'Service' },
      weight: 3,
      indicators: [
        { id: 'online', name: { zh: '网办率', en: 'Online rate' }, unit: 'percent', weight: 2, range: [0, 100], normalise: { method: 'goalpost', min: 0, max: 100 } },
        { id: 'apps', name: { zh: '应用数', en: 'Apps' }, unit: 'count', range: [0, 5000], normalise: { method: 'minmax' } },
      ],
    },
    {
      id: 'org',
      name: { zh: '组织', en: 'Organization' },
      weight: 1,
      indicators: [
        { id: 'cdo', name: { zh: '首席数据官', en: 'CDO' }, unit: 'level', levels: { 无: 0, 试点: 1, 全面: 2 }, range: [0, 2], normalise: { method: 'goalpost', min: 0, max: 2 } },
      ],
    },
  ],
  tiers: {
    levels: [
      { id: 'leading', name: { zh: '引领型', en: 'Leading' }, rule: { rank: { max: 1 } } },
      { id: 'good', name: { zh: '优质型', en: 'Good' }, rule: { score: { min: 60 } } },
      { id: 'special', name: { zh: '特色型', en: 'Special' }, rule: { any_dimension: { rank: { max: 1 } } } },
      { id: 'developing', name: { zh: '发展型', en: 'Developing' }, rule: 'otherwise' },
    ],
  },
};

/** [region, name, online, apps, cdo]. */
export const TOY_ROWS: readonly (readonly [string, string, number, number, number])[] = [
  ['r1', '甲', 90, 500, 2],
  ['r2', '乙', 80, 300, 1],
  ['r3', '丙', 60, 200, 2],
  ['r4', '丁', 50, 100, 2],
  ['r5', '戊', 40, 0, 0],
];

export function toyFramework(overrides: Partial<FrameworkInput> = {}): ResolvedFramework {
  return resolveFramework({ ...TOY, ...overrides }, { file: 'toy.yaml' });
}

export function toyDataset(framework: ResolvedFramework, rows = TOY_ROWS, period = '2022'): Dataset {
  const column = (i: 2 | 3 | 4) => Float64Array.from(rows, (r) => r[i]);
  const byId: Record<string, Float64Array> = { online: column(2), apps: column(3), cdo: column(4) };
  return {
    rowCount: rows.length,
    region: rows.map((r) => r[0]),
    name: rows.map((r) => r[1]),
    group: rows.map(() => ''),
    period: rows.map(() => period),
    values: framework.indicators.map((ind) => byId[ind.id] ?? new Float64Array(rows.length).fill(Number.NaN)),
    sources: rows.map((_, i) => ({ file: 'toy.csv', line: i + 2 })),
    inputs: [{ path: 'toy.csv', sha256: '' }],
  };
}

export function toyTable(overrides: Partial<FrameworkInput> = {}): ScoreTable {
  const framework = toyFramework(overrides);
  return score(framework, toyDataset(framework));
}
