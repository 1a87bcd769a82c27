/**
 * `dgmi template` (run in-process through runTemplate until program.ts registers the command)
 * and XLSX submissions through the real executable (`dgmi score` on a filled form).
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTemplate, templateFormatOf, type TemplateOptions } from '../../src/cli/commands/template.js';
import type { Io } from '../../src/cli/io.js';
import { readXlsxTable } from '../../src/load/xlsx-table.js';
import { fillTemplate } from '../fixtures/xlsx/fill-template.js';
import { projectRoot, runDgmi } from './run-cli.js';

const cnDgdi = join(projectRoot, 'indicators/cn-dgdi.yaml');
const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-template-cli-'));

function memoryIo(cwd: string): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stdoutChunks: async (chunks) => {
      for await (const chunk of chunks) out.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
    },
    stderr: (text) => err.push(text),
    env: { NO_COLOR: '1' },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    cwd,
  };
}

const run = async (framework: string, options: Partial<TemplateOptions> & { output: string }, cwd = tmp()) => {
  const io = memoryIo(cwd);
  const status = await runTemplate(io, '0.0.0', framework, { color: false, ...options });
  return { status, stdout: io.out.join(''), stderr: io.err.join('') };
};

describe('dgmi template', () => {
  it('--output form.xlsx writes a workbook the loader reads, and says so on stderr', async () => {
    const dir = tmp();
    const output = join(dir, 'form.xlsx');
    const r = await run(cnDgdi, { output, lang: 'en' }, dir);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote ${output}\n`); // the path as given
    const { table } = await readXlsxTable(readFileSync(output), output);
    expect(table?.sheet).toBe('Form');
    // 4 row columns + 44 indicators.
    expect(table?.header).toHaveLength(48);
  });

  it('--output form.csv writes the header and form.dictionary.csv, with a BOM on request', async () => {
    const dir = tmp();
    const output = join(dir, 'form.csv');
    const r = await run(cnDgdi, { output, bom: true, lang: 'zh' }, dir);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`已写入 ${output}\n已写入 ${join(dir, 'form.dictionary.csv')}\n`);
    const form = readFileSync(output, 'utf8');
    expect(form.startsWith('\uFEFFregion,name,group,period,dg_leading_group,leading_group_head,')).toBe(true);
    const dictionary = readFileSync(join(dir, 'form.dictionary.csv'), 'utf8').split('\r\n');
    expect(dictionary[0]).toBe('\uFEFF指标代码,中文名称,英文名称,单位,方向,有效范围,可选值,定义');
    // 44 indicators, a header and the empty string after the last CRLF.
    expect(dictionary).toHaveLength(46);
  });

  it('picks the format by extension and refuses others with status 2', async () => {
    expect(templateFormatOf('a/B.XLSX')).toBe('xlsx');
    expect(templateFormatOf('form.csv')).toBe('csv');
    expect(templateFormatOf('form.xls')).toBeUndefined();
    const dir = tmp();
    const xls = await run(cnDgdi, { output: join(dir, 'form.xls'), lang: 'en' }, dir);
    expect(xls.status).toBe(2);
    expect(xls.stderr).toContain('old .xls is not written; use --output');
    expect(existsSync(join(dir, 'form.xls'))).toBe(false);
    const txt = await run(cnDgdi, { output: join(dir, 'form.txt'), lang: 'zh' }, dir);
    expect(txt.status).toBe(2);
    expect(txt.stderr).toContain('请使用 .xlsx 或 .csv');
  });

  it('never writes over the framework it reads', async () => {
    const dir = tmp();
    const framework = join(dir, 'framework.csv');
    copyFileSync(cnDgdi, framework);
    const r = await run(framework, { output: framework, lang: 'en' }, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('refusing to write');
    expect(readFileSync(framework, 'utf8')).toBe(readFileSync(cnDgdi, 'utf8'));
  });

  it('reports an invalid framework and writes nothing (status 2)', async () => {
    const dir = tmp();
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'format: dgmi/1\nid: x\n');
    const r = await run(broken, { output: join(dir, 'form.xlsx'), lang: 'en' }, dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('broken.yaml');
    expect(existsSync(join(dir, 'form.xlsx'))).toBe(false);
  });
});

describe('dgmi score on XLSX submissions (the real executable)', () => {
  /** A cn-dgdi form with two regions: every answer valid, except 'abc' for a yes/no in column E of row 3. */
  async function filledForm(dir: string, bad: boolean): Promise<string> {
    const output = join(dir, 'blank.xlsx');
    expect((await run(cnDgdi, { output, lang: 'zh' }, dir)).status).toBe(0);
    const answers = (r: number) => [
      '是', // dg_leading_group
      r === 0 ? '主要领导' : '分管领导', // leading_group_head
      '是', // dg_annual_tasks
      '独立机构', // big_data_bureau
      { percent: r === 0 ? 0.962 : 0.5 }, // city_data_agency_rate: 96.2% / 50%
    ];
    const rows = [
      ['110000', '北京', 'east', '2024', ...answers(0)],
      ['310000', '上海', 'east', '2024', ...(bad ? ['abc', ...answers(1).slice(1)] : answers(1))],
    ];
    const path = join(dir, 'form.xlsx');
    writeFileSync(path, fillTemplate(readFileSync(output), rows));
    return path;
  }

  it('scores a filled form: values as typed, percent in points', async () => {
    const dir = tmp();
    const form = await filledForm(dir, false);
    const r = runDgmi(['score', 'indicators/cn-dgdi.yaml', form, '--format', 'json']);
    const result = JSON.parse(r.stdout) as { results: { region: string; indicators: Record<string, { value: number | null }> }[] };
    const byRegion = new Map(result.results.map((x) => [x.region, x.indicators]));
    expect(byRegion.get('110000')?.['leading_group_head']?.value).toBe(2); // 主要领导
    expect(byRegion.get('310000')?.['leading_group_head']?.value).toBe(1); // 分管领导
    expect(byRegion.get('110000')?.['city_data_agency_rate']?.value).toBe(96.2); // 0.962 shown as 96.2%
    expect(byRegion.get('310000')?.['city_data_agency_rate']?.value).toBe(50);
    // Status 1 only because the other 29 required provinces have no row: no other error.
    const errors = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(Array<string>(29).fill('region-required-missing'));
    expect(r.status).toBe(1);
  });

  it('a bad cell is reported at its row and column, and leaves that region unscored (status 1)', async () => {
    const dir = tmp();
    const form = await filledForm(dir, true);
    const r = runDgmi(['score', 'indicators/cn-dgdi.yaml', form, '--format', 'json']);
    const result = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; column: number; args: Record<string, unknown> }[] };
    const bad = result.diagnostics.find((d) => d.code === 'cell-not-boolean');
    expect(bad).toEqual(expect.objectContaining({ line: 3, column: 5, args: expect.objectContaining({ text: 'abc', cell: '填报表!E3' }) }));
    expect(r.stderr).toMatch(/3:5\s+error\s+'abc' in column E \('数字政府建设领导小组 是\/否 \(dg_leading_group\)'\) is not a yes\/no answer/u);
    expect(r.status).toBe(1);
  });

  it('a password-protected workbook is a clear error, not a crash', () => {
    const r = runDgmi(['score', 'indicators/cn-dgdi.yaml', 'test/fixtures/xlsx/password-protected.xlsx']);
    expect(r.stderr).toContain('password-protected (encrypted) workbook');
    expect(r.stderr).toContain('Encrypt with Password');
    expect(r.stderr).not.toContain('internal error');
    expect(r.status).toBe(1);
  });
});
