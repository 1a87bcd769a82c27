import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsvTable } from '../../src/load/csv-table.js';

const codes = (text: string) => parseCsvTable(text, 'f.csv').diagnostics.map((d) => d.code);

describe('detectDelimiter', () => {
  it.each<[string, string]>([
    ['region,name,score', ','],
    ['region;name;score', ';'],
    ['region\tname\tscore', '\t'],
    ['地区代码;地区名称;得分', ';'], // non-ASCII headers (csv-parse's delimiter_auto crashes on these)
    ['"a;b",c,d', ','], // the semicolon is inside quotes
    ['region', ','], // one column: comma by default
  ])('%j → %j', (line, delimiter) => {
    expect(detectDelimiter(line)).toBe(delimiter);
  });
});

describe('parseCsvTable', () => {
  it('reads the header and records with their lines', () => {
    const { table, diagnostics } = parseCsvTable('region,score\n310000,1\n510000,2\n', 'f.csv');
    expect(diagnostics).toEqual([]);
    expect(table?.header).toEqual(['region', 'score']);
    expect(table?.headerLine).toBe(1);
    expect(table?.records.map((r) => [r.fields, r.line])).toEqual([
      [['310000', '1'], 2],
      [['510000', '2'], 3],
    ]);
  });

  it('skips blank lines and all-blank rows but keeps the lines right', () => {
    // line 1 blank, header on 2, data on 3, blank 4, `,` (blank row) on 5, data on 6
    const { table } = parseCsvTable('\nregion,score\n310000,1\n\n , \n510000,2\n', 'f.csv');
    expect(table?.headerLine).toBe(2);
    expect(table?.records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('gives a multi-line record the line it starts on', () => {
    // record 2 spans lines 2–3 (a quoted line break); the next record is on line 4
    const { table } = parseCsvTable('region,name\n310000,"上海\n市"\n510000,四川\n', 'f.csv');
    expect(table?.records.map((r) => [r.fields[1], r.line])).toEqual([
      ['上海\n市', 2],
      ['四川', 4],
    ]);
  });

  it('reads semicolon and tab files, CRLF line ends and a leading BOM character', () => {
    expect(parseCsvTable('\uFEFFregion;score\r\n310000;1\r\n', 'f.csv').table?.records[0]?.fields).toEqual(['310000', '1']);
    expect(parseCsvTable('region\tscore\n310000\t1\n', 'f.csv').table?.records[0]?.fields).toEqual(['310000', '1']);
  });

  it("honours Excel's sep= line", () => {
    const { table } = parseCsvTable('sep=;\nregion;score,x\n310000;1,5\n', 'f.csv');
    expect(table?.delimiter).toBe(';');
    expect(table?.headerLine).toBe(2);
    expect(table?.records[0]).toMatchObject({ fields: ['310000', '1,5'], line: 3 });
  });

  it('reports a ragged row with its line and keeps it flagged', () => {
    const { table, diagnostics } = parseCsvTable('region,a,b\n310000,1,2\n510000,1\n440000,1,2,3\n', 'f.csv');
    expect(diagnostics.map((d) => [d.code, d.line, d.args['expected'], d.args['actual']])).toEqual([
      ['csv-field-count', 3, 3, 2],
      ['csv-field-count', 4, 3, 4],
    ]);
    expect(table?.records.map((r) => r.isRagged)).toEqual([false, true, true]);
  });

  it('accepts blank padding on the right (a spreadsheet export)', () => {
    // a row with extra blank fields, and a row short of a column whose header is blank
    const { table, diagnostics } = parseCsvTable('region,a,\n310000,1,,,\n510000,2\n', 'f.csv');
    expect(diagnostics).toEqual([]);
    expect(table?.records.map((r) => r.isRagged)).toEqual([false, false]);
  });

  it('warns about a header without data rows', () => {
    const { table, diagnostics } = parseCsvTable('region,score\n', 'f.csv');
    expect(table?.records).toEqual([]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['csv-no-data-rows', 'warning', 1]]);
  });

  it.each(['', '\n\n', '   \r\n', '\uFEFF', ',,,\n,,\n'])('reports %j as an empty file', (text) => {
    const { table, diagnostics } = parseCsvTable(text, 'f.csv');
    expect(table).toBeUndefined();
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([['file-empty', 'error']]);
  });

  it('reports an unclosed quote at the line the record starts, without throwing', () => {
    // the quote opened on line 4 swallows lines 4–5; records before it survive
    const { table, diagnostics } = parseCsvTable('region,name\n310000,上海\n\n510000,"四川\n440000,广东\n', 'f.csv');
    expect(table?.records.map((r) => r.fields[0])).toEqual(['310000']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'csv-quote-unclosed', severity: 'error', file: 'f.csv', line: 4 });
  });

  it('keeps a stray quote inside an unquoted field as text', () => {
    expect(codes('region,name\n310000,5"\n')).toEqual([]);
    expect(parseCsvTable('region,name\n310000,5"\n', 'f.csv').table?.records[0]?.fields).toEqual(['310000', '5"']);
  });

  it('keeps text after a closing quote as text (the cell then judges it)', () => {
    const { table, diagnostics } = parseCsvTable('region,a\n"1"x,2\n"a""b",3\n', 'f.csv');
    expect(diagnostics).toEqual([]);
    expect(table?.records.map((r) => r.fields[0])).toEqual(['"1"x', 'a"b']);
  });
});
