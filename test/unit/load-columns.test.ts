import { describe, expect, it } from 'vitest';
import { columnLetter, mapColumns } from '../../src/load/columns.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const framework = loadTestFramework();
const at = { file: 'f.csv', line: 1 };
const ALL = ['online_rate', 'cdo', 'has_portal', 'services'];

describe('columnLetter', () => {
  it.each<[number, string]>([
    [0, 'A'],
    [3, 'D'],
    [25, 'Z'],
    [26, 'AA'], // 26 = 1·26 + 0 → A, A
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'], // 701 = 26·26 + 25
    [702, 'AAA'],
  ])('%d → %s', (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe('mapColumns: wide', () => {
  it('maps the row columns and the indicators by id', () => {
    const mapping = mapColumns(framework, ['region', 'name', 'group', 'period', ...ALL], at);
    expect(mapping.diagnostics).toEqual([]);
    expect(mapping.layout).toEqual({
      kind: 'wide',
      rows: { region: 0, name: 1, group: 2, period: 3 },
      indicators: [
        { column: 4, indicator: 0 },
        { column: 5, indicator: 1 },
        { column: 6, indicator: 2 },
        { column: 7, indicator: 3 },
      ],
    });
  });

  it('accepts Chinese row headers and zh/en indicator names, whatever the case, spacing or width', () => {
    const header = ['地区代码', '地区名称', '分组', '年份', '网上办理率', ' Chief  Data Officer ', 'ＵＮＩＦＩＥＤ portal', '服务事项数（个）'];
    const mapping = mapColumns(framework, header, at);
    expect(mapping.diagnostics).toEqual([]);
    expect(mapping.layout?.rows).toEqual({ region: 0, name: 1, group: 2, period: 3 });
    expect(mapping.layout?.kind === 'wide' && mapping.layout.indicators.map((c) => c.indicator)).toEqual([0, 1, 2, 3]);
  });

  it.each<[string, string]>([
    ['行政区划代码', 'region'],
    ['代码', 'region'],
    ['REGION', 'region'],
    ['地区', 'name'],
    ['名称', 'name'],
    ['区域', 'group'],
    ['年度', 'period'],
    ['期间', 'period'],
  ])('reads header %j as the %s column', (text, role) => {
    const header = text === '代码' || text === '行政区划代码' || text === 'REGION' ? [text] : ['region', text];
    const rows = mapColumns(framework, header, at).layout?.rows as Record<string, number>;
    expect(rows[role]).toBe(header.indexOf(text));
  });

  it("uses the framework's own column names", () => {
    const renamed = loadTestFramework({ columns: { region: 'adcode', period: 'year' } });
    const mapping = mapColumns(renamed, ['adcode', 'year', ...ALL], at);
    expect(mapping.layout?.rows).toEqual({ region: 0, period: 1 });
  });

  it('warns about an unknown column and suggests the nearest indicator', () => {
    const mapping = mapColumns(framework, ['region', 'onlin_rate', '首席数据官', 'population', ...ALL.slice(1)], at);
    const unknown = mapping.diagnostics.filter((d) => d.code === 'column-unknown');
    expect(unknown.map((d) => [d.severity, d.column, d.args['columnLetter'], d.args['header'], d.args['suggestion']])).toEqual([
      ['warning', 2, 'B', 'onlin_rate', 'online_rate'], // one insertion away
      ['warning', 3, 'C', '首席数据官', '首席数据官制度'], // two insertions, within a third of 7
      ['warning', 4, 'D', 'population', ''], // nothing close
    ]);
  });

  it('lists the indicators a file lacks in one warning', () => {
    const mapping = mapColumns(framework, ['region', 'cdo'], at);
    expect(mapping.diagnostics.map((d) => [d.code, d.severity, d.args['count'], d.args['indicators']])).toEqual([
      ['column-indicator-missing', 'warning', 3, 'online_rate, has_portal, services'],
    ]);
  });

  it('reports the same indicator twice as an error and marks the mapping ambiguous', () => {
    const mapping = mapColumns(framework, ['region', 'cdo', ...ALL.filter((id) => id !== 'cdo'), '首席数据官制度'], at);
    expect(mapping.isAmbiguous).toBe(true);
    expect(mapping.diagnostics.map((d) => [d.code, d.severity, d.column, d.args['firstLetter'], d.args['columnLetter'], d.args['target']])).toEqual([
      ['column-duplicate', 'error', 6, 'B', 'F', 'cdo'],
    ]);
  });

  it('reports a missing region column, with a suggestion when one is close', () => {
    const mapping = mapColumns(framework, ['regoin', ...ALL], at);
    expect(mapping.layout).toBeUndefined();
    expect(mapping.diagnostics.map((d) => [d.code, d.severity, d.args['suggestion']])).toEqual([['column-region-missing', 'error', 'region']]);
  });

  it('sets empty headers aside', () => {
    const mapping = mapColumns(framework, ['region', '', ...ALL, ' '], at);
    expect(mapping.unnamedColumns).toEqual([1, 6]);
    expect(mapping.diagnostics).toEqual([]);
  });

  it('does not take a name two indicators share', () => {
    const shared = loadTestFramework({
      dimensions: [
        { id: 'a', name: { en: 'A' }, indicators: [{ id: 'a_cov', name: { en: 'Coverage' } }] },
        { id: 'b', name: { en: 'B' }, indicators: [{ id: 'b_cov', name: { en: 'Coverage' } }] },
      ],
    });
    const mapping = mapColumns(shared, ['region', 'Coverage', 'b_cov'], at);
    expect(mapping.diagnostics.map((d) => d.code)).toEqual(['column-unknown', 'column-indicator-missing']);
  });
});

describe('mapColumns: long', () => {
  it('recognises region, indicator, value (and optional period, name, group)', () => {
    const mapping = mapColumns(framework, ['region', 'period', 'indicator', 'value', 'name'], at);
    expect(mapping.diagnostics).toEqual([]);
    expect(mapping.layout).toEqual({ kind: 'long', rows: { region: 0, period: 1, name: 4 }, indicatorColumn: 2, valueColumn: 3 });
  });

  it('recognises Chinese long headers', () => {
    const mapping = mapColumns(framework, ['地区代码', '指标', '数值'], at);
    expect(mapping.layout).toEqual({ kind: 'long', rows: { region: 0 }, indicatorColumn: 1, valueColumn: 2 });
  });

  it('warns that an indicator column in a long file is not read', () => {
    const mapping = mapColumns(framework, ['region', 'services', 'indicator', 'value'], at);
    expect(mapping.layout?.kind).toBe('long');
    expect(mapping.diagnostics.map((d) => [d.code, d.column])).toEqual([['column-unknown', 2]]);
  });

  it('treats a lone value column in a wide file as unknown', () => {
    const mapping = mapColumns(framework, ['region', 'value', ...ALL], at);
    expect(mapping.layout?.kind).toBe('wide');
    expect(mapping.diagnostics.map((d) => [d.code, d.column])).toEqual([['column-unknown', 2]]);
  });
});
