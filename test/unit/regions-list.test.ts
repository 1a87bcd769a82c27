import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { parseCsvTable } from '../../src/load/csv-table.js';
import { regionListFromTable } from '../../src/regions/region-list.js';
import { lookupRegion } from '../../src/regions/region-reference.js';

const FILE = 'cities.csv';

function list(text: string) {
  const parsed = parseCsvTable(text, FILE);
  if (!parsed.table) throw new Error(`no table: ${JSON.stringify(parsed.diagnostics)}`);
  return regionListFromTable(parsed.table, FILE);
}

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => [d.code, d.line, d.column]);

describe('a framework’s own region list (CSV)', () => {
  it('reads code, name, short names and group; every listed region is required and knows its line', () => {
    const { reference, diagnostics } = list('code,name,short,group\n330100,杭州市,杭州|杭,capital\n330200,宁波市,宁波、甬,coastal\n');
    expect(diagnostics).toEqual([]);
    expect(reference?.id).toBe(FILE);
    expect(reference?.regions).toEqual([
      { code: '330100', name: '杭州市', label: '杭州市', aliases: ['杭州', '杭'], group: 'capital', isRequired: true, source: { file: FILE, line: 2 } },
      { code: '330200', name: '宁波市', label: '宁波市', aliases: ['宁波', '甬'], group: 'coastal', isRequired: true, source: { file: FILE, line: 3 } },
    ]);
    expect(reference && lookupRegion(reference, '甬')).toMatchObject({ kind: 'found', region: { code: '330200' } });
  });

  it('accepts Chinese headers and an English name column; short and group are optional', () => {
    const { reference, diagnostics } = list('代码,名称,英文名称\n330100,杭州市,Hangzhou\n');
    expect(diagnostics).toEqual([]);
    expect(reference?.regions[0]).toMatchObject({ code: '330100', name: '杭州市', en: 'Hangzhou', aliases: [], group: '' });
    expect(reference && lookupRegion(reference, 'hangzhou')).toMatchObject({ kind: 'found' });
  });

  it('skips a row without a code and a repeated code, with their lines, and keeps the rest', () => {
    const { reference, diagnostics } = list('code,name\n330100,杭州市\n,无代码\n330100,杭州\n330200,宁波市\n');
    expect(codes(diagnostics)).toEqual([
      ['regions-code-empty', 3, 1],
      ['regions-code-duplicate', 4, 1],
    ]);
    expect(diagnostics[1]?.args).toMatchObject({ code: '330100', first: 'cities.csv:2' });
    expect(reference?.regions.map((r) => r.code)).toEqual(['330100', '330200']);
  });

  it('refuses a list without a code column, and warns about a column it does not know', () => {
    const { reference, diagnostics } = list('名称,人口\n杭州市,1200\n');
    expect(reference).toBeUndefined();
    expect(codes(diagnostics)).toEqual([
      ['regions-column-unknown', 1, 2],
      ['regions-column-missing', 1, undefined],
    ]);
  });

  it('reports a list whose every row was skipped as empty', () => {
    const { reference, diagnostics } = list('code,name\n,杭州市\n');
    expect(reference).toBeUndefined();
    expect(diagnostics.map((d) => d.code)).toEqual(['regions-code-empty', 'regions-list-empty']);
  });
});
