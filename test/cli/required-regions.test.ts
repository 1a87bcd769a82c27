/**
 * `dgmi score`, `dgmi compare` and `dgmi report` name every required region without a row, as `validate --data`
 * does: cn-dgdi declares `regions: cn-provinces`, whose 31 mainland provinces are required.
 * Zhejiang (330000) is taken out of the 2022 sample here.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const FW = 'indicators/cn-dgdi.yaml';

function withoutZhejiang(): string {
  const lines = readFileSync(join(projectRoot, 'samples/provinces-2022.csv'), 'utf8').split('\n');
  const kept = lines.filter((line) => !line.startsWith('330000,'));
  expect(kept).toHaveLength(lines.length - 1);
  const path = join(mkdtempSync(join(tmpdir(), 'dgmi-required-')), 'no-zhejiang.csv');
  writeFileSync(path, kept.join('\n'));
  return path;
}

interface JsonDiagnostic {
  code: string;
  severity: string;
  file: string;
  args: Record<string, unknown>;
}

describe('missing required regions', () => {
  it('score names the region by code and name, carries the diagnostic in JSON, and exits 1', () => {
    const data = withoutZhejiang();
    const r = runDgmi(['score', FW, data, '--format', 'json', '--lang', 'en']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Region '330000' 浙江 has no row (period '2022'), but the region list 'cn-provinces' requires one");
    expect(r.stderr).toContain('region-required-missing');
    const doc = JSON.parse(r.stdout) as { results: unknown[]; diagnostics: JsonDiagnostic[] };
    expect(doc.results).toHaveLength(30);
    const missing = doc.diagnostics.filter((d) => d.code === 'region-required-missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'error', file: FW, args: { region: '330000', name: '浙江', period: '2022', list: 'cn-provinces' } });
  });

  it('score with every province present reports nothing and exits 0', () => {
    const r = runDgmi(['score', FW, 'samples/provinces-2022.csv', '--format', 'csv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('compare reports it too (zh), on the current data and on a --baseline', () => {
    const data = withoutZhejiang();
    const r = runDgmi(['compare', FW, data, '--regions', '北京,上海', '--lang', 'zh']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("地区 '330000' 浙江（2022 期）没有数据行，而地区列表 'cn-provinces' 要求每个地区都有");
    const across = runDgmi(['compare', FW, 'samples/provinces-2022.csv', '--baseline', data, '--lang', 'en']);
    expect(across.stderr).toContain("Region '330000' 浙江 has no row (period '2022')");
    expect(across.status).toBe(1);
  });
  it('report names it too, still writes the report (30 provinces ranked), and exits 1', () => {
    const data = withoutZhejiang();
    const out = join(mkdtempSync(join(tmpdir(), 'dgmi-required-report-')), 'report.html');
    const r = runDgmi(['report', FW, data, '--output', out, '--lang', 'en', '--cards', '0']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Region '330000' 浙江 has no row (period '2022'), but the region list 'cn-provinces' requires one");
    expect(r.stderr).toContain('region-required-missing');
    const html = readFileSync(out, 'utf8');
    const ranked = html.slice(html.indexOf('<table class="ranked">'));
    expect(ranked.slice(0, ranked.indexOf('</table>')).match(/<tr>/gu)).toHaveLength(31); // header + 30
    expect(runDgmi(['report', FW, 'samples/provinces-2022.csv', '--cards', '0']).status).toBe(0);
  });
});
