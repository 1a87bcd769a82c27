/**
 * `dgmi compare` end to end on the shipped samples: 31 provinces in 2021 (one file each) and
 * 2022 (one file). Expected numbers are not copied from compare's own output: they are checked
 * against `dgmi score` (which compare must agree with), against the sample CSV itself (group
 * sizes), or against identities (change = to − from, between + within = total).
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const FRAMEWORK = 'indicators/cn-dgdi.yaml';
const DATA_2021 = readdirSync(join(projectRoot, 'samples/2021'))
  .filter((f) => f.endsWith('.csv'))
  .sort()
  .map((f) => `samples/2021/${f}`);
const DATA_2022 = 'samples/provinces-2022.csv';
const ALL = [FRAMEWORK, ...DATA_2021, DATA_2022];

interface ScoreResult {
  region: string;
  name: string | null;
  group: string | null;
  period: string | null;
  score: number;
  rank: number;
  tier: string | null;
  nodes: Record<string, { score: number; rank: number }>;
}

/** `dgmi score` of the same inputs, per-period normalisation: what compare must agree with. */
function scoreResults(): ScoreResult[] {
  const r = runDgmi(['score', ...ALL, '--format', 'json']);
  expect(r.status).toBe(0);
  return (JSON.parse(r.stdout) as { results: ScoreResult[] }).results;
}

function resultOf(results: readonly ScoreResult[], region: string, period: string): ScoreResult {
  const found = results.find((r) => r.region === region && r.period === period);
  if (!found) throw new Error(`no score result for ${region} ${period}`);
  return found;
}

describe('dgmi compare --regions', () => {
  it('table: both provinces side by side, the latest period, the normalisation it used', () => {
    const r = runDgmi(['compare', ...ALL, '--regions', '330000,江苏']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2022 — China Digital Government Development Index · Regions compared');
    expect(r.stdout).toContain('Normalisation: per period');
    expect(r.stdout).toMatch(/│ +浙江 \(330000\) │ 江苏 \(320000\) │/u);
    expect(r.stdout).toContain('Indicators where they differ most');
  });

  it('json: agrees with dgmi score and marks the top and bottom quarter of 31', () => {
    const r = runDgmi(['compare', ...ALL, '--regions', '浙江省,江苏', '--period', '2021', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      mode: string;
      normalise: string;
      period: string;
      scored: number;
      regions: { region: string; score: number; rank: number; tier: string; nodes: Record<string, { rank: number; mark: string | null }>; strengths: string[]; weaknesses: string[] }[];
      indicators: { gap: number; values: { normalised: number }[] }[];
    };
    expect([doc.mode, doc.normalise, doc.period, doc.scored]).toEqual(['regions', 'per-period', '2021', 31]);
    expect(doc.regions.map((x) => x.region)).toEqual(['330000', '320000']);
    const results = scoreResults();
    for (const region of doc.regions) {
      const expected = resultOf(results, region.region, '2021');
      expect([region.score, region.rank, region.tier]).toEqual([expected.score, expected.rank, expected.tier]);
      // Top quarter of 31: rank ≤ 7.75; bottom quarter: rank ≥ 32 − 7.75 = 24.25 (no ties in the samples' dimensions).
      for (const dimension of ['organization', 'institution', 'capability', 'effect']) {
        const rank = expected.nodes[dimension]?.rank ?? NaN;
        expect(region.nodes[dimension]?.rank).toBe(rank);
        expect(region.strengths.includes(dimension)).toBe(rank <= 7.75);
        expect(region.weaknesses.includes(dimension)).toBe(rank >= 24.25);
      }
    }
    // Gaps are max − min of the normalised values, largest first, 10 by default.
    expect(doc.indicators).toHaveLength(10);
    for (const indicator of doc.indicators) {
      const values = indicator.values.map((v) => v.normalised);
      expect(indicator.gap).toBeCloseTo(Math.max(...values) - Math.min(...values), 9);
    }
    const gaps = doc.indicators.map((i) => i.gap);
    expect([...gaps].sort((a, b) => b - a)).toEqual(gaps);
  });

  it('--lang zh: Chinese headings and strength marks', () => {
    const r = runDgmi(['compare', ...ALL, '--regions', '浙江,西藏', '--lang', 'zh']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2022 — 中国数字政府发展指数 · 地区对比');
    expect(r.stdout).toContain('优势维度');
    expect(r.stdout).toContain('短板');
    expect(r.stdout).toContain('标准化：各期分别进行');
  });

  it('an unknown region name: a suggestion, the regions present, exit 2 and nothing on stdout', () => {
    const r = runDgmi(['compare', ...ALL, '--regions', '浙姜,江苏']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("no region matches '浙姜' (did you mean '浙江'?)");
    expect(r.stderr).toContain('region-unknown');
    expect(r.stderr).toContain('浙江 (330000)');
  });

  it('a period that is not in the data: exit 2 with the periods present', () => {
    const r = runDgmi(['compare', ...ALL, '--regions', '浙江', '--period', '2020', '--lang', 'zh']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("数据中没有期间 '2020'");
    expect(r.stderr).toContain('现有期间：2021, 2022');
  });
});

describe('dgmi compare --from --to', () => {
  it('table: the changes, the transition matrix, pooled normalisation', () => {
    const r = runDgmi(['compare', ...ALL, '--from', '2021', '--to', '2022']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2021 → 2022 — China Digital Government Development Index · Periods compared');
    expect(r.stdout).toContain('Normalisation: pooled over the periods');
    expect(r.stdout).toContain('Tier transitions (rows: 2021, columns: 2022)');
    expect(r.stdout).toMatch(/│ Total +│ +4 │ +4 │ +5 │ +18 │ +31 │/u);
    expect(r.stdout).toContain('Entered (only in 2022)\nnone');
  });

  it('json: change = to − from for every province, and the matrix counts all 31', () => {
    const r = runDgmi(['compare', ...ALL, '--from', '2021', '--to', '2022', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      normalise: string;
      regions: { from: { score: number; rank: number; tier: string }; to: { score: number; rank: number; tier: string }; change: { score: number; rank: number }; drivers: { change: number }[] }[];
      entered: unknown[];
      left: unknown[];
      transitions: { tiers: string[]; counts: number[][] };
    };
    expect(doc.normalise).toBe('pooled');
    expect(doc.regions).toHaveLength(31);
    expect(doc.entered).toEqual([]);
    expect(doc.left).toEqual([]);
    for (const region of doc.regions) {
      expect(region.change.score).toBeCloseTo(region.to.score - region.from.score, 9);
      expect(region.change.rank).toBe(region.from.rank - region.to.rank);
      // cn-dgdi is arithmetic throughout: contribution changes add up to the score change
      // (up to the 2-decimal rounding of the composite: at most 0.005 on each side).
      const sum = region.drivers.reduce((a, d) => a + d.change, 0);
      expect(Math.abs(sum - region.change.score)).toBeLessThanOrEqual(0.01 + 1e-9);
    }
    expect(doc.transitions.tiers).toEqual(['leading', 'quality', 'distinctive', 'developing']);
    expect(doc.transitions.counts.flat().reduce((a, b) => a + b, 0)).toBe(31);
    // Every row of the matrix counts the regions in that tier in 2021, every column those in 2022.
    doc.transitions.tiers.forEach((tier, i) => {
      expect(doc.transitions.counts[i]?.reduce((a, b) => a + b, 0)).toBe(doc.regions.filter((x) => x.from.tier === tier).length);
      expect(doc.transitions.counts.reduce((a, line) => a + (line[i] ?? 0), 0)).toBe(doc.regions.filter((x) => x.to.tier === tier).length);
    });
  });

  it('--normalise per-period gives the scores of dgmi score', () => {
    const r = runDgmi(['compare', ...ALL, '--from', '2021', '--to', '2022', '--normalise', 'per-period', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { normalise: string; regions: { region: string; from: { score: number }; to: { score: number } }[] };
    expect(doc.normalise).toBe('per-period');
    const results = scoreResults();
    for (const region of doc.regions) {
      expect(region.from.score).toBe(resultOf(results, region.region, '2021').score);
      expect(region.to.score).toBe(resultOf(results, region.region, '2022').score);
    }
  });

  it('--baseline: the 2021 files as the earlier side give the same comparison as --from 2021', () => {
    const withBaseline = runDgmi(['compare', FRAMEWORK, DATA_2022, '--format', 'json', '--baseline', ...DATA_2021]);
    const withPeriods = runDgmi(['compare', ...ALL, '--from', '2021', '--to', '2022', '--format', 'json']);
    expect(withBaseline.status).toBe(0);
    const pick = (text: string) => {
      const doc = JSON.parse(text) as { from: string; to: string; regions: unknown; transitions: unknown };
      return { from: doc.from, to: doc.to, regions: doc.regions, transitions: doc.transitions };
    };
    expect(pick(withBaseline.stdout)).toEqual(pick(withPeriods.stdout));
  });

  it('a missing period: exit 2 with the periods present', () => {
    const r = runDgmi(['compare', ...ALL, '--from', '2019', '--to', '2022']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("no period '2019' in the data");
    expect(r.stderr).toContain('Periods present: 2021, 2022');
  });
});

describe('dgmi compare --by group', () => {
  it('--lang zh: 东部/中部/西部/东北 with Chinese labels, the Theil decomposition and tiers', () => {
    const r = runDgmi(['compare', ...ALL, '--by', 'group', '--lang', 'zh']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('2022 — 中国数字政府发展指数 · 分组对比');
    for (const group of ['东部', '中部', '西部', '东北', '全部']) expect(r.stdout).toMatch(new RegExp(`│ ${group} +│`, 'u'));
    expect(r.stdout.indexOf('│ 东部')).toBeLessThan(r.stdout.indexOf('│ 中部'));
    expect(r.stdout.indexOf('│ 西部')).toBeLessThan(r.stdout.indexOf('│ 东北'));
    for (const label of ['均值', '中位数', '标准差', '变异系数', '泰尔指数分解（综合得分）', '组间差异', '组内差异', '等级分布']) {
      expect(r.stdout).toContain(label);
    }
    expect(r.stdout).not.toMatch(/│ east /u);
  });

  it('json: group sizes from the CSV, means from dgmi score, between + within = total', () => {
    const r = runDgmi(['compare', ...ALL, '--by', 'group', '--format', 'json']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as {
      period: string;
      groups: { group: string; regions: number; composite: { n: number; mean: number; cv: number; sd: number }; tiers: Record<string, number> }[];
      theil: { total: number; between: number; within: number; betweenShare: number; withinShare: number };
    };
    expect(doc.period).toBe('2022');
    // Group sizes counted straight from the 2022 CSV's third column.
    const counts = new Map<string, number>();
    for (const line of readFileSync(join(projectRoot, DATA_2022), 'utf8').trim().split(/\r?\n/u).slice(1)) {
      const group = line.split(',')[2] ?? '';
      counts.set(group, (counts.get(group) ?? 0) + 1);
    }
    expect(doc.groups.map((g) => [g.group, g.regions])).toEqual(['east', 'central', 'west', 'northeast'].map((g) => [g, counts.get(g)]));
    const results = scoreResults().filter((x) => x.period === '2022');
    for (const g of doc.groups) {
      const scores = results.filter((x) => x.group === g.group).map((x) => x.score);
      expect(g.composite.mean).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 9);
      expect(g.composite.cv).toBeCloseTo(g.composite.sd / g.composite.mean, 12);
      expect(Object.values(g.tiers).reduce((a, b) => a + b, 0)).toBe(g.regions);
    }
    expect(doc.theil.between + doc.theil.within).toBeCloseTo(doc.theil.total, 12);
    expect(doc.theil.betweenShare + doc.theil.withinShare).toBeCloseTo(1, 12);
  });

  it('a group column empty in every row: exit 2 and a clear diagnostic', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dgmi-compare-'));
    const lines = readFileSync(join(projectRoot, DATA_2022), 'utf8').trim().split(/\r?\n/u);
    const blanked = lines.map((line, i) => (i === 0 ? line : line.split(',').map((cell, c) => (c === 2 ? '' : cell)).join(',')));
    const file = join(dir, 'no-groups.csv');
    writeFileSync(file, `${blanked.join('\n')}\n`);
    // Without its province table, which would fill an empty group from the reference (东部 for 浙江…).
    const framework = join(dir, 'free-regions.yaml');
    writeFileSync(framework, readFileSync(join(projectRoot, FRAMEWORK), 'utf8').replace(/^regions: cn-provinces.*\n/mu, ''));
    const r = runDgmi(['compare', framework, file, '--by', 'group']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("no row has a value in the group column 'group'");
    expect(r.stderr).toContain('group-column-absent');
  });
});

describe('dgmi compare, other formats and usage', () => {
  it('csv and markdown come out of the same registry', () => {
    const csv = runDgmi(['compare', ...ALL, '--by', 'group', '--format', 'csv']);
    expect(csv.status).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'normalise,period,group,group_name,measure,n,mean,median,min,max,sd,cv,theil,theil_share,theil_between_term,theil_within_term,tier_leading,tier_quality,tier_distinctive,tier_developing',
    );
    const md = runDgmi(['compare', ...ALL, '--from', '2021', '--format', 'markdown', '--lang', 'zh']);
    expect(md.status).toBe(0);
    expect(md.stdout).toContain('## 2021 → 2022 — 中国数字政府发展指数 · 跨期对比');
    expect(md.stdout).toContain('> 标准化：各期合并进行（得分可跨期比较）');
  });

  it('no comparison asked for, or two at once: exit 2 with what to do', () => {
    const none = runDgmi(['compare', ...ALL]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('say what to compare');
    const two = runDgmi(['compare', ...ALL, '--regions', '浙江', '--by', 'group']);
    expect(two.status).toBe(2);
    expect(two.stderr).toContain('choose one comparison');
  });
});

describe('dgmi compare reads submissions as score does', () => {
  it('honours --sheet for a workbook whose data is not on the first sheet', async () => {
    const { buildWorkbook } = await import('../fixtures/xlsx/workbook.js');
    // The 2022 sample, cell for cell, on a second sheet behind an instructions sheet.
    const rows = readFileSync(join(projectRoot, DATA_2022), 'utf8').replace(/^\uFEFF/u, '').trim().split(/\r?\n/u).map((line) => line.split(','));
    const dir = mkdtempSync(join(tmpdir(), 'dgmi-compare-sheet-'));
    const book = join(dir, 'provinces-2022.xlsx');
    writeFileSync(book, buildWorkbook({ sheets: [{ name: '说明', rows: [['请在下一张表填写']] }, { name: 'Data', rows }] }));
    const fromCsv = runDgmi(['compare', FRAMEWORK, DATA_2022, '--regions', '浙江,江苏', '--format', 'json']);
    const fromSheet = runDgmi(['compare', FRAMEWORK, book, '--sheet', 'Data', '--regions', '浙江,江苏', '--format', 'json']);
    expect(fromCsv.status, fromCsv.stderr).toBe(0);
    expect(fromSheet.status, fromSheet.stderr).toBe(0);
    const compared = (stdout: string) => JSON.parse(stdout) as { regions: unknown[]; indicators: unknown[] };
    expect(compared(fromCsv.stdout).regions).toHaveLength(2);
    expect(compared(fromSheet.stdout).regions).toEqual(compared(fromCsv.stdout).regions);
    expect(compared(fromSheet.stdout).indicators).toEqual(compared(fromCsv.stdout).indicators);
  });
});
