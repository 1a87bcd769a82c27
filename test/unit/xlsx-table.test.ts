import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellAddress, dateCellText, isPercentFormat, percentText, readXlsxTable, sniffSubmission } from '../../src/load/xlsx-table.js';
import { buildWorkbook, oneSheet, workbookEntries, zipArchive } from '../fixtures/xlsx/workbook.js';

const codes = (result: { diagnostics: readonly { code: string }[] }) => result.diagnostics.map((d) => d.code);

const LOCAL_HEADER = 0x04034b50;
const DIRECTORY_RECORD = 0x02014b50;

/** Offsets of the local header and the directory record of member `name` in a zip. */
function memberOffsets(zip: Uint8Array, name: string): { local: number; record: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = Buffer.from(name);
  let local = -1;
  let record = -1;
  for (let p = 0; p + 46 <= zip.byteLength; p++) {
    const signature = view.getUint32(p, true);
    const nameAt = signature === LOCAL_HEADER ? p + 30 : signature === DIRECTORY_RECORD ? p + 46 : -1;
    if (nameAt === -1 || !Buffer.from(zip.subarray(nameAt, nameAt + wanted.byteLength)).equals(wanted)) continue;
    if (signature === LOCAL_HEADER) local = p;
    else record = p;
  }
  if (local === -1 || record === -1) throw new Error(`no member ${name}`);
  return { local, record };
}

/** The zip with member `name` declaring `size` unpacked bytes, in its local header and its directory record. */
function declaringSize(zip: Uint8Array, name: string, size: { local: number; directory: number }): Uint8Array {
  const forged = new Uint8Array(zip);
  const view = new DataView(forged.buffer);
  const { local, record } = memberOffsets(forged, name);
  view.setUint32(local + 22, size.local, true);
  view.setUint32(record + 24, size.directory, true);
  return forged;
}

describe('sniffSubmission', () => {
  it('goes by magic number first, extension second', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0]);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const text = new TextEncoder().encode('region,name\n');
    expect(sniffSubmission(zip, 'data.csv')).toBe('xlsx'); // a workbook renamed .csv is still a workbook
    expect(sniffSubmission(ole, 'data.xlsx')).toBe('ole'); // what Excel writes for a password-protected .xlsx
    expect(sniffSubmission(ole, 'data.csv')).toBe('ole');
    expect(sniffSubmission(text, 'data.xlsx')).toBe('xlsx'); // named .xlsx: the parser says it is not one
    expect(sniffSubmission(text, 'data.XLSM')).toBe('xlsx');
    expect(sniffSubmission(text, 'data.csv')).toBe('text');
    expect(sniffSubmission(text, 'data.xls')).toBe('text'); // "xls" exported as text by old systems
  });
});

describe('cell text helpers', () => {
  it('percentText moves the decimal point two places in the text', async () => {
    expect(percentText('0.85')).toBe('85%');
    expect(percentText('0.0725')).toBe('7.25%');
    expect(percentText('1')).toBe('100%');
    expect(percentText('-0.5')).toBe('-50%');
    expect(percentText('12.3')).toBe('1230%');
    expect(percentText('0')).toBe('0%');
    // 0.07 * 100 is 7.000000000000001 in floating point; the text shift gives 7 exactly.
    expect(percentText('0.07')).toBe('7%');
    // Exponent form falls back to arithmetic, rounded to 15 significant digits: 1e-7 × 100 = 0.00001.
    expect(percentText('1E-7')).toBe('0.00001%');
  });

  it('percentText agrees with exact decimal arithmetic (property)', async () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 6 }), (digits, decimals) => {
        // value = digits / 10^decimals written as text; its percent is digits / 10^(decimals-2).
        const text = decimals === 0 ? String(digits) : `${Math.floor(digits / 10 ** decimals)}.${String(digits % 10 ** decimals).padStart(decimals, '0')}`;
        const shown = percentText(text);
        expect(shown.endsWith('%')).toBe(true);
        const expected = decimals <= 2 ? digits * 10 ** (2 - decimals) : digits / 10 ** (decimals - 2);
        expect(Number(shown.slice(0, -1))).toBe(expected);
      }),
    );
  });

  it('dateCellText shows a date, a date and time, or a time of day alone', async () => {
    expect(dateCellText(new Date(Date.UTC(2022, 0, 1)))).toBe('2022-01-01');
    // Noon: half of 86,400,000 ms past midnight is 12:00:00.
    expect(dateCellText(new Date(Date.UTC(2022, 0, 1, 12)))).toBe('2022-01-01 12:00:00');
    // A time without a date is stored on Excel's day 0, 1899-12-30: 0.25 day = 06:00:00.
    expect(dateCellText(new Date(Date.UTC(1899, 11, 30, 6)))).toBe('06:00:00');
  });

  it('isPercentFormat finds a % that scales, not a quoted or escaped one', async () => {
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('#,##0.00%;[Red]-#,##0.00%')).toBe(true);
    expect(isPercentFormat('0"%"')).toBe(false); // a literal % after the number: Excel does not scale it
    expect(isPercentFormat('0\\%')).toBe(false);
    expect(isPercentFormat('#,##0.00"元"')).toBe(false);
    expect(isPercentFormat('General')).toBe(false);
  });

  it('cellAddress quotes sheet names that are not a plain word, as Excel does', async () => {
    expect(cellAddress('Sheet1', 3, 7)).toBe('Sheet1!D7');
    expect(cellAddress('填报表', 27, 2)).toBe('填报表!AB2');
    expect(cellAddress('2022年', 0, 1)).toBe("'2022年'!A1");
    expect(cellAddress("Bob's data", 0, 1)).toBe("'Bob''s data'!A1");
  });
});

describe('readXlsxTable: cells as a person sees them', () => {
  it('reads numbers, inline and shared strings, booleans, errors, formulas, percent and date styles', async () => {
    const bytes = oneSheet(
      [
        ['region', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'],
        [
          { xml: '<c r="REF" t="s"><v>0</v></c>' },
          12.5,
          { xml: '<c r="REF" t="b"><v>1</v></c>' },
          { xml: '<c r="REF" t="e"><f>1/0</f><v>#DIV/0!</v></c>' },
          { xml: '<c r="REF"><f>SUM(1,2)</f><v>3</v></c>' },
          { xml: '<c r="REF" s="1"><v>0.805</v></c>' },
          { xml: '<c r="REF" s="2"><v>44562</v></c>' },
          { xml: '<c r="REF" t="str"><f>"x"&amp;"y"</f><v>xy</v></c>' },
          { xml: '<c r="REF" s="3"><v>0.5</v></c>' },
        ],
      ],
      // style 1: built-in 9 (0%); style 2: built-in 14 (a date); style 3: custom 164 = 0.0%.
      { sharedStrings: ['北京 & <东城>'], cellXfs: [0, 9, 14, 164], numFmts: '<numFmt numFmtId="164" formatCode="0.0%"/>' },
    );
    const result = await readXlsxTable(bytes, 'form.xlsx');
    expect(result.diagnostics).toEqual([]);
    expect(result.table?.sheet).toBe('Sheet1');
    expect(result.table?.records[0]?.fields).toEqual([
      '北京 & <东城>', // shared string, entities decoded
      '12.5',
      'TRUE',
      '#DIV/0!', // a failed formula shows its error
      '3', // a formula shows its cached result
      '80.5%', // 0.805 in a percent style
      '2022-01-01', // 44562 in a date style
      'xy',
      '50%',
    ]);
    expect(result.table?.records[0]?.line).toBe(2);
  });

  it('keeps spreadsheet positions: row numbers as lines, gaps as empty fields, blank rows skipped', async () => {
    // Header in row 3 (rows 1–2 blank), a value in column D only, then a blank row 5 and data in row 9.
    const bytes = oneSheet(
      [
        ['region', null, null, 'services'],
        ['110000', null, null, 5],
        ['  ', null, null, null],
        ['120000', null, null, 7],
      ],
      { rowNumbers: [3, 4, 5, 9] },
    );
    const { table } = await readXlsxTable(bytes, 'f.xlsx');
    expect(table?.headerLine).toBe(3);
    expect(table?.header).toEqual(['region', '', '', 'services']);
    expect(table?.records.map((r) => [r.line, r.fields])).toEqual([
      [4, ['110000', '', '', '5']],
      [9, ['120000', '', '', '7']],
    ]);
  });

  it('pads the header to the widest row, so data right of it shows up as an unnamed column', async () => {
    const { table } = await readXlsxTable(oneSheet([['region'], ['110000', 'stray']]), 'f.xlsx');
    expect(table?.header).toEqual(['region', '']);
    expect(table?.records[0]?.isRagged).toBe(false);
  });

  it('decodes _xHHHH_ escapes and drops phonetic runs', async () => {
    const bytes = oneSheet([['region'], [{ xml: '<c r="REF" t="inlineStr"><is><r><t>a_x000D_b</t></r><rPh><t>ふりがな</t></rPh><r><t>c</t></r></is></c>' }]]);
    expect((await readXlsxTable(bytes, 'f.xlsx')).table?.records[0]?.fields).toEqual(['a\rbc']);
  });

  it('reads a wrapped header cell as one line', async () => {
    const bytes = oneSheet([['网上办理率\n%\r\n(online_rate)'], ['1']]);
    expect((await readXlsxTable(bytes, 'f.xlsx')).table?.header).toEqual(['网上办理率 % (online_rate)']);
  });

  it('reads namespace-prefixed SpreadsheetML (as the Open XML SDK writes it)', async () => {
    const entries = workbookEntries({ sheets: [{ name: 'S', rows: [] }] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml'
        ? { name: e.name, data: '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>region</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>' }
        : e,
    );
    const { table } = await readXlsxTable(zipArchive(entries), 'f.xlsx');
    expect(table?.header).toEqual(['region']);
    expect(table?.records[0]?.fields).toEqual(['7']);
  });

  it('shows a formula without a saved result as its text, with one warning naming the first cell', async () => {
    const bytes = oneSheet([['region', 'x'], ['1', { xml: '<c r="REF"><f>A2*2</f></c>' }], ['2', { xml: '<c r="REF"><f>A3*2</f></c>' }]]);
    const result = await readXlsxTable(bytes, 'f.xlsx');
    expect(result.table?.records.map((r) => r.fields[1])).toEqual(['=A2*2', '=A3*2']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-formula-uncached', args: expect.objectContaining({ count: 2, cell: 'Sheet1!B2' }) })]);
  });
});

describe('readXlsxTable: dates', () => {
  it('reads date styles (built-in, CJK custom, 1904 system) as ISO dates and times', async () => {
    const date = (serial: number, style: number) => ({ xml: `<c r="REF" s="${style}"><v>${serial}</v></c>` });
    // Style 1: built-in 14; style 2: yyyy"年"m"月"d"日"; style 3: [h]:mm:ss. 44562 = 2022-01-01 in the 1900
    // system (Excel shows the same); 44562.5 adds half a day, 12:00:00; 0.25 of a day alone is 06:00:00.
    const numFmts = '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="[h]:mm:ss"/>';
    const bytes = oneSheet([['region', 'a', 'b', 'c'], ['1', date(44562, 1), date(44562.5, 2), date(0.25, 3)]], { cellXfs: [0, 14, 164, 165], numFmts });
    expect((await readXlsxTable(bytes, 'f.xlsx')).table?.records[0]?.fields).toEqual(['1', '2022-01-01', '2022-01-01 12:00:00', '06:00:00']);
    // 1904 system: serial 0 = 1904-01-01, so 43100 = 2022-01-01 (44562 − 1462).
    const mac = buildWorkbook({ date1904: true, cellXfs: [0, 14], sheets: [{ name: 'S', rows: [['region', 'a'], ['1', date(43100, 1)]] }] });
    expect((await readXlsxTable(mac, 'f.xlsx')).table?.records[0]?.fields).toEqual(['1', '2022-01-01']);
  });
});

describe('readXlsxTable: formats, errors and booleans in one row', () => {
  it('reads a percent, a formula error, a date and a boolean as a person sees them', async () => {
    const bytes = oneSheet(
      [
        ['region', 'a', 'b', 'c', 'd'],
        ['北京', { xml: '<c r="REF" s="1"><v>0.805</v></c>' }, { xml: '<c r="REF" t="e"><v>#N/A</v></c>' }, { xml: '<c r="REF" s="2"><v>44562</v></c>' }, { xml: '<c r="REF" t="b"><v>0</v></c>' }],
      ],
      { cellXfs: [0, 9, 14] },
    );
    expect((await readXlsxTable(bytes, 'f.xlsx')).table?.records[0]?.fields).toEqual(['北京', '80.5%', '#N/A', '2022-01-01', 'FALSE']);
  });
});

describe('readXlsxTable: sheets', () => {
  const book = buildWorkbook({
    sheets: [
      { name: '说明', rows: [['read me']] },
      { name: 'Data 2022', rows: [['region'], ['110000']] },
    ],
  });

  it('reads the first sheet by default and another by name (case and width folded)', async () => {
    expect((await readXlsxTable(book, 'f.xlsx')).table?.sheet).toBe('说明');
    expect((await readXlsxTable(book, 'f.xlsx', { sheet: 'Data 2022' })).table?.records[0]?.fields).toEqual(['110000']);
    expect((await readXlsxTable(book, 'f.xlsx', { sheet: 'ＤＡＴＡ 2022' })).table?.sheet).toBe('Data 2022');
  });

  it('names the sheets there are, and the nearest, when --sheet matches none', async () => {
    const result = await readXlsxTable(book, 'f.xlsx', { sheet: 'Data 2023' });
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'xlsx-sheet-not-found', severity: 'error', args: expect.objectContaining({ sheets: '说明, Data 2022', suggestion: 'Data 2022' }) }),
    ]);
  });

  it('an empty sheet is an empty file; a header alone has no data rows', async () => {
    expect(codes(await readXlsxTable(oneSheet([]), 'f.xlsx'))).toEqual(['file-empty']);
    expect(codes(await readXlsxTable(oneSheet([['region']]), 'f.xlsx'))).toEqual(['csv-no-data-rows']);
  });
});

describe('readXlsxTable: merged cells', () => {
  it('refuses a sheet whose header has merged cells, naming the range and locating its first cell', async () => {
    const bytes = oneSheet([['region', 'rates', null], ['1', 2, 3]], { merges: ['B1:C1'] });
    const result = await readXlsxTable(bytes, 'f.xlsx');
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-merged-header', severity: 'error', line: 1, column: 2, args: expect.objectContaining({ range: 'B1:C1' }) })]);
  });

  it('a title row merged above the header counts as the header (it is the first non-blank row)', async () => {
    const bytes = oneSheet([['2022 年数据', null], ['region', 'x']], { merges: ['A1:B1'] });
    expect(codes(await readXlsxTable(bytes, 'f.xlsx'))).toEqual(['xlsx-merged-header']);
  });

  it('warns about merges below the header (the cells under the top-left read as empty) and still reads the sheet', async () => {
    const bytes = oneSheet([['region', 'group'], ['1', 'east'], ['2', null]], { merges: ['B2:B3'] });
    const result = await readXlsxTable(bytes, 'f.xlsx');
    expect(result.table?.records.map((r) => r.fields)).toEqual([['1', 'east'], ['2']]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-merged-cells', severity: 'warning', line: 2, column: 2, args: expect.objectContaining({ count: 1, ranges: 'B2:B3' }) })]);
  });
});

describe('readXlsxTable: damaged and hostile files', () => {
  const good = oneSheet([['region'], ['1']]);

  it('not a zip, cut short, or a zip without a workbook: one clear error each', async () => {
    expect((await readXlsxTable(new TextEncoder().encode('region\n1\n'), 'f.xlsx')).diagnostics[0]?.args['reason']).toBe('not a zip archive');
    expect(codes(await readXlsxTable(good.subarray(0, good.byteLength - 30), 'f.xlsx'))).toEqual(['xlsx-corrupt']);
    const ods = zipArchive([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect((await readXlsxTable(ods, 'f.xlsx')).diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-not-a-workbook', args: expect.objectContaining({ kind: 'OpenDocument (.ods)' }) })]);
  });

  it('a flipped byte inside a part is damage (bad deflate data or a wrong length)', async () => {
    const bytes = new Uint8Array(good);
    const { local } = memberOffsets(bytes, 'xl/worksheets/sheet1.xml');
    const at = local + 30 + 'xl/worksheets/sheet1.xml'.length + 2;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    expect(codes(await readXlsxTable(bytes, 'f.xlsx'))).toEqual(['xlsx-corrupt']);
  });

  it('refuses parts whose declared sizes pass the limits before inflating them', async () => {
    const result = await readXlsxTable(good, 'f.xlsx', { limits: { maxUnpackedBytes: 100 } });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-unpacked-too-large', args: expect.objectContaining({ maxBytes: 100 }) })]);
  });

  it('stops inflating at the declared size when a header lies about it (a disguised bomb)', async () => {
    // The sheet really unpacks to 4 MiB (its XML, then spaces, about 4 KB packed); both headers say 200 bytes.
    const padded = workbookEntries({ sheets: [{ name: 'S', rows: [['region'], ['1']] }] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' && typeof e.data === 'string' ? { name: e.name, data: e.data + ' '.repeat(4 * 1024 * 1024) } : e,
    );
    const forged = declaringSize(zipArchive(padded), 'xl/worksheets/sheet1.xml', { local: 200, directory: 200 });
    const started = performance.now();
    const result = await readXlsxTable(forged, 'f.xlsx');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-corrupt', args: expect.objectContaining({ reason: "'xl/worksheets/sheet1.xml' unpacks to more than its declared size" }) })]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('holds a part to the size the directory declares, whatever its local header says', async () => {
    // The directory passes the limits with 200 bytes; the local header, which streaming unzippers
    // trust, owns up to the 4 MiB. The directory's figure is the one enforced.
    const padded = workbookEntries({ sheets: [{ name: 'S', rows: [['region'], ['1']] }] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' && typeof e.data === 'string' ? { name: e.name, data: e.data + ' '.repeat(4 * 1024 * 1024) } : e,
    );
    const zip = zipArchive(padded);
    const real = new DataView(zip.buffer, zip.byteOffset).getUint32(memberOffsets(zip, 'xl/worksheets/sheet1.xml').local + 22, true);
    const forged = declaringSize(zip, 'xl/worksheets/sheet1.xml', { local: real, directory: 200 });
    expect((await readXlsxTable(forged, 'f.xlsx')).diagnostics).toEqual([
      expect.objectContaining({ code: 'xlsx-corrupt', args: expect.objectContaining({ reason: "'xl/worksheets/sheet1.xml' unpacks to more than its declared size" }) }),
    ]);
  });

  it('caps the cells read, and refuses a text longer than Excel can hold', async () => {
    const rows = [['region', 'x'], ['1', 2], ['3', 4]];
    // 6 cells with a value; a cap of 5 stops on the sixth.
    expect(codes(await readXlsxTable(oneSheet(rows), 'f.xlsx', { limits: { maxCells: 5 } }))).toEqual(['xlsx-too-many-cells']);
    expect(codes(await readXlsxTable(oneSheet(rows), 'f.xlsx', { limits: { maxCells: 6 } }))).toEqual([]);
    const long = oneSheet([['region'], [{ xml: '<c r="REF" t="s"><v>0</v></c>' }]], { sharedStrings: ['x'.repeat(32_768)] });
    expect((await readXlsxTable(long, 'f.xlsx')).diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-text-too-long', args: expect.objectContaining({ length: 32_768 }) })]);
  });

  it('a shared string index past the table is damage, not an empty cell', async () => {
    const bytes = oneSheet([['region'], [{ xml: '<c r="REF" t="s"><v>5</v></c>' }]], { sharedStrings: ['a'] });
    expect((await readXlsxTable(bytes, 'f.xlsx')).diagnostics).toEqual([
      expect.objectContaining({ code: 'xlsx-corrupt', args: expect.objectContaining({ reason: 'cell A2 holds a value its type does not allow (such as a missing shared string)' }) }),
    ]);
  });

  it('refuses an archive with more members than any workbook has, without listing them all', async () => {
    const crowded = zipArchive([...workbookEntries({ sheets: [{ name: 'S', rows: [['region'], ['1']] }] }), ...Array.from({ length: 10_000 }, (_, i) => ({ name: `x/${i}.bin`, data: '' }))]);
    expect((await readXlsxTable(crowded, 'f.xlsx')).diagnostics).toEqual([
      expect.objectContaining({ code: 'xlsx-corrupt', args: expect.objectContaining({ reason: 'more than 10000 entries in the zip directory' }) }),
    ]);
  });

  it('cells without a reference are damage the library cannot place, not a crash', async () => {
    const entries = workbookEntries({ sheets: [{ name: 'S', rows: [] }] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: '<worksheet><sheetData><row><c t="inlineStr"><is><t>a</t></is></c></row></sheetData></worksheet>' } : e,
    );
    expect(codes(await readXlsxTable(zipArchive(entries), 'f.xlsx'))).toEqual(['xlsx-corrupt']);
  });

  it('never throws on random bytes after a zip signature (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        const result = await readXlsxTable(bytes, 'f.xlsx');
        expect(result.table === undefined ? result.diagnostics.length > 0 : true).toBe(true);
      }),
    );
  });

  it('never throws when any one byte of a real workbook is changed (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: good.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), async (index, xor) => {
        const bytes = new Uint8Array(good);
        bytes[index] = (bytes[index] ?? 0) ^ xor;
        const result = await readXlsxTable(bytes, 'f.xlsx');
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('readXlsxTable: text round trip', () => {
  it('any text written to a cell reads back unchanged (property)', async () => {
    // XML 1.0 cannot hold most control characters; Excel cannot either.
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/u.test(s) && s.trim() !== '');
    await fc.assert(
      fc.asyncProperty(text, text, async (a, b) => {
        const { table } = await readXlsxTable(oneSheet([['region', 'x'], [a, b]]), 'f.xlsx');
        expect(table?.records[0]?.fields).toEqual([a, b]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('readXlsxTable: limits on the small parts', () => {
  it('a workbook part larger than maxPartBytes is refused before it is inflated', async () => {
    const book = oneSheet([['region'], ['1']]);
    const result = await readXlsxTable(book, 'f.xlsx', { limits: { maxPartBytes: 50 } });
    // [Content_Types].xml comes first in the archive and is 77 bytes long.
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-unpacked-too-large', args: expect.objectContaining({ part: '[Content_Types].xml', size: 77, maxBytes: 50 }) })]);
  });
});
