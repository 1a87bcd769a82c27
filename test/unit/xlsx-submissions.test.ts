import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { renderHint, renderMessage } from '../../src/diagnostics/messages.js';
import type { LoadedFile } from '../../src/load/file.js';
import { loadSubmissions, parseSubmissions } from '../../src/load/submissions.js';
import type { Dataset } from '../../src/model/dataset.js';
import { loadTestFramework } from '../fixtures/data/framework.js';
import { buildWorkbook, oneSheet } from '../fixtures/xlsx/workbook.js';

const framework = loadTestFramework();
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/xlsx/${name}`, import.meta.url));
const HEADER = ['region', 'name', 'group', 'period', 'online_rate', 'cdo', 'has_portal', 'services'];

function file(path: string, bytes: Uint8Array): LoadedFile {
  return { path, bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

function column(dataset: Dataset | undefined, id: string): number[] {
  const indicator = framework.indicators.find((i) => i.id === id);
  if (!dataset || !indicator) throw new Error(`no dataset or no indicator ${id}`);
  return [...(dataset.values[indicator.index] ?? [])];
}

const brief = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => ({ code: d.code, severity: d.severity, line: d.line, column: d.column, cell: d.args['cell'] }));

describe('XLSX submissions through the loader', () => {
  it('reads a workbook like a CSV: same values, rows located by row number', async () => {
    const bytes = oneSheet([HEADER, ['310000', '上海', 'east', '2022', { xml: '<c r="REF" s="1"><v>0.95</v></c>' }, '全面推行', '是', 1234]], { cellXfs: [0, 9] });
    const { dataset, diagnostics } = await parseSubmissions(framework, [file('f.xlsx', bytes)]);
    expect(diagnostics).toEqual([]);
    expect(column(dataset, 'online_rate')).toEqual([95]); // 0.95 shown as 95% → 95 points (unit percent)
    expect(column(dataset, 'cdo')).toEqual([2]); // 全面推行 → 2
    expect(column(dataset, 'has_portal')).toEqual([1]); // 是 → 1
    expect(column(dataset, 'services')).toEqual([1234]);
    expect(dataset?.sources).toEqual([{ file: 'f.xlsx', line: 2 }]);
  });

  it('formula results are values; #DIV/0! and a date in a number column are errors at their cells', async () => {
    const path = fixture('formula-errors.xlsx');
    const { dataset, diagnostics } = await loadSubmissions(framework, [path]);
    expect(brief(diagnostics)).toEqual([
      { code: 'cell-spreadsheet-error', severity: 'error', line: 2, column: 5, cell: 'Sheet1!E2' },
      { code: 'cell-date', severity: 'error', line: 3, column: 8, cell: 'Sheet1!H3' },
    ]);
    expect(diagnostics[0]?.args['text']).toBe('#DIV/0!');
    expect(diagnostics[1]?.args['text']).toBe('2022-01-01'); // serial 44562 in a date style
    expect(column(dataset, 'online_rate')).toEqual([Number.NaN, 80.5]); // 0.805 in a percent style → 80.5
    expect(column(dataset, 'services')).toEqual([1200, Number.NaN]); // =SUM(1000,200) cached as 1200
    expect([...(dataset?.excluded ?? [])]).toEqual([1, 1]); // a bad cell leaves its row unscored
  });

  it('locates header problems by cell too', async () => {
    const bytes = oneSheet([['region', 'servces'], ['1', 2]]);
    const { diagnostics } = await parseSubmissions(framework, [file('f.xlsx', bytes)]);
    const unknown = diagnostics.find((d) => d.code === 'column-unknown');
    expect(unknown).toEqual(expect.objectContaining({ line: 1, column: 2, args: expect.objectContaining({ cell: 'Sheet1!B1', suggestion: 'services' }) }));
  });

  it('quotes a sheet name Excel would quote in the address', async () => {
    const bytes = buildWorkbook({ sheets: [{ name: '2022年', rows: [['region', 'services'], ['1', 'abc']] }] });
    const { diagnostics } = await parseSubmissions(framework, [file('f.xlsx', bytes)]);
    expect(diagnostics.find((d) => d.code === 'cell-not-a-number')?.args['cell']).toBe("'2022年'!B2");
  });

  it('reads the sheet named by the sheet option', async () => {
    const bytes = buildWorkbook({
      sheets: [
        { name: '说明', rows: [['Fill in the next sheet']] },
        { name: 'Data', rows: [['region', 'services'], ['1', 5]] },
      ],
    });
    const { dataset } = await parseSubmissions(framework, [file('f.xlsx', bytes)], { sheet: 'Data' });
    expect(column(dataset, 'services')).toEqual([5]);
  });

  it('reads a workbook saved under a .csv name by its magic number', async () => {
    const { dataset } = await parseSubmissions(framework, [file('export.csv', oneSheet([['region', 'services'], ['1', 7]]))]);
    expect(column(dataset, 'services')).toEqual([7]);
  });
});

describe('XLSX files that cannot be read: one clear error each, nothing thrown', () => {
  const only = async (name: string, options = {}) => {
    const result = await loadSubmissions(framework, [fixture(name)], options);
    expect(result.dataset).toBeUndefined();
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0];
    if (!d) throw new Error('no diagnostic');
    expect(d.severity).toBe('error');
    expect(d.file).toBe(fixture(name));
    return d;
  };

  it('a password-protected workbook (an OLE container) says to remove the password', async () => {
    const d = await only('password-protected.xlsx');
    expect(d.code).toBe('xlsx-encrypted');
    expect(renderHint(d, 'en')).toContain('clear the password');
    expect(renderHint(d, 'zh')).toContain('清空密码');
  });

  it('an old .xls says to save as .xlsx', async () => {
    const d = await only('legacy.xls');
    expect(d.code).toBe('xlsx-legacy-xls');
    expect(renderHint(d, 'en')).toContain('Excel Workbook (*.xlsx)');
  });

  it('a truncated workbook is damaged', async () => {
    const d = await only('truncated.xlsx');
    expect(d.code).toBe('xlsx-corrupt');
    expect(renderMessage(d, 'en')).toContain('cut short');
  });

  it('merged header cells name the range', async () => {
    const d = await only('merged-header.xlsx');
    expect(d.code).toBe('xlsx-merged-header');
    expect(d.args['range']).toBe('E1:F1');
    expect(d.args['cell']).toBe('Sheet1!E1');
    expect(renderMessage(d, 'zh')).toContain('E1:F1');
  });

  it('a shared-strings bomb is refused from the zip directory, before inflating', async () => {
    const started = performance.now();
    const d = await only('bomb-shared-strings.xlsx');
    expect(d.code).toBe('xlsx-unpacked-too-large');
    // 300 MiB of 'A' plus the XML around it: 300 × 1,048,576 = 314,572,800 bytes, and 119 of markup.
    expect(d.args).toEqual(expect.objectContaining({ part: 'xl/sharedStrings.xml', size: 314_572_919, maxBytes: 256 * 1024 * 1024 }));
    // Inflating 300 MiB would take seconds and the memory; refusing takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('--max-bytes refuses the packed file before it is read at all', async () => {
    const d = await only('bomb-shared-strings.xlsx', { maxBytes: 100_000 });
    expect(d.code).toBe('file-too-large');
  });
});

describe('mixed inputs in one run', () => {
  it('merges a GBK CSV, a UTF-8 CSV and a workbook', async () => {
    const paths = ['mixed-gbk.csv', 'mixed-utf8.csv', 'mixed.xlsx'].map(fixture);
    const { dataset, diagnostics } = await loadSubmissions(framework, paths);
    expect(diagnostics).toEqual([]);
    expect(dataset?.region).toEqual(['310000', '510000', '440000']);
    expect(dataset?.name).toEqual(['上海', '四川', '广东']);
    expect(column(dataset, 'online_rate')).toEqual([95, 80.5, 90]); // '95%', '80.5', 0.9 in a percent style
    expect(column(dataset, 'cdo')).toEqual([2, 1, 2]);
    expect(column(dataset, 'has_portal')).toEqual([1, 0, 1]);
    expect(column(dataset, 'services')).toEqual([1234, 980, 2000]);
    expect(dataset?.sources.map((s) => s.line)).toEqual([2, 2, 2]);
  });

  it('keeps reading the good files when a workbook is hostile', async () => {
    const paths = ['mixed-gbk.csv', 'password-protected.xlsx', 'mixed-utf8.csv', 'truncated.xlsx', 'mixed.xlsx'].map(fixture);
    const { dataset, diagnostics } = await loadSubmissions(framework, paths);
    expect(diagnostics.map((d) => d.code)).toEqual(['xlsx-encrypted', 'xlsx-corrupt']);
    expect(dataset?.rowCount).toBe(3);
  });
});
