/**
 * Data preparation in the hand-outs, on test/fixtures/report/prep (a small framework in the
 * style of indicators/coinr-asem-full.yaml: a denominator, screening at 60% coverage, COINr's
 * winsorising rule, one indicator with `missing: mean`).
 *
 * Worked out by hand from data.csv (period 2022):
 * - doctors is divided by population × 10000: R1 2 / 20000 × 10000 = 1, …, R11 22 → 11.
 * - X has only portal (1 of 3 indicators): coverage 1/3 = 33.3% < 60% → screened out, unscored.
 * - R11 has no portal; `missing: mean` fills it → 1 imputed value (X's gaps are not imputed:
 *   doctors and online have the default policy, reweight).
 * - online over the 11 scored units is 1…9, 100 (R10), 10 (R11): skew ≫ 2, so COINr's rule
 *   winsorises the largest, 100 → 10 (the next value); 1…10, 10 then passes. One point treated.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions } from '../../src/load/submissions.js';
import { renderHtmlReport } from '../../src/report/html/document.js';
import { preparationCounts } from '../../src/report/html/preparation-summary.js';
import { prepareReport } from '../../src/report/html/report-data.js';
import { xlsxSheets } from '../../src/report/results/xlsx.js';
import { scoreAndTier } from '../../src/tier/tier-table.js';
import { fixtureTable } from './results-format-fixture.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function preparedTable() {
  const { framework } = await loadFramework(`${root}test/fixtures/report/prep/framework.yaml`);
  const { dataset } = await loadSubmissions(framework!, [`${root}test/fixtures/report/prep/data.csv`]);
  return scoreAndTier(framework!, dataset!);
}

/** Type-2 sample skewness (Excel SKEW), written out independently of src/prepare/moments.ts. */
function skew(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const m2 = xs.reduce((a, x) => a + (x - mean) ** 2, 0);
  const m3 = xs.reduce((a, x) => a + (x - mean) ** 3, 0);
  return ((Math.sqrt(n) * m3) / m2 ** 1.5) * (Math.sqrt(n * (n - 1)) / (n - 2));
}

describe('preparation in the HTML summary', () => {
  it('counts what preparation did in the period', async () => {
    const data = prepareReport(await preparedTable(), { lang: 'en', toolVersion: '9.9.9' });
    const counts = preparationCounts(data);
    expect(counts).toMatchObject({
      denominated: ['doctors'],
      treatedPoints: 1,
      treatedIndicators: ['online'],
      loggedIndicators: [],
      imputed: 1,
      minCoverage: 0.6,
      screened: [{ region: 'X', name: 'Sparse', coverage: 1 / 3 }],
    });
  });

  it('says it in the summary section, in both languages, with skewness before and after', async () => {
    const table = await preparedTable();
    const en = renderHtmlReport(prepareReport(table, { lang: 'en', toolVersion: '9.9.9' }));
    const summary = en.slice(en.indexOf('id="summary"'), en.indexOf('id="ranking"'));
    expect(summary).toContain('<h3>Data preparation</h3>');
    expect(summary).toContain('<td>Divided by a denominator</td><td>1 indicator(s): Doctors</td>');
    expect(summary).toContain('<td>Outliers winsorised</td><td>1 value(s) in 1 indicator(s): Online rate</td>');
    expect(summary).toContain('<td>Missing values imputed</td><td>1 value(s)</td>');
    expect(summary).toContain('<td>1 unit(s) below 60.0% coverage');
    expect(summary).toContain('<tr><td>Sparse (X)</td><td class="num">33.3%</td></tr>');
    const before = skew([1, 2, 3, 4, 5, 6, 7, 8, 9, 100, 10]).toFixed(2);
    const after = skew([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10]).toFixed(2);
    expect(summary).toContain(`<td class="num">${before} → ${after}</td>`);
    expect(Number(before)).toBeGreaterThan(2); // why it was treated
    const zh = renderHtmlReport(prepareReport(table, { lang: 'zh', toolVersion: '9.9.9' }));
    expect(zh).toContain('<td>异常值缩尾</td><td>1 个值（1 个指标：网办率）</td>');
    expect(zh).toContain('<td>缺失值插补</td><td>1 个值</td>');
  });

  it('adds nothing for a framework that prepares nothing', () => {
    const data = prepareReport(fixtureTable(), { lang: 'en', toolVersion: '9.9.9' });
    expect(preparationCounts(data)).toBeUndefined();
    expect(renderHtmlReport(data)).not.toContain('Data preparation');
  });
});

describe('preparation in the workbook', () => {
  it('flags treated and imputed values and gives a screened unit its coverage on the dimension sheet', async () => {
    const sheets = xlsxSheets(await preparedTable(), { lang: 'en', toolVersion: '9.9.9' });
    const services = sheets.find((s) => s.name === 'Services');
    expect(services?.headers).toEqual([
      'Region code', 'Name', 'Group', 'Period', 'Services Score', 'Rank', 'screened out (coverage)',
      'Doctors · value', 'Doctors · normalised', 'Doctors · imputed', 'Doctors · treated',
      'Online rate · value', 'Online rate · normalised', 'Online rate · imputed', 'Online rate · treated',
      'Portal score · value', 'Portal score · normalised', 'Portal score · imputed', 'Portal score · treated',
    ]);
    const row = (code: string) => services?.rows.find((r) => r[0] === code) ?? [];
    // R10: online treated (100 → 10); doctors 20 / 20000 × 10000 = 10.
    expect(row('R10')[6]).toBeNull();
    expect(row('R10')[7]).toBeCloseTo(10, 12);
    expect(row('R10').slice(13, 15)).toEqual([false, true]);
    expect(row('R10')[11]).toBe(10);
    // R11: portal imputed, nothing treated.
    expect([row('R11')[17], row('R11')[18], row('R11')[14]]).toEqual([true, false, false]);
    // X: screened out at coverage 1/3; no score, nothing flagged treated.
    expect(row('X')[4]).toBeNull();
    expect(row('X')[6]).toBeCloseTo(1 / 3, 15);
    expect([row('X')[10], row('X')[14], row('X')[18]]).toEqual([false, false, false]);
    expect(services?.percentColumns).toEqual(new Set([6]));
  });

  it('lists every treated value and screened unit on a preparation sheet, before the diagnostics', async () => {
    const sheets = xlsxSheets(await preparedTable(), { lang: 'zh', toolVersion: '9.9.9' });
    expect(sheets.map((s) => s.name)).toEqual(['结果', '服务', '预处理', '诊断', '来源']);
    const preparation = sheets[2];
    expect(preparation?.headers).toEqual(['处理', '指标 id', '指标', '地区代码', '名称', '期间', '处理前', '处理后', '覆盖率']);
    expect(preparation?.rows).toEqual([
      ['缩尾', 'online', '网办率', 'R10', 'Region 10', '2022', 100, 10, null],
      ['筛除', null, null, 'X', 'Sparse', '2022', null, null, 1 / 3],
    ]);
  });

  it('keeps the workbook of a framework that prepares nothing as it was', () => {
    const sheets = xlsxSheets(fixtureTable(), { lang: 'en', toolVersion: '9.9.9' });
    expect(sheets.map((s) => s.name)).not.toContain('Preparation');
    expect(sheets.flatMap((s) => s.headers).some((h) => h.includes('treated') || h.includes('screened'))).toBe(false);
  });
});
