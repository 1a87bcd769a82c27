/**
 * The compare formatters as pure functions, on comparisons of small engine-scored tables
 * (two goalpost dimensions, so every number is the value put in).
 */
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../src/analyse/compare-groups.js';
import { comparePeriods } from '../../src/analyse/compare-periods.js';
import { compareRegions } from '../../src/analyse/compare-regions.js';
import { makeDiagnostic } from '../../src/diagnostics/messages.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import { COMPARE_FORMATS, compareDocument, type CompareFormatOptions, type Comparison } from '../../src/report/compare/index.js';
import { regionGroupLabel } from '../../src/report/region-groups.js';
import { plainPalette, type Palette } from '../../src/report/palette.js';
// Score → tier, as the CLI and the library API compose them.
import { scoreAndTier as score } from '../../src/tier/tier-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const framework = resolveFramework(
  {
    format: 'dgmi/1',
    id: 'two',
    name: { zh: '两维指数', en: 'Two' },
    version: '1',
    precision: 2,
    defaults: { normalise: { method: 'goalpost', min: 0, max: 100 } },
    dimensions: [
      { id: 'a', name: { zh: '甲维度', en: 'Alpha' }, indicators: [{ id: 'x', name: { zh: '指标X', en: 'X' } }] },
      { id: 'b', name: { zh: '乙维度', en: 'Beta' }, indicators: [{ id: 'y', name: { zh: '指标Y', en: 'Y' } }] },
    ],
    tiers: {
      levels: [
        { id: 'high', name: { zh: '高', en: 'High' }, rule: { score: { min: 60 } } },
        { id: 'low', name: { zh: '低', en: 'Low' }, rule: 'otherwise' },
      ],
    },
  } satisfies FrameworkInput,
  { file: 'two.yaml' },
);

interface Row {
  readonly region: string;
  readonly name: string;
  readonly group: string;
  readonly period: string;
  readonly a: number;
  readonly b: number;
}

function table(rows: readonly Row[]) {
  const dataset: Dataset = {
    rowCount: rows.length,
    region: rows.map((r) => r.region),
    name: rows.map((r) => r.name),
    group: rows.map((r) => r.group),
    period: rows.map((r) => r.period),
    values: [Float64Array.from(rows, (r) => r.a), Float64Array.from(rows, (r) => r.b)],
    sources: rows.map((_, i) => ({ file: 'data.csv', line: i + 2 })),
    inputs: [{ path: 'data.csv', sha256: 'abc' }],
  };
  return score(framework, dataset, { normaliseScope: 'pooled' });
}

// 2021: 浙江 80/60 → 70 high; 江苏 40/40 → 40 low; 安徽 20/30 → 25 low (left).
// 2022: 浙江 90/70 → 80 high; 江苏 70/70 → 70 high; 四川 |=evil| 10/10 → 10 low (entered).
const scored = table([
  { region: '330000', name: '浙江', group: 'east', period: '2021', a: 80, b: 60 },
  { region: '320000', name: '江苏', group: 'east', period: '2021', a: 40, b: 40 },
  { region: '340000', name: '安徽', group: 'central', period: '2021', a: 20, b: 30 },
  { region: '330000', name: '浙江', group: 'east', period: '2022', a: 90, b: 70 },
  { region: '320000', name: '江苏', group: 'east', period: '2022', a: 70, b: 70 },
  { region: '510000', name: '=cmd|x', group: 'west', period: '2022', a: 10, b: 10 },
]);

function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a result');
  return value;
}

const regions = must(compareRegions(scored, ['330000', '320000'], '2022', { normaliseScope: 'period' }).result);
const periods = must(comparePeriods(scored, '2021', '2022', { normaliseScope: 'pooled' }).result);
const groups = must(compareGroups(scored, '2022', { normaliseScope: 'period' }).result);

function options(lang: 'zh' | 'en', extra: Partial<CompareFormatOptions> = {}): CompareFormatOptions {
  return { lang, palette: plainPalette, toolVersion: '9.9.9', ...extra };
}

function json(comparison: Comparison): Record<string, unknown> {
  return JSON.parse(COMPARE_FORMATS.json(comparison, options('en'))) as Record<string, unknown>;
}

describe('regionGroupLabel', () => {
  it('names the four NBS groups and leaves other labels alone', () => {
    expect(['east', 'central', 'west', 'northeast', 'coastal'].map((g) => regionGroupLabel(g, 'zh'))).toEqual(['东部', '中部', '西部', '东北', 'coastal']);
    expect(regionGroupLabel('northeast', 'en')).toBe('Northeast');
  });
});

describe('json', () => {
  it('says which normalisation produced the scores, in every mode', () => {
    expect([regions, periods, groups].map((c) => [json(c)['mode'], json(c)['normalise']])).toEqual([
      ['regions', 'per-period'],
      ['periods', 'pooled'],
      ['groups', 'per-period'],
    ]);
  });

  it('carries the framework, inputs and diagnostics like the score result', () => {
    const d = makeDiagnostic('group-empty', { region: 'r9', period: '2022' }, { file: 'data.csv', line: 9 });
    const doc = JSON.parse(COMPARE_FORMATS.json(groups, options('zh', { diagnostics: [d] }))) as Record<string, unknown>;
    expect(doc['format']).toBe('dgmi-compare/1');
    expect(doc['framework']).toEqual({ id: 'two', version: '1', sha256: null });
    expect(doc['inputs']).toEqual([{ path: 'data.csv', sha256: 'abc' }]);
    expect(doc['diagnostics']).toEqual([
      expect.objectContaining({ code: 'group-empty', severity: 'warning', line: 9, message: "地区 'r9'（2022 期）未填分组，不参与分组比较" }),
    ]);
  });

  it('lists gap values in the order of the regions compared', () => {
    // 330000 (浙江) first, then 320000: an object keyed by code would reorder them numerically.
    const doc = json(regions) as { indicators: { id: string; gap: number; values: { region: string; normalised: number }[] }[] };
    // x: 90 vs 70 → gap 20; y: 70 vs 70 → gap 0.
    expect(doc.indicators.map((i) => [i.id, i.gap, i.values.map((v) => [v.region, v.normalised])])).toEqual([
      ['x', 20, [['330000', 90], ['320000', 70]]],
      ['y', 0, [['330000', 70], ['320000', 70]]],
    ]);
  });

  it('writes tier ids, the transition matrix and entered/left regions', () => {
    const doc = json(periods) as {
      regions: { region: string; from: { tier: string }; to: { tier: string }; change: { score: number; rank: number } }[];
      entered: { region: string; name: string }[];
      left: { region: string }[];
      transitions: unknown;
    };
    // 浙江 70 → 80 (+10), rank 1 → 1; 江苏 40 → 70 (+30), rank 2 → 2, low → high.
    expect(doc.regions.map((r) => [r.region, r.from.tier, r.to.tier, r.change.score, r.change.rank])).toEqual([
      ['330000', 'high', 'high', 10, 0],
      ['320000', 'low', 'high', 30, 0],
    ]);
    expect(doc.entered.map((r) => [r.region, r.name])).toEqual([['510000', '=cmd|x']]);
    expect(doc.left.map((r) => r.region)).toEqual(['340000']);
    // high→high 1 (浙江), low→high 1 (江苏).
    expect(doc.transitions).toEqual({ tiers: ['high', 'low'], counts: [[1, 0], [1, 0]] });
  });

  it('writes a missing statistic as null', () => {
    // west has one region in 2022: no sample standard deviation.
    const doc = json(groups) as { groups: { group: string; composite: { n: number; sd: number | null } }[] };
    expect(doc.groups.map((g) => [g.group, g.composite.n, g.composite.sd])).toEqual([
      ['east', 2, expect.any(Number)],
      ['west', 1, null],
    ]);
  });
});

/** Every line of every boxed grid in `text` has the same display width as its grid's top border. */
function expectAlignedGrids(text: string): void {
  let width: number | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) width = stringWidth(line);
    if (width !== undefined && /^[│├└]/u.test(line)) expect(stringWidth(line)).toBe(width);
    if (line.startsWith('└')) width = undefined;
  }
}

describe('table', () => {
  it('shows the groups by their Chinese names, with localized headings and the normalisation note', () => {
    const text = COMPARE_FORMATS.table(groups, options('zh'));
    expect(text).toContain('2022 — 两维指数 · 分组对比');
    expect(text).toContain('标准化：各期分别进行');
    expect(text).toMatch(/│ 东部 +│/u);
    expect(text).toMatch(/│ 西部 +│/u);
    expect(text).toContain('泰尔指数分解（综合得分）');
    expect(text).toContain('变异系数');
    expectAlignedGrids(text);
  });

  it('marks strengths and weaknesses by name and aligns Chinese text', () => {
    // 2022: a 90 70 10 → 浙江 rank 1, n = 3 < 4: no quarter, so no marks.
    const text = COMPARE_FORMATS.table(regions, options('zh'));
    expect(text).toContain('浙江 (330000)');
    expect(text).toContain('90.00 #1');
    expect(text).not.toContain('优势 ');
    expectAlignedGrids(text);
  });

  it('shows a tier transition with an arrow and the matrix with totals', () => {
    const text = COMPARE_FORMATS.table(periods, options('en'));
    expect(text).toContain('Low → High');
    expect(text).toContain('2021 → 2022 — Two · Periods compared');
    expect(text).toMatch(/│ Total +│ +2 │ +0 │ +2 │/u);
    expect(text).toContain('Entered (only in 2022)\n=cmd|x (510000)');
    expect(text).toContain('Left (only in 2021)\n安徽 (340000)');
    expectAlignedGrids(text);
  });

  it('colours only through the palette', () => {
    const marking: Palette = { ...plainPalette, up: (s) => `<up>${s}</up>`, tier: (i, s) => `<t${i}>${s}</t${i}>` };
    const text = COMPARE_FORMATS.table(periods, options('en', { palette: marking }));
    expect(text).toContain('<up>+30.00</up>');
    expect(text).toContain('<t0>High</t0>');
  });
});

describe('document', () => {
  it('marks top- and bottom-quarter dimensions', () => {
    // Eight regions in one period: a 80 70 … 10, b constant 50. n = 8 → top rank ≤ 2, bottom rank ≥ 7.
    const eight = table(
      [80, 70, 60, 50, 40, 30, 20, 10].map((a, i) => ({ region: `r${i + 1}`, name: '', group: '', period: '2022', a, b: 50 })),
    );
    const c = must(compareRegions(eight, ['r1', 'r8'], '2022', { normaliseScope: 'period' }).result);
    const doc = compareDocument(c, 'zh', '1');
    const overview = doc.sections[0];
    if (overview?.kind !== 'grid') throw new Error('overview is a grid');
    const alpha = overview.rows.find((row) => row[0]?.text === '甲维度');
    expect(alpha?.slice(1)).toEqual([
      { text: '80.00 #1 优势', tone: 'up' },
      { text: '10.00 #8 短板', tone: 'down' },
    ]);
    const strengths = overview.rows.find((row) => row[0]?.text === '优势维度');
    expect(strengths?.slice(1).map((x) => x.text)).toEqual(['甲维度', '—']);
  });
});

describe('markdown', () => {
  it('writes GFM tables with escaped cells and the provenance line', () => {
    const text = COMPARE_FORMATS.markdown(periods, options('zh'));
    expect(text).toContain('## 2021 → 2022 — 两维指数 · 跨期对比');
    expect(text).toContain('> 标准化：各期合并进行（得分可跨期比较）');
    expect(text).toContain('| 地区 | 分组 | 2021 得分 | 2022 得分 |');
    expect(text).toContain('| 江苏 (320000) | 东部 | 40.00 | 70.00 | +30.00 |');
    expect(text).toContain('=cmd\\|x (510000)');
    expect(text.trimEnd().endsWith('指标框架 two，版本 1（dgmi 9.9.9）')).toBe(true);
  });
});

describe('csv', () => {
  it('writes CRLF rows with an optional BOM and the normalisation on every row', () => {
    const text = COMPARE_FORMATS.csv(periods, options('en', { bom: true }));
    expect(text.startsWith('\uFEFFnormalise,from,to,status,region,name,group,from_score,to_score,score_change')).toBe(true);
    const lines = text.slice(1).split('\r\n');
    expect(lines[1]).toBe('pooled,2021,2022,both,330000,浙江,east,70,80,10,1,1,0,high,high,5,5');
    expect(lines.filter((l) => l !== '').every((l) => l.startsWith('normalise') || l.startsWith('pooled,'))).toBe(true);
  });

  it('defuses submitted text that a spreadsheet would run as a formula', () => {
    const text = COMPARE_FORMATS.csv(periods, options('en'));
    expect(text).toContain("entered,510000,'=cmd|x,west,,10,,,3,,,low,,");
  });

  it('puts all groups together in the row with an empty group', () => {
    const lines = COMPARE_FORMATS.csv(groups, options('zh')).split('\r\n');
    // all 2022: 80, 70, 10 → n 3, mean 160/3 = 53.333…
    const all = lines.find((l) => l.startsWith('per-period,2022,,,composite,'));
    expect(all?.split(',').slice(5, 7)).toEqual(['3', String(160 / 3)]);
    expect(lines.some((l) => l.startsWith('per-period,2022,east,东部,composite,2,'))).toBe(true);
  });
});
