import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { cellSpecOf } from '../../src/load/cells.js';
import { mapColumns } from '../../src/load/columns.js';
import { loadFramework } from '../../src/load/framework.js';
import { loadSubmissions, parseSubmissions } from '../../src/load/submissions.js';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { withoutBrackets } from '../../src/report/template/instructions.js';
import { buildXlsxTemplate } from '../../src/report/template/xlsx.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import { loadTestFramework } from '../fixtures/data/framework.js';
import { fillTemplate, partText, type FillCell } from '../fixtures/xlsx/fill-template.js';
import { createHash } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { readSheet } from 'read-excel-file/node';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function shipped(name: string): Promise<ResolvedFramework> {
  const loaded = await loadFramework(join(root, 'indicators', name));
  if (!loaded.framework) throw new Error(`${name} does not load`);
  return loaded.framework;
}

const REGIONS = [
  ['110000', '北京', 'east', '2024'],
  ['310000', '上海', 'east', '2024'],
  ['510000', '四川', 'west', '2024'],
] as const;
/** Percent answers as Excel stores `96.2%`, `50%`, `80.5%`: the fraction, in a percent style. */
const PERCENT_TYPED = [0.962, 0.5, 0.805] as const;
const PERCENT_POINTS = [96.2, 50, 80.5] as const;

/**
 * What region `r` types for each indicator, as an XLSX cell and as CSV text, and the value the
 * loader must produce: 是/否 alternating, level names in turn, the percents above, and numbers
 * inside the valid range (or 100, 200, 300 plus the indicator's position when there is none).
 */
function answers(framework: ResolvedFramework, r: number): { cells: FillCell[]; csv: string[]; values: number[] } {
  const cells: FillCell[] = [];
  const csv: string[] = [];
  const values: number[] = [];
  framework.indicators.forEach((indicator, k) => {
    const spec = cellSpecOf(indicator);
    if (spec.kind === 'boolean') {
      const yes = (r + k) % 2 === 0;
      cells.push(yes ? '是' : '否');
      csv.push(yes ? '是' : '否');
      values.push(yes ? 1 : 0);
    } else if (spec.kind === 'levels') {
      const levels = Object.entries(indicator.levels ?? {});
      const [name, value] = levels[(r + k) % levels.length] ?? ['', Number.NaN];
      cells.push(name);
      csv.push(name);
      values.push(value);
    } else if (spec.kind === 'percent') {
      cells.push({ percent: PERCENT_TYPED[r] ?? Number.NaN });
      csv.push(`${PERCENT_POINTS[r]}%`);
      values.push(PERCENT_POINTS[r] ?? Number.NaN);
    } else {
      const [min, max] = indicator.range ?? [0, Number.NaN];
      const value = indicator.range ? min + ((max - min) * (r + 1)) / 4 : 100 * (r + 1) + k;
      cells.push(value);
      csv.push(String(value));
      values.push(value);
    }
  });
  return { cells, csv, values };
}

describe('XLSX template round trip (cn-dgdi)', () => {
  it('generate → fill as a region would → loadSubmissions → score: values arrive intact', async () => {
    const framework = await shipped('cn-dgdi.yaml');
    const filled = REGIONS.map((row, r) => ({ row, ...answers(framework, r) }));
    const workbook = fillTemplate(
      await buildXlsxTemplate(framework, { lang: 'zh' }),
      filled.map((f) => [...f.row, ...f.cells]),
    );
    const dir = mkdtempSync(join(tmpdir(), 'dgmi-template-'));
    const path = join(dir, 'form.xlsx');
    writeFileSync(path, workbook);

    const { dataset, diagnostics } = await loadSubmissions(framework, [path]);
    expect(diagnostics).toEqual([]);
    if (!dataset) throw new Error('no dataset');
    expect(dataset.region).toEqual(['110000', '310000', '510000']);
    expect(dataset.name).toEqual(['北京', '上海', '四川']);
    expect(dataset.period).toEqual(['2024', '2024', '2024']);
    framework.indicators.forEach((indicator, k) => {
      expect([...(dataset.values[k] ?? [])], indicator.id).toEqual(filled.map((f) => f.values[k]));
    });
    // The two cases the issue names, by hand: a Chinese level answer and a percent.
    // leading_group_head is indicator 1; region r answers level (r + 1) mod 3 of 未设立 0, 分管领导 1, 主要领导 2.
    const head = framework.indicators.findIndex((i) => i.id === 'leading_group_head');
    expect(filled.map((f) => f.cells[head])).toEqual(['分管领导', '主要领导', '未设立']);
    expect([...(dataset.values[head] ?? [])]).toEqual([1, 2, 0]);
    // city_data_agency_rate (unit percent): 0.962 stored in a percent style is 96.2 points.
    const rate = framework.indicators.findIndex((i) => i.id === 'city_data_agency_rate');
    expect([...(dataset.values[rate] ?? [])]).toEqual([96.2, 50, 80.5]);

    // Scored, the workbook gives exactly what the same answers give as CSV.
    const fromXlsx = score(framework, dataset);
    const csvText = [
      ['region', 'name', 'group', 'period', ...framework.indicators.map((i) => i.id)].join(','),
      ...filled.map((f) => [...f.row, ...f.csv].join(',')),
    ].join('\n');
    const csvBytes = new TextEncoder().encode(csvText);
    const fromCsv = await parseSubmissions(framework, [{ path: 'same.csv', bytes: csvBytes, sha256: createHash('sha256').update(csvBytes).digest('hex') }]);
    expect(fromCsv.diagnostics).toEqual([]);
    if (!fromCsv.dataset) throw new Error('no csv dataset');
    const scoredCsv = score(framework, fromCsv.dataset);
    expect([...fromXlsx.composite.score].every(Number.isFinite)).toBe(true);
    expect([...fromXlsx.composite.score]).toEqual([...scoredCsv.composite.score]);
    expect([...fromXlsx.composite.rank]).toEqual([...scoredCsv.composite.rank]);
  });

  it('every header of every shipped framework maps back to its column, in both languages', async () => {
    for (const name of ['cn-dgdi.yaml', 'egdi.yaml', 'hdi.yaml', 'coinr-asem.yaml']) {
      const framework = await shipped(name);
      for (const lang of ['zh', 'en'] as const) {
        const { table, diagnostics } = await readXlsxTable(await buildXlsxTemplate(framework, { lang }), 'form.xlsx');
        expect(diagnostics.map((d) => d.code)).toEqual(['csv-no-data-rows']);
        if (!table) throw new Error('no table');
        const mapping = mapColumns(framework, table.header, { file: 'form.xlsx', line: 1 });
        expect(mapping.diagnostics, `${name} ${lang}`).toEqual([]);
        expect(mapping.layout?.kind).toBe('wide');
        if (mapping.layout?.kind !== 'wide') continue;
        expect(mapping.layout.rows).toEqual({ region: 0, name: 1, group: 2, period: 3 });
        expect(mapping.layout.indicators).toEqual(framework.indicators.map((_, k) => ({ column: 4 + k, indicator: k })));
      }
    }
  });
});

describe('XLSX template content', () => {
  const framework = loadTestFramework();
  // Built once for the tests below; each reads what it needs from the bytes.
  const zhBytes = buildXlsxTemplate(framework, { lang: 'zh' });
  const enBytes = buildXlsxTemplate(framework, { lang: 'en' });
  const formXml = async () => partText(await zhBytes, 'xl/worksheets/sheet1.xml');

  it('labels each indicator column with its name, what to type and its id, one per line', async () => {
    // The cells hold line breaks (wrapped in Excel); the loader reads them as one line.
    const [header] = await readSheet(Buffer.from(await zhBytes), '填报表', { trim: false });
    expect(header?.[4]).toBe('网上办理率\n% · 0–100\n(online_rate)');
    const { table } = await readXlsxTable(await zhBytes, 'form.xlsx');
    expect(table?.sheet).toBe('填报表');
    expect(table?.header).toEqual([
      '地区代码',
      '地区名称',
      '分组',
      '年度',
      '网上办理率 % · 0–100 (online_rate)',
      '首席数据官制度 下拉选择 (cdo)',
      '统一门户 是/否 (has_portal)',
      '服务事项数 (services)',
    ]);
    const en = await readXlsxTable(await enBytes, 'form.xlsx');
    expect(en.table?.sheet).toBe('Form');
    expect(en.table?.header.slice(0, 5)).toEqual(['region', 'name', 'group', 'period', 'Online rate % · 0–100 (online_rate)']);
  });

  it('freezes the header row and the region columns', async () => {
    expect(await formXml()).toMatch(/<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"\/>/u);
  });

  it('checks input: a range for numbers, drop-downs for levels and 是/否', async () => {
    const form = await formXml();
    // online_rate (column E): 0–100 (between is the default operator); cdo (F): the level names;
    // has_portal (G): 是,否; services (H): any number.
    expect(form).toMatch(/<dataValidation type="decimal"[^>]*sqref="E2:E100000"><formula1>0<\/formula1><formula2>100<\/formula2>/u);
    expect(form).toMatch(/<dataValidation type="list"[^>]*sqref="F2:F100000"><formula1>&quot;未建立,试点,全面推行&quot;<\/formula1>/u);
    expect(form).toMatch(/<dataValidation type="list"[^>]*sqref="G2:G100000"><formula1>&quot;是,否&quot;<\/formula1>/u);
    expect(form).toMatch(/<dataValidation type="decimal"[^>]*sqref="H2:H100000"><formula1>-1E\+307<\/formula1><formula2>1E\+307<\/formula2>/u);
    expect(form).not.toMatch(/operator="(?!between)/u);
    // English forms offer yes/no, which the loader reads as well.
    expect(partText(await enBytes, 'xl/worksheets/sheet1.xml')).toContain('<formula1>&quot;yes,no&quot;</formula1>');
  });

  it('explains each column in an input message, on its cells and on its header', async () => {
    const form = await formXml();
    expect(form).toContain('promptTitle="网上办理率" prompt="单位：%；范围：0–100；填 85 或 85% 均表示 85%；无数据请留空。"');
    expect(form).toContain('prompt="每个地区（每个年度）一行。填写地区的唯一代码，如行政区划代码 110000。" sqref="A1"/>');
    expect(form).toMatch(/<dataValidation type="decimal"[^>]*showInputMessage="1" promptTitle="网上办理率"[^>]*sqref="E2:E100000"/u);
  });

  it('formats the row columns as text, so region codes keep leading zeros', async () => {
    const form = await formXml();
    // Style 1 of the styles part is the built-in text format (numFmtId 49, "@").
    expect(form).toContain('<col min="1" max="1" width="12" style="1" customWidth="1"/>');
    expect(form).toMatch(/<col min="5" max="8" width="16" customWidth="1"\/>/u); // indicator columns: no text format
    const xfs = /<cellXfs count="\d+">(.*?)<\/cellXfs>/u.exec(partText(await zhBytes, 'xl/styles.xml'))?.[1] ?? '';
    expect([...xfs.matchAll(/<xf [^>]*>/gu)][1]?.[0]).toContain('numFmtId="49"');
  });

  it('lists every indicator on the instructions sheet with both languages', async () => {
    const cn = await shipped('cn-dgdi.yaml');
    const bytes = await buildXlsxTemplate(cn, { lang: 'en' });
    const rows = await readSheet(Buffer.from(bytes), 'Instructions', { trim: false });
    const table = rows.slice(rows.findIndex((row) => row[0] === '指标代码\nId'));
    for (const indicator of cn.indicators) {
      const row = table.find((r) => r[0] === indicator.id);
      expect(row, indicator.id).toBeDefined();
      if (indicator.description?.zh) expect(row?.[8]).toBe(indicator.description.zh);
    }
    expect(table.some((r) => r[5] === '正向（越高越好）\npositive (higher is better)')).toBe(true);
    expect(table.some((r) => String(r[10]).includes('省级政府文件、政府门户网站'))).toBe(true); // a source
  });

  it('is reproducible: the same framework gives the same parts', async () => {
    const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]);
    const again = await buildXlsxTemplate(framework, { lang: 'zh' });
    expect(parts(again)).toEqual(parts(await zhBytes));
    // Workbook properties carry no clock either.
    expect(partText(again, 'docProps/core.xml')).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2000-01-01T00:00:00Z</dcterms:created>');
    expect(partText(again, 'docProps/core.xml')).toContain('<dc:creator>dgmi</dc:creator>');
  });

  it('is byte-identical whatever the clock says: the zip entries carry a fixed time', async () => {
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // Two "runs" years apart: JSZip inside exceljs stamps entries with new Date() when it adds them.
      vi.setSystemTime(new Date(Date.UTC(2001, 1, 3, 4, 5, 6)));
      const first = await buildXlsxTemplate(framework, { lang: 'zh' });
      vi.setSystemTime(new Date(Date.UTC(2031, 7, 9, 10, 11, 12)));
      const second = await buildXlsxTemplate(framework, { lang: 'zh' });
      expect(sha256(second)).toBe(sha256(first));
      // And the same parts as before re-packing: the entries are untouched.
      expect(Object.keys(unzipSync(first))).toEqual(Object.keys(unzipSync(await zhBytes)));
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers no drop-down when level names cannot be listed inline (a comma in a name)', async () => {
    const commas = resolveFramework({
      format: 'dgmi/1',
      id: 't',
      name: { en: 'T' },
      dimensions: [{ id: 'd', name: { en: 'D' }, indicators: [{ id: 'x', name: { en: 'X' }, levels: { 'none, yet': 0, some: 1 } }] }],
    });
    const sheet = partText(await buildXlsxTemplate(commas, { lang: 'en' }), 'xl/worksheets/sheet1.xml');
    expect(sheet).not.toContain('type="list"');
    expect(sheet).toContain('Answers: none, yet, some');
  });

  it('names with brackets still read back by id (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim() !== '' && !/[\u0000-\u001f]/u.test(s)), async (name) => {
        const fw = resolveFramework({
          format: 'dgmi/1',
          id: 't',
          name: { en: 'T' },
          dimensions: [{ id: 'd', name: { en: 'D' }, indicators: [{ id: 'the_id', name: { zh: `${name}（注）`, en: `${name} (note)` }, unit: 'x (y)' }] }],
        });
        const { table } = await readXlsxTable(await buildXlsxTemplate(fw, { lang: 'zh' }), 'f.xlsx');
        const mapping = mapColumns(fw, table?.header ?? [], { file: 'f.xlsx', line: 1 });
        expect(mapping.layout?.kind === 'wide' ? mapping.layout.indicators : []).toEqual([{ column: 4, indicator: 0 }]);
      }),
      { numRuns: 100 },
    );
    expect(withoutBrackets('机构（含挂牌）(a)')).toBe('机构[含挂牌][a]');
  });
});
