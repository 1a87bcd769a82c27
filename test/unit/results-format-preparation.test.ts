/**
 * How preparation shows in the result formatters (pure functions): the JSON `preparation`
 * member, the table/markdown column, the CSV columns, the stderr summary — and nothing of it
 * for a framework that does not prepare.
 */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import { plainPalette } from '../../src/report/palette.js';
import { formatCsv, formatJson, formatMarkdown, formatTable } from '../../src/report/results/index.js';
import { preparationSummary } from '../../src/report/results/preparation.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const options = { lang: 'en' as const, palette: plainPalette, toolVersion: '0.0.0-test' };

function tableOf(extra: Partial<FrameworkInput>) {
  const framework = resolveFramework({
    format: 'dgmi/1',
    id: 'fmt',
    name: { en: 'Format test', zh: '格式测试' },
    dimensions: [{ id: 'd', name: { en: 'D', zh: '维' }, indicators: [{ id: 'a', name: { en: 'A' } }, { id: 'b', name: { en: 'B' } }] }],
    ...extra,
  });
  // a: 1..9 and 100 (R10 an outlier); b: 1..10, with R11 having b only (coverage 1/2).
  const n = 11;
  const dataset: Dataset = {
    rowCount: n,
    region: Array.from({ length: n }, (_, i) => `R${i + 1}`),
    name: Array.from({ length: n }, () => ''),
    group: Array.from({ length: n }, () => ''),
    period: Array.from({ length: n }, () => '2024'),
    values: [Float64Array.from({ length: n }, (_, i) => (i === 9 ? 100 : i === 10 ? NaN : i + 1)), Float64Array.from({ length: n }, (_, i) => i + 1)],
    sources: Array.from({ length: n }, (_, i) => ({ file: 'd.csv', line: i + 2 })),
    inputs: [{ path: 'd.csv', sha256: '' }],
  };
  return score(framework, dataset);
}

describe('preparation in the result formats', () => {
  it('JSON: winsorised points with before and after; screened units with coverage', () => {
    const table = tableOf({ treat: { method: 'winsorise' }, screen: { min_coverage: 0.75 } });
    const doc = JSON.parse(formatJson(table, options)) as { preparation: { screen: unknown; treated: unknown[]; imputed: number } };
    expect(doc.preparation.screen).toEqual({ min_coverage: 0.75, screened: [{ region: 'R11', period: '2024', coverage: 0.5 }] });
    expect(doc.preparation.treated).toEqual([
      expect.objectContaining({ indicator: 'a', period: '2024', method: 'winsorise', points: 1, values: [{ region: 'R10', period: '2024', from: 100, to: 9 }] }),
    ]);
  });

  it('JSON: the log fallback says how many values it transformed instead of listing them', () => {
    // max_points 0: no winsorising round, so a failing column goes straight to the log.
    const table = tableOf({ treat: { method: 'winsorise', max_points: 0 } });
    const record = table.preparation?.treatments.find((t) => t.indicator === 'a');
    expect(record).toMatchObject({ method: 'log', points: 0, transformed: 10, changed: [] });
    // ln(x − 1 + 0.01·99) for x = 100 → ln(99.99).
    expect(table.indicators.get('a')?.value[9]).toBeCloseTo(Math.log(99.99), 14);
    const doc = JSON.parse(formatJson(table, options)) as { preparation: { treated: Record<string, unknown>[] } };
    expect(doc.preparation.treated[0]).toMatchObject({ indicator: 'a', method: 'log', transformed: 10 });
    expect('values' in (doc.preparation.treated[0] ?? {})).toBe(false);
    expect(formatTable(table, options)).toContain('treated: a (log)');
    expect(preparationSummary(table.preparation!, 'en')).toContain('1 indicator(s) log-transformed');
  });

  it('table, markdown and CSV flag treated and screened units; zh labels', () => {
    const table = tableOf({ treat: { method: 'winsorise' }, screen: { min_coverage: 0.75 } });
    expect(formatTable(table, options)).toContain('screened out (coverage 50.0%)');
    expect(formatMarkdown(table, { ...options, lang: 'zh' })).toContain('| 异常值处理：a |');
    const csv = formatCsv(table, options).split('\r\n');
    expect(csv[0]?.endsWith(',screened,coverage,treated,imputed')).toBe(true);
    expect(csv.find((l) => l.includes(',R11,'))?.endsWith(',true,0.5,,0')).toBe(true);
    expect(preparationSummary(table.preparation!, 'zh')).toBe(
      'dgmi: 数据预处理：0 个指标除以分母，插补 0 个值，筛除 1 个地区，缩尾 1 个点（1 个指标），0 个指标改用对数变换\n',
    );
  });

  it('a framework without preparation gets none of it', () => {
    const table = tableOf({});
    expect(formatJson(table, options)).not.toContain('"preparation"');
    expect(formatCsv(table, options).split('\r\n')[0]).toBe('period,rank,region,name,group,score,tier,tier_name,d');
    expect(formatTable(table, options)).not.toContain('Preparation');
  });
});
