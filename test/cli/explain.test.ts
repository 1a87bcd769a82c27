import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

// The shipped samples: 31 provinces in 2021 (one file each) and 2022 (one file).
const SAMPLES_2021 = [
  '110000-beijing', '120000-tianjin', '130000-hebei', '140000-shanxi', '150000-neimenggu', '210000-liaoning', '220000-jilin',
  '230000-heilongjiang', '310000-shanghai', '320000-jiangsu', '330000-zhejiang', '340000-anhui', '350000-fujian', '360000-jiangxi',
  '370000-shandong', '410000-henan', '420000-hubei', '430000-hunan', '440000-guangdong', '450000-guangxi', '460000-hainan',
  '500000-chongqing', '510000-sichuan', '520000-guizhou', '530000-yunnan', '540000-xizang', '610000-shaanxi', '620000-gansu',
  '630000-qinghai', '640000-ningxia', '650000-xinjiang',
].map((name) => `samples/2021/${name}.csv`);
const FRAMEWORK = 'indicators/cn-dgdi.yaml';
const PROVINCES_2022 = 'samples/provinces-2022.csv';
const DATA = [...SAMPLES_2021, PROVINCES_2022];

interface ExplainJson {
  format: string;
  region: { code: string; name: string };
  period: { label: string; chosen: string; available: string[] };
  score: number;
  rank: number;
  regions: number;
  tier: { id: string };
  next: { id: string; composite: { score: number; increase: number; rank: number; ties: { region: string }[] } };
  indicators: { id: string; goal: { status: string; value?: number; short?: number; tier?: string } | null }[];
}

/** 2022 scores as `dgmi score --format json` reports them, by region code. */
function scores2022(data: readonly string[]): Map<string, { score: number; rank: number; tier: string }> {
  const r = runDgmi(['score', FRAMEWORK, ...data, '--period', '2022', '--format', 'json']);
  expect(r.status).toBe(0);
  const doc = JSON.parse(r.stdout) as { results: { region: string; period: string; score: number; rank: number; tier: string }[] };
  return new Map(doc.results.filter((x) => x.period === '2022').map((x) => [x.region, { score: x.score, rank: x.rank, tier: x.tier }]));
}

/**
 * What explain must say about 江西, derived rather than copied from its output: its score and
 * rank, and 山东's, as `dgmi score` computes them; the tiers of indicators/cn-dgdi.yaml give
 * 优质型 to ranks ≤ 8 and 特色型 to ranks ≤ 13. 江西 is 9th, so 优质型 takes tying 山东 (8th):
 * the composite 山东 has, an increase of their difference (both rounded to `precision: 2`).
 */
function expected江西(): { score: number; rank: number; regions: number; next: { score: number; rank: number; increase: string } } {
  const scores = scores2022(DATA);
  const jiangxi = scores.get('360000');
  const shandong = scores.get('370000');
  if (!jiangxi || !shandong) throw new Error('江西 or 山东 missing from the 2022 scores');
  expect(jiangxi).toMatchObject({ rank: 9, tier: 'distinctive' });
  expect(shandong).toMatchObject({ rank: 8, tier: 'quality' });
  return {
    score: jiangxi.score,
    rank: jiangxi.rank,
    regions: scores.size,
    next: { score: shandong.score, rank: shandong.rank, increase: (shandong.score - jiangxi.score).toFixed(2) },
  };
}

/** A copy of the 2022 file with one of 江西's cells replaced. */
function with江西(column: string, value: number): string {
  const lines = readFileSync(join(projectRoot, PROVINCES_2022), 'utf8').split(/\r?\n/u);
  const header = (lines[0] ?? '').replace(/^\uFEFF/u, '').split(',');
  const at = header.indexOf(column);
  expect(at).toBeGreaterThan(3);
  const edited = lines.map((line) => {
    if (!line.startsWith('360000,')) return line;
    const cells = line.split(',');
    cells[at] = String(value);
    return cells.join(',');
  });
  const file = join(mkdtempSync(join(tmpdir(), 'dgmi-explain-')), 'provinces-2022.csv');
  writeFileSync(file, edited.join('\n'));
  return file;
}

describe('dgmi explain on the shipped samples', () => {
  it('江西 --lang zh: rank 9, 特色型, and what 优质型 takes', () => {
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '江西', '--lang', 'zh']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('江西 (360000) — 2022 — 中国数字政府发展指数');
    // Two periods in the data and none asked for: the latest, and it says so.
    expect(r.stdout).toContain('此处解释最新一期 2022');
    const expected = expected江西();
    expect(expected.regions).toBe(31);
    expect(r.stdout).toContain(`得分 ${expected.score.toFixed(2)}，排名 ${expected.rank}/${expected.regions}，等级：特色型`);
    expect(r.stdout).toContain('为何是特色型：排名 9 ≤ 13 → 特色型');
    expect(r.stdout).toContain('未达优质型：排名 9 > 8（差 1 位）');
    expect(r.stdout).toContain(
      `进入优质型所需综合得分：${expected.next.score.toFixed(2)}（+${expected.next.increase} 分），即与 山东 (370000) 并列第 ${expected.next.rank} 名`,
    );
    expect(r.stdout).toContain('单独需达到');
    expect(r.stdout).toContain('其他地区的数据和本地区的其他指标均保持不变');
    expect(r.stdout).toContain('跨省通办事项数');
  });

  it('json parses, and each answer it gives, written into the data, does what it says', () => {
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '360000', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as ExplainJson;
    expect(doc.format).toBe('dgmi-explain/1');
    expect(doc.region).toEqual({ code: '360000', name: '江西', group: 'central' });
    expect(doc.period).toEqual({ label: '2022', chosen: 'latest', available: ['2021', '2022'] });
    const expected = expected江西();
    expect([doc.score, doc.rank, doc.regions, doc.tier.id, doc.next.id]).toEqual([expected.score, expected.rank, expected.regions, 'distinctive', 'quality']);
    expect(doc.next.composite).toMatchObject({ score: expected.next.score, increase: Number(expected.next.increase), rank: expected.next.rank, ties: [{ region: '370000' }] });
    expect(doc.indicators).toHaveLength(10);
    const reachable = doc.indicators.filter((i) => i.goal?.status === 'reachable');
    expect(reachable.length).toBeGreaterThan(0);

    // Take the first answer to the provincial office: change that one cell, score again from the files.
    const first = reachable[0];
    if (!first?.goal || first.goal.value === undefined || first.goal.short === undefined) throw new Error('no reachable goal');
    const before = scores2022(DATA).get('360000');
    expect(before).toMatchObject({ rank: 9, tier: 'distinctive' });
    const after = scores2022([...SAMPLES_2021, with江西(first.id, first.goal.value)]).get('360000');
    expect(after?.tier).toBe('quality');
    expect(after?.rank).toBeLessThanOrEqual(8);
    const short = scores2022([...SAMPLES_2021, with江西(first.id, first.goal.short)]).get('360000');
    expect(short?.tier).toBe('distinctive');
  });

  it('an unknown region exits 2 with the nearest match', () => {
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '黑龙将']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("no region matches '黑龙将' (did you mean '黑龙江'?)");
    expect(r.stderr).toContain('region-unknown');
  });

  it('--period and --format csv', () => {
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '江西', '--period', '2021', '--format', 'csv', '--top', '3']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\r\n');
    expect(lines[0]?.startsWith('period,region,name,score,rank,tier,')).toBe(true);
    expect(lines).toHaveLength(4);
    expect(lines.slice(1).every((line) => line.startsWith('2021,360000,江西,'))).toBe(true);
  });

  it('an unknown period exits 2', () => {
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '江西', '--period', '2020']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('period-unknown');
  });

  it('--output writes markdown to a file and says so on stderr', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'dgmi-explain-')), 'jiangxi.md');
    const r = runDgmi(['explain', FRAMEWORK, ...DATA, '江西', '--format', 'markdown', '--output', file, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Wrote');
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith('## 江西 (360000) — 2022 — China Digital Government Development Index')).toBe(true);
    expect(text).toContain('- Missed Quality: rank 9 &gt; 8 (1 place short)');
  });

  it('without a region after the data, exits 2 with the usage', () => {
    const r = runDgmi(['explain', FRAMEWORK, PROVINCES_2022]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: dgmi explain FRAMEWORK DATA... REGION');
  });
});
