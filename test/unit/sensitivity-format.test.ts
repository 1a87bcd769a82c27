/** The sensitivity formatters as pure functions: escaping, formula injection, nulls, the rank bar. */
import { describe, expect, it } from 'vitest';
import type { SensitivityResult } from '../../src/analyse/sensitivity/result.js';
import { plainPalette } from '../../src/report/palette.js';
import { rankBar } from '../../src/report/sensitivity/document.js';
import { SENSITIVITY_FORMATS } from '../../src/report/sensitivity/index.js';

const result: SensitivityResult = {
  format: 'dgmi-sensitivity-result/1',
  framework: { id: 'f', name: { en: 'Frame | work', zh: '框架' }, version: '1', sha256: 'abcdef0123456789' },
  inputs: [{ path: 'd.csv', sha256: '00' }],
  method: 'sobol',
  runs: 10,
  replications: 40,
  seed: 3,
  bootstrap: 100,
  tiers: [
    { id: 'top', name: { en: 'Top', zh: '顶尖' } },
    { id: 'rest', name: { en: 'Rest', zh: '其余' } },
  ],
  assumptions: [
    { kind: 'weights', options: ['1:0.25'], sobol: { first: 0.25, firstLow: 0.1, firstHigh: 0.4, total: 0.5, totalLow: 0.3, totalHigh: 0.7 } },
    { kind: 'aggregate', options: ['arithmetic', 'geometric'], sobol: { first: NaN, firstLow: NaN, firstHigh: NaN, total: NaN, totalLow: NaN, totalHigh: NaN } },
  ],
  meanRankShift: 0.75,
  regions: [
    { region: 'A', name: '=HYPERLINK("x")', group: 'g|1', period: '2022', score: 80.5, rank: 1, tier: 'top', meanRank: 1.5, medianRank: 1, p5Rank: 1, p95Rank: 2.55, scoredShare: 1, tierProbabilities: [0.5, 0.5] },
    { region: 'B', name: 'Bee | pipe', group: '', period: '2022', score: NaN, rank: NaN, tier: null, meanRank: NaN, medianRank: NaN, p5Rank: NaN, p95Rank: NaN, scoredShare: 0, tierProbabilities: [0, 0] },
  ],
  diagnostics: [],
};
const options = { lang: 'en', palette: plainPalette, toolVersion: '9.9.9' } as const;

describe('sensitivity formatters', () => {
  it('rank bar: ━ over the 5–95% interval, ● at the median, best on the left', () => {
    // 10 ranks on 10 characters: rank r at position r − 1.
    expect(rankBar(2, 4, 6, 10, 10)).toBe('·━━●━━····');
    expect(rankBar(1, 1, 1, 1, 5)).toBe('●····');
    expect(rankBar(NaN, NaN, NaN, 10)).toBe('—');
  });

  it('markdown escapes pipes in names (markdownCell) and shows the Sobol table', () => {
    const text = SENSITIVITY_FORMATS.markdown(result, options);
    expect(text).toContain('## 2022 — Frame \\| work');
    expect(text).toContain('| 1 | =HYPERLINK("x") (A) | 80.50 | Top | 1 | 1–2.5 | 1.5 | 50.0% | 50.0% |');
    expect(text).toContain('Bee \\| pipe (B)');
    expect(text).toContain('| Weights | level 1 × U(1 ± 0.25) | 0.250 [0.100, 0.400] | 0.500 [0.300, 0.700] |');
    expect(text).toContain('| Aggregation | arithmetic, geometric | — [—, —] | — [—, —] |');
  });

  it('CSV defuses formula injection, leaves numbers alone, empty cells for no value', () => {
    const lines = SENSITIVITY_FORMATS.csv(result, { ...options, bom: true }).split('\r\n');
    expect(lines[0]).toBe('\uFEFFperiod,rank,region,name,group,score,tier,mean_rank,median_rank,p5_rank,p95_rank,scored_share,p_top,p_rest');
    expect(lines[1]).toBe(`2022,1,A,"'=HYPERLINK(""x"")",g|1,80.5,top,1.5,1,1,2.55,1,0.5,0.5`);
    expect(lines[2]).toBe('2022,,B,Bee | pipe,,,,,,,,0,0,0');
  });

  it('JSON: NaN as null, ids not labels, Sobol intervals as pairs', () => {
    const doc = JSON.parse(SENSITIVITY_FORMATS.json(result, options)) as Record<string, unknown> & { results: Record<string, unknown>[]; assumptions: Record<string, unknown>[] };
    expect(doc['tiers']).toEqual(['top', 'rest']);
    expect(doc.assumptions[0]).toEqual({ kind: 'weights', options: ['1:0.25'], sobol: { first: 0.25, first_ci: [0.1, 0.4], total: 0.5, total_ci: [0.3, 0.7] } });
    expect(doc.assumptions[1]!['sobol']).toEqual({ first: null, first_ci: [null, null], total: null, total_ci: [null, null] });
    expect(doc.results[1]).toMatchObject({ region: 'B', group: null, score: null, rank: null, tier: null, median_rank: null, tier_probability: { top: 0, rest: 0 } });
  });

  it('table in Chinese: headings and tier names from the framework, the bar column', () => {
    const text = SENSITIVITY_FORMATS.table(result, { ...options, lang: 'zh' });
    expect(text).toContain('排名的不确定性');
    expect(text).toContain('2022 — 框架');
    expect(text).toContain('顶尖');
    expect(text).toContain('排名区间');
    expect(text).toContain('平均绝对排名变动的 Sobol 指数');
  });
});
