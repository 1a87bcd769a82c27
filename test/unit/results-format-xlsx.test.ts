/**
 * `score --format xlsx` as a pure function on the hand-built fixture table: the sheets and what
 * they hold, numbers stored as numbers, text from files never a formula, the frozen header,
 * widths that fit Chinese, and the same bytes on every run. The round trip through the project's
 * own XLSX reader against `--format json` is in test/cli/score-xlsx.test.ts.
 */
import { strFromU8, unzipSync } from 'fflate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import { formatXlsx, sheetName, xlsxSheets } from '../../src/report/results/xlsx.js';
import { withFixedZipTimes } from '../../src/report/xlsx-workbook.js';
import { plainPalette } from '../../src/report/palette.js';
import { fixtureTable, INJECTION_NAME } from './results-format-fixture.js';

const OPTIONS = { lang: 'zh' as const, palette: plainPalette, toolVersion: '9.9.9' };

async function workbook(options = OPTIONS): Promise<Uint8Array> {
  return formatXlsx(fixtureTable(), options);
}

function part(bytes: Uint8Array, name: string): string {
  const entry = unzipSync(bytes)[name];
  if (!entry) throw new Error(`no part ${name}`);
  return strFromU8(entry);
}

describe('xlsxSheets', () => {
  it('names the results, one sheet per dimension, diagnostics and provenance', () => {
    expect(xlsxSheets(fixtureTable(), OPTIONS).map((s) => s.name)).toEqual(['结果', '组织机构', '政务服务', '诊断', '来源']);
    expect(xlsxSheets(fixtureTable(), { ...OPTIONS, lang: 'en' }).map((s) => s.name)).toEqual(['Results', 'Organization', 'Service', 'Diagnostics', 'Provenance']);
  });

  it('lists results in reporting order with unrounded numbers and NaN as an empty cell', () => {
    const [results] = xlsxSheets(fixtureTable(), OPTIONS);
    expect(results?.headers).toEqual(['地区代码', '名称', '分组', '期间', '得分', '排名', '等级', '组织机构', '政务服务']);
    // Fixture order: 2021 北京 85, 上海 75, X01 24.25; 2022 上海 85, 北京 80, X01 (60 + 200/3) / 2, 四川 unscored.
    expect(results?.rows.map((r) => r.slice(0, 7))).toEqual([
      ['110000', '北京', 'east', '2021', 85, 1, '引领型'],
      ['310000', '上海', 'east', '2021', 75, 2, '发展型'],
      ['X01', INJECTION_NAME, '', '2021', 24.25, 3, '发展型'],
      ['310000', '上海', 'east', '2022', 85, 1, '引领型'],
      ['110000', '北京', 'east', '2022', 80, 2, '发展型'],
      ['X01', INJECTION_NAME, '', '2022', 63.333333333333336, 3, '发展型'],
      ['510000', '四川', 'west', '2022', null, null, null],
    ]);
    expect(results?.rows[5]?.slice(7)).toEqual([60, 200 / 3]);
    expect(results?.tierLevels).toEqual([0, 1, 1, 0, 1, 1, -1]);
  });

  it('gives a dimension its sub-groups and per indicator value, normalised and imputed', () => {
    const organization = xlsxSheets(fixtureTable(), OPTIONS)[1];
    expect(organization?.headers).toEqual(['地区代码', '名称', '分组', '期间', '组织机构 得分', '排名', '核心制度', '首席数据官 · 原始值', '首席数据官 · 标准化值', '首席数据官 · 插补']);
    // 北京 2021: org 90, rank 1; cdo value 90 / 50 = 1.8, normalised 90, imputed.
    expect(organization?.rows[0]).toEqual(['110000', '北京', 'east', '2021', 90, 1, 90, 1.8, 90, true]);
  });

  it('respects --period and --top', () => {
    const [results] = xlsxSheets(fixtureTable(), { ...OPTIONS, period: '2022', top: 2 });
    expect(results?.rows.map((r) => r[0])).toEqual(['310000', '110000']);
  });

  it('puts the diagnostics in the language asked and the provenance with sha256', () => {
    const sheets = xlsxSheets(fixtureTable(), OPTIONS);
    const diagnostics = sheets[3];
    expect(diagnostics?.rows).toHaveLength(1);
    expect(diagnostics?.rows[0]?.slice(0, 2)).toEqual(['error', 'cell-not-a-number']);
    expect(diagnostics?.rows[0]?.slice(3, 6)).toEqual(['samples/2022.csv', 4, 5]);
    const provenance = sheets[4];
    expect(provenance?.rows).toContainEqual(['框架文件', 'indicators/cn-dgdi.yaml', '0123456789abcdef'.repeat(4)]);
    expect(provenance?.rows).toContainEqual(['输入文件', 'samples/2022.csv', 'b'.repeat(64)]);
    expect(provenance?.rows).toContainEqual(['生成工具', 'dgmi 9.9.9', null]);
  });
});

describe('formatXlsx', () => {
  it('writes the same bytes on every run', async () => {
    const first = await workbook();
    const second = await workbook();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  it('stores scores as numbers and every text as a string, never a formula', async () => {
    const sheet = part(await workbook(), 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toMatch(/<f[ >]/u);
    // Row 2 (北京 2021): E2 is the score 85, a number cell (no t="s"), shown as 0.00.
    expect(sheet).toMatch(/<c r="E2" s="\d+"><v>85<\/v><\/c>/u);
    // The formula-like name is a shared string.
    const strings = part(await workbook(), 'xl/sharedStrings.xml');
    expect(strings).toContain('=HYPERLINK(&quot;x&quot;)');
    expect(sheet).toMatch(/<c r="B4" (?:s="\d+" )?t="s">/u);
  });

  it('freezes the header row and sizes columns for Chinese text', async () => {
    const sheet = part(await workbook(), 'xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"\/>/u);
    // Column B holds 名称 and '=HYPERLINK("x")' (15 wide) → 15 + 2 = 17.
    expect(sheet).toMatch(/<col min="2" max="2" width="17"/u);
    // Column A: the header 地区代码 is 4 CJK characters = 8 wide (codes are 6 at most) → 8 + 2.
    expect(sheet).toMatch(/<col min="1" max="1" width="10"/u);
  });

  it('reads back through the project reader with the numbers intact', async () => {
    const read = await readXlsxTable(await workbook(), 'results.xlsx');
    expect(read.diagnostics).toEqual([]);
    const records = read.table?.records ?? [];
    expect(records.map((r) => r.fields[0])).toEqual(['110000', '310000', 'X01', '310000', '110000', 'X01', '510000']);
    expect(records.map((r) => (r.fields[4] === '' ? NaN : Number(r.fields[4])))).toEqual([85, 75, 24.25, 85, 80, 63.333333333333336, NaN]);
    expect(records[2]?.fields[1]).toBe(INJECTION_NAME);
  });
});

describe('sheetName', () => {
  it('strips the characters Excel forbids, cuts to 31 and makes names unique', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c', taken)).toBe('a b c');
    // Excel compares sheet names without case.
    expect(sheetName('A B C', taken)).toBe('A B C (2)');
    expect(sheetName('x'.repeat(40), taken)).toBe('x'.repeat(31));
    expect(sheetName('x'.repeat(40), taken)).toBe(`${'x'.repeat(27)} (2)`);
  });

  it('always gives an Excel-valid, new name (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 50 }), { minLength: 1, maxLength: 20 }), (wanted) => {
        const taken = new Set<string>();
        const names = wanted.map((w) => sheetName(w, taken));
        for (const name of names) {
          expect([...name].length).toBeLessThanOrEqual(31);
          expect(name).not.toMatch(/[[\]:*?/\\]/u);
          expect(name.trim()).not.toBe('');
        }
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      }),
    );
  });
});

describe('withFixedZipTimes', () => {
  it('keeps every entry and its bytes', async () => {
    const bytes = await workbook();
    const again = withFixedZipTimes(bytes);
    const a = unzipSync(bytes);
    const b = unzipSync(again);
    expect(Object.keys(b)).toEqual(Object.keys(a));
    for (const name of Object.keys(a)) expect(Buffer.from(b[name] ?? []).equals(Buffer.from(a[name] ?? []))).toBe(true);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});
