import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellAddress,
  dateText,
  formatCodeKind,
  parseXlsxTable,
  percentText,
  readZipDirectory,
  sniffSubmission,
} from '../../src/load/xlsx-table.js';
import { zipArchive } from '../../src/report/template/zip-archive.js';
import { buildWorkbook, oneSheet, workbookEntries } from '../fixtures/xlsx/workbook.js';

const codes = (result: { diagnostics: readonly { code: string }[] }) => result.diagnostics.map((d) => d.code);

describe('sniffSubmission', () => {
  it('goes by magic number first, extension second', () => {
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
  it('percentText moves the decimal point two places in the text', () => {
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

  it('percentText agrees with exact decimal arithmetic (property)', () => {
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

  it('dateText turns serials into ISO dates (1900 and 1904 systems)', () => {
    // 1900 system: serial 1 = 1899-12-31 from the 1899-12-30 epoch; 44562 = 2022-01-01 (Excel shows the same).
    expect(dateText(44562, false)).toBe('2022-01-01');
    // 44562.5 is noon: half of 86,400,000 ms is 12:00:00.
    expect(dateText(44562.5, false)).toBe('2022-01-01 12:00:00');
    // A time without a date: 0.25 day = 06:00:00.
    expect(dateText(0.25, false)).toBe('06:00:00');
    // 1904 system: serial 0 = 1904-01-01, so 43100 = 2022-01-01 (44562 − 1462).
    expect(dateText(43100, true)).toBe('2022-01-01');
    expect(dateText(-1, false)).toBeUndefined();
  });

  it('formatCodeKind tells percent and date formats from number formats', () => {
    expect(formatCodeKind('0.0%')).toBe('percent');
    expect(formatCodeKind('yyyy"年"m"月"d"日"')).toBe('date');
    expect(formatCodeKind('[$-F800]dddd, mmmm dd, yyyy')).toBe('date');
    expect(formatCodeKind('[h]:mm:ss')).toBe('date');
    expect(formatCodeKind('#,##0.00"元"')).toBe('number'); // 元 is quoted: not a date letter
    expect(formatCodeKind('0.00E+00')).toBe('number'); // E+ is the exponent, not a date part
    expect(formatCodeKind('[Red]#,##0;[Blue]-#,##0')).toBe('number'); // colour names hold d/e letters
    expect(formatCodeKind('General')).toBe('number');
  });

  it('cellAddress quotes sheet names that are not a plain word, as Excel does', () => {
    expect(cellAddress('Sheet1', 3, 7)).toBe('Sheet1!D7');
    expect(cellAddress('填报表', 27, 2)).toBe('填报表!AB2');
    expect(cellAddress('2022年', 0, 1)).toBe("'2022年'!A1");
    expect(cellAddress("Bob's data", 0, 1)).toBe("'Bob''s data'!A1");
  });
});

describe('parseXlsxTable: cells as a person sees them', () => {
  it('reads numbers, inline and shared strings, booleans, errors, formulas, percent and date styles', () => {
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
    const result = parseXlsxTable(bytes, 'form.xlsx');
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

  it('keeps spreadsheet positions: row numbers as lines, gaps as empty fields, blank rows skipped', () => {
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
    const { table } = parseXlsxTable(bytes, 'f.xlsx');
    expect(table?.headerLine).toBe(3);
    expect(table?.header).toEqual(['region', '', '', 'services']);
    expect(table?.records.map((r) => [r.line, r.fields])).toEqual([
      [4, ['110000', '', '', '5']],
      [9, ['120000', '', '', '7']],
    ]);
  });

  it('pads the header to the widest row, so data right of it shows up as an unnamed column', () => {
    const { table } = parseXlsxTable(oneSheet([['region'], ['110000', 'stray']]), 'f.xlsx');
    expect(table?.header).toEqual(['region', '']);
    expect(table?.records[0]?.isRagged).toBe(false);
  });

  it('decodes _xHHHH_ escapes and drops phonetic runs', () => {
    const bytes = oneSheet([['region'], [{ xml: '<c r="REF" t="inlineStr"><is><r><t>a_x000D_b</t></r><rPh><t>ふりがな</t></rPh><r><t>c</t></r></is></c>' }]]);
    expect(parseXlsxTable(bytes, 'f.xlsx').table?.records[0]?.fields).toEqual(['a\rbc']);
  });

  it('reads a wrapped header cell as one line', () => {
    const bytes = oneSheet([['网上办理率\n%\r\n(online_rate)'], ['1']]);
    expect(parseXlsxTable(bytes, 'f.xlsx').table?.header).toEqual(['网上办理率 % (online_rate)']);
  });

  it('reads namespace-prefixed SpreadsheetML (as the Open XML SDK writes it)', () => {
    const entries = workbookEntries({ sheets: [{ name: 'S', rows: [] }] }).map((e) =>
      e.name === 'xl/worksheets/sheet1.xml'
        ? { name: e.name, data: '<x:worksheet xmlns:x="m"><x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>region</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>7</x:v></x:c></x:row></x:sheetData></x:worksheet>' }
        : e,
    );
    const { table } = parseXlsxTable(zipArchive(entries), 'f.xlsx');
    expect(table?.header).toEqual(['region']);
    expect(table?.records[0]?.fields).toEqual(['7']);
  });

  it('shows a formula without a saved result as its text, with one warning naming the first cell', () => {
    const bytes = oneSheet([['region', 'x'], ['1', { xml: '<c r="REF"><f>A2*2</f></c>' }], ['2', { xml: '<c r="REF"><f>A3*2</f></c>' }]]);
    const result = parseXlsxTable(bytes, 'f.xlsx');
    expect(result.table?.records.map((r) => r.fields[1])).toEqual(['=A2*2', '=A3*2']);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-formula-uncached', args: expect.objectContaining({ count: 2, cell: 'Sheet1!B2' }) })]);
  });
});

describe('parseXlsxTable: sheets', () => {
  const book = buildWorkbook({
    sheets: [
      { name: '说明', rows: [['read me']] },
      { name: 'Data 2022', rows: [['region'], ['110000']] },
    ],
  });

  it('reads the first sheet by default and another by name (case and width folded)', () => {
    expect(parseXlsxTable(book, 'f.xlsx').table?.sheet).toBe('说明');
    expect(parseXlsxTable(book, 'f.xlsx', { sheet: 'Data 2022' }).table?.records[0]?.fields).toEqual(['110000']);
    expect(parseXlsxTable(book, 'f.xlsx', { sheet: 'ＤＡＴＡ 2022' }).table?.sheet).toBe('Data 2022');
  });

  it('names the sheets there are, and the nearest, when --sheet matches none', () => {
    const result = parseXlsxTable(book, 'f.xlsx', { sheet: 'Data 2023' });
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'xlsx-sheet-not-found', severity: 'error', args: expect.objectContaining({ sheets: '说明, Data 2022', suggestion: 'Data 2022' }) }),
    ]);
  });

  it('an empty sheet is an empty file; a header alone has no data rows', () => {
    expect(codes(parseXlsxTable(oneSheet([]), 'f.xlsx'))).toEqual(['file-empty']);
    expect(codes(parseXlsxTable(oneSheet([['region']]), 'f.xlsx'))).toEqual(['csv-no-data-rows']);
  });
});

describe('parseXlsxTable: merged cells', () => {
  it('refuses a sheet whose header has merged cells, naming the range and locating its first cell', () => {
    const bytes = oneSheet([['region', 'rates', null], ['1', 2, 3]], { merges: ['B1:C1'] });
    const result = parseXlsxTable(bytes, 'f.xlsx');
    expect(result.table).toBeUndefined();
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-merged-header', severity: 'error', line: 1, column: 2, args: expect.objectContaining({ range: 'B1:C1' }) })]);
  });

  it('a title row merged above the header counts as the header (it is the first non-blank row)', () => {
    const bytes = oneSheet([['2022 年数据', null], ['region', 'x']], { merges: ['A1:B1'] });
    expect(codes(parseXlsxTable(bytes, 'f.xlsx'))).toEqual(['xlsx-merged-header']);
  });

  it('warns about merges below the header (the cells under the top-left read as empty) and still reads the sheet', () => {
    const bytes = oneSheet([['region', 'group'], ['1', 'east'], ['2', null]], { merges: ['B2:B3'] });
    const result = parseXlsxTable(bytes, 'f.xlsx');
    expect(result.table?.records.map((r) => r.fields)).toEqual([['1', 'east'], ['2']]);
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-merged-cells', severity: 'warning', line: 2, column: 2, args: expect.objectContaining({ count: 1, ranges: 'B2:B3' }) })]);
  });
});

describe('parseXlsxTable: damaged and hostile files', () => {
  const good = oneSheet([['region'], ['1']]);

  it('not a zip, cut short, or a zip without a workbook: one clear error each', () => {
    expect(parseXlsxTable(new TextEncoder().encode('region\n1\n'), 'f.xlsx').diagnostics[0]?.args['reason']).toBe('not a zip archive');
    expect(codes(parseXlsxTable(good.subarray(0, good.byteLength - 30), 'f.xlsx'))).toEqual(['xlsx-corrupt']);
    const ods = zipArchive([
      { name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet' },
      { name: 'content.xml', data: '<office:document-content/>' },
    ]);
    expect(parseXlsxTable(ods, 'f.xlsx').diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-not-a-workbook', args: expect.objectContaining({ kind: 'OpenDocument (.ods)' }) })]);
  });

  it('a flipped byte inside a part is damage (bad deflate data or a failed checksum)', () => {
    const bytes = new Uint8Array(good);
    const directory = readZipDirectory(bytes);
    if (typeof directory === 'string') throw new Error(directory);
    const sheet = directory.get('xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const at = sheet.localOffset + 30 + sheet.name.length + 2;
    bytes[at] = (bytes[at] ?? 0) ^ 0xff;
    const result = parseXlsxTable(bytes, 'f.xlsx');
    expect(codes(result)).toEqual(['xlsx-corrupt']);
  });

  it('refuses parts whose declared sizes pass the limits before inflating them', () => {
    const result = parseXlsxTable(good, 'f.xlsx', { limits: { maxUnpackedBytes: 100 } });
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-unpacked-too-large', args: expect.objectContaining({ maxBytes: 100 }) })]);
  });

  it('stops inflating at the declared size when a header lies about it (a disguised bomb)', () => {
    // 4 MiB of zeros packs to about 4 KB; the directory says the sheet is 200 bytes.
    const bomb = deflateRawSync(Buffer.alloc(4 * 1024 * 1024));
    const entries = workbookEntries({ sheets: [{ name: 'S', rows: [['region'], ['1']] }] });
    const lying = zipArchive(entries);
    const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
    // Rebuild by hand: replace the sheet's data with the bomb but keep its declared size.
    const dir = readZipDirectory(lying);
    if (typeof dir === 'string') throw new Error(dir);
    const sheet = dir.get('xl/worksheets/sheet1.xml');
    if (!sheet) throw new Error('no sheet');
    const dataStart = sheet.localOffset + 30 + view.getUint16(sheet.localOffset + 26, true);
    const forged = new Uint8Array(lying.byteLength - sheet.compressedSize + bomb.byteLength);
    forged.set(lying.subarray(0, dataStart), 0);
    forged.set(bomb, dataStart);
    forged.set(lying.subarray(dataStart + sheet.compressedSize), dataStart + bomb.byteLength);
    // Fix the offsets and compressed size that moved: the directory and its end record.
    const shift = bomb.byteLength - sheet.compressedSize;
    const fv = new DataView(forged.buffer);
    const eocd = forged.byteLength - 22;
    const cdOffset = fv.getUint32(eocd + 16, true) + shift;
    fv.setUint32(eocd + 16, cdOffset, true);
    for (let p = cdOffset; p < eocd; ) {
      const nameLength = fv.getUint16(p + 28, true);
      const name = Buffer.from(forged.subarray(p + 46, p + 46 + nameLength)).toString();
      const offset = fv.getUint32(p + 42, true);
      if (name === 'xl/worksheets/sheet1.xml') fv.setUint32(p + 20, bomb.byteLength, true);
      else if (offset > sheet.localOffset) fv.setUint32(p + 42, offset + shift, true);
      p += 46 + nameLength;
    }
    const result = parseXlsxTable(forged, 'f.xlsx');
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-corrupt', args: expect.objectContaining({ reason: "'xl/worksheets/sheet1.xml' unpacks to more than its declared size" }) })]);
  });

  it('caps the cells read, and refuses a text longer than Excel can hold', () => {
    const rows = [['region', 'x'], ['1', 2], ['3', 4]];
    // 6 cells with a value; a cap of 5 stops on the sixth.
    expect(codes(parseXlsxTable(oneSheet(rows), 'f.xlsx', { limits: { maxCells: 5 } }))).toEqual(['xlsx-too-many-cells']);
    expect(codes(parseXlsxTable(oneSheet(rows), 'f.xlsx', { limits: { maxCells: 6 } }))).toEqual([]);
    const long = oneSheet([['region'], [{ xml: '<c r="REF" t="s"><v>0</v></c>' }]], { sharedStrings: ['x'.repeat(32_768)] });
    expect(parseXlsxTable(long, 'f.xlsx').diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-text-too-long', args: expect.objectContaining({ length: 32_768 }) })]);
  });

  it('a shared string index past the table is damage, not an empty cell', () => {
    const bytes = oneSheet([['region'], [{ xml: '<c r="REF" t="s"><v>5</v></c>' }]], { sharedStrings: ['a'] });
    expect(parseXlsxTable(bytes, 'f.xlsx').diagnostics[0]?.args['reason']).toBe('cell A2 points to a missing shared string');
  });

  it('never throws on random bytes after a zip signature (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (tail) => {
        const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...tail]);
        const result = parseXlsxTable(bytes, 'f.xlsx');
        expect(result.table === undefined ? result.diagnostics.length > 0 : true).toBe(true);
      }),
    );
  });

  it('never throws when any one byte of a real workbook is changed (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: good.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), (index, xor) => {
        const bytes = new Uint8Array(good);
        bytes[index] = (bytes[index] ?? 0) ^ xor;
        const result = parseXlsxTable(bytes, 'f.xlsx');
        expect(Array.isArray(result.diagnostics)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parseXlsxTable: text round trip', () => {
  it('any text written to a cell reads back unchanged (property)', () => {
    // XML 1.0 cannot hold most control characters; Excel cannot either.
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/u.test(s) && s.trim() !== '');
    fc.assert(
      fc.property(text, text, (a, b) => {
        const { table } = parseXlsxTable(oneSheet([['region', 'x'], [a, b]]), 'f.xlsx');
        expect(table?.records[0]?.fields).toEqual([a, b]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('parseXlsxTable: limits on the small parts', () => {
  it('a workbook part larger than maxPartBytes is refused before it is inflated', () => {
    const book = oneSheet([['region'], ['1']]);
    const result = parseXlsxTable(book, 'f.xlsx', { limits: { maxPartBytes: 50 } });
    // _rels/.rels is the first part read and is longer than 50 bytes.
    expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'xlsx-unpacked-too-large', args: expect.objectContaining({ part: '_rels/.rels', maxBytes: 50 }) })]);
  });
});
