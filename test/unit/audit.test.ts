/**
 * `auditScores` on a small scored table: statistics per indicator, the outlier preview, the
 * correlation flags, redundant pairs, alpha and the first component — each checked against the
 * measure computed independently here or by hand — and the audit formatters as pure functions.
 */
import { describe, expect, it } from 'vitest';
import { auditScores } from '../../src/analyse/audit/audit.js';
import { cronbachAlpha, pearson } from '../../src/analyse/audit/coherence-measures.js';
import type { Dataset } from '../../src/model/dataset.js';
import type { ResolvedFramework } from '../../src/model/resolved.js';
import { AUDIT_FORMATS } from '../../src/report/audit/index.js';
import { plainPalette } from '../../src/report/palette.js';
import { score } from '../../src/score/engine.js';
import { resolveFramework } from '../../src/validate/resolve.js';

const framework: ResolvedFramework = resolveFramework(
  {
    format: 'dgmi/1',
    id: 'audit-test',
    name: { en: 'Audit test', zh: '审计测试' },
    dimensions: [
      {
        id: 'G',
        name: { en: 'Group G', zh: '分组 G' },
        indicators: [
          { id: 'a', name: { en: 'A', zh: '甲' } },
          { id: 'b', name: { en: 'B', zh: '乙' } },
          { id: 'c', name: { en: 'C', zh: '丙' } },
        ],
      },
      { id: 'H', name: { en: 'Group H', zh: '分组 H' }, indicators: [{ id: 'd', name: { en: 'D', zh: '丁' } }, { id: 'e', name: { en: 'E', zh: '戊' } }] },
    ],
  },
  { file: 'audit.yaml' },
);

// Ten units. a = 1..9, 100 (an outlier); b = 2a (a duplicate of a after min-max); c = −a, so its
// score is 1 − a's and G = (a + b + c)/3 = (a + 1)/3 moves against it (r = −1); d and e alternate.
const n = 10;
const a = Array.from({ length: n }, (_, i) => (i === 9 ? 100 : i + 1));
const columns: Record<string, number[]> = {
  a,
  b: a.map((x) => 2 * x),
  c: a.map((x) => -x),
  d: [5, 3, 6, 2, 7, 4, 8, 1, 9, 5],
  e: [4, 6, 3, 7, 2, 8, 1, 9, 5, NaN],
};
const dataset: Dataset = {
  rowCount: n,
  region: Array.from({ length: n }, (_, i) => `R${i + 1}`),
  name: Array.from({ length: n }, () => ''),
  group: Array.from({ length: n }, () => ''),
  period: Array.from({ length: n }, () => '2024'),
  values: framework.indicators.map((i) => Float64Array.from(columns[i.id] ?? [])),
  sources: Array.from({ length: n }, (_, i) => ({ file: 'data.csv', line: i + 2 })),
  inputs: [{ path: 'data.csv', sha256: '' }],
};

const table = score(framework, dataset);
const report = auditScores(table);
const audit = (id: string) => {
  const found = report.indicators.find((x) => x.id === id);
  if (!found) throw new Error(`no audit of ${id}`);
  return found;
};

describe('auditScores', () => {
  it('reports coverage, min, max, mean and sd of the raw values', () => {
    expect(report.period).toBe('2024');
    expect(report.scoredUnits).toBe(10);
    const e = audit('e');
    // e has 9 of 10 values: 4, 6, 3, 7, 2, 8, 1, 9, 5 → sum 45, mean 5, Σd² = 60, sd √(60/8).
    expect([e.units, e.count, e.coverage, e.min, e.max, e.mean]).toEqual([10, 9, 0.9, 1, 9, 5]);
    expect(e.sd).toBeCloseTo(Math.sqrt(60 / 8), 14);
  });

  it("previews COINr's outlier rule on an untreated indicator: a's 100 would be winsorised to 9", () => {
    const outlier = audit('a').outlier;
    expect(outlier).toMatchObject({ fires: true, isConfigured: false, method: 'winsorise', points: 1 });
    expect(audit('d').outlier.fires).toBe(false);
    // c mirrors a: its outlier is low, so the preview winsorises its minimum.
    expect(audit('c').outlier).toMatchObject({ fires: true, method: 'winsorise', points: 1 });
    expect(report.diagnostics.filter((d) => d.code === 'audit-outlier-rule-fires').map((d) => d.args['indicator'])).toEqual(['a', 'b', 'c']);
  });

  it('correlates each indicator with its parent and the index over the scored units', () => {
    const G = table.nodes.get('G')?.score ?? [];
    expect(audit('c').withParent).toBeCloseTo(pearson(table.indicators.get('c')?.normalised ?? [], G), 14);
    expect(audit('c').withIndex).toBeCloseTo(pearson(table.indicators.get('c')?.normalised ?? [], table.composite.score), 14);
    expect(audit('c').withParent).toBeCloseTo(-1, 12);
    const codes = report.diagnostics.filter((d) => d.args['indicator'] === 'c').map((d) => d.code);
    expect(codes).toContain('audit-correlation-negative');
  });

  it('flags a and b (r = 1) as redundant, and computes alpha and the first component per group', () => {
    const g = report.groups.find((x) => x.id === 'G');
    expect(g?.redundantPairs.map((p) => [p.a, p.b])).toEqual([['a', 'b']]);
    expect(g?.redundantPairs[0]?.r).toBeCloseTo(1, 12);
    const scores = ['a', 'b', 'c'].map((id) => table.indicators.get(id)?.normalised ?? []);
    expect(g?.alpha).toBeCloseTo(cronbachAlpha(scores), 14);
    expect(g?.alpha).toBeLessThan(0.7);
    expect(report.diagnostics.map((d) => d.code)).toContain('audit-alpha-low');
    // H has two children, so its first component carries (1 + |r|)/2, with r over the 9 complete units.
    const h = report.groups.find((x) => x.id === 'H');
    const r = pearson(table.indicators.get('d')?.normalised ?? [], table.indicators.get('e')?.normalised ?? []);
    expect(h?.firstComponentShare).toBeCloseTo((1 + Math.abs(r)) / 2, 12);
  });

  it('locates its findings at the framework node', () => {
    const pair = report.diagnostics.find((d) => d.code === 'audit-pair-redundant');
    expect(pair?.file).toBe('audit.yaml');
    expect(pair?.path).toEqual(['dimensions', 0]);
  });
});

describe('audit formatters', () => {
  const options = { lang: 'en' as const, palette: plainPalette, toolVersion: '0.0.0-test' };

  it('json: the dgmi-audit/1 document, NaN as null', () => {
    const doc = JSON.parse(AUDIT_FORMATS.json(report, options)) as {
      format: string;
      period: string;
      indicators: { id: string; coverage: number; outlier: { method: string; points: number } }[];
      groups: { id: string; redundant_pairs: { a: string; b: string }[]; alpha: number | null }[];
      diagnostics: { code: string }[];
    };
    expect(doc.format).toBe('dgmi-audit/1');
    expect(doc.period).toBe('2024');
    expect(doc.indicators.find((x) => x.id === 'a')?.outlier).toMatchObject({ method: 'winsorise', points: 1 });
    expect(doc.groups.find((g) => g.id === 'G')?.redundant_pairs).toEqual([{ a: 'a', b: 'b', r: expect.any(Number) }]);
    expect(doc.diagnostics.length).toBe(report.diagnostics.length);
  });

  it('csv: one row per indicator and group, text defused', () => {
    const lines = AUDIT_FORMATS.csv(report, options).split('\r\n');
    expect(lines[0]?.startsWith('kind,id,parent,period,units,count,coverage')).toBe(true);
    expect(lines.filter((l) => l.startsWith('indicator,'))).toHaveLength(5);
    expect(lines.filter((l) => l.startsWith('group,'))).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('indicator,e,'))).toContain(',10,9,0.9,1,9,5,');
  });

  it('table and markdown: localized headers and flags', () => {
    const zh = AUDIT_FORMATS.table(report, { ...options, lang: 'zh' });
    expect(zh).toContain('覆盖率');
    expect(zh).toContain('冗余：a–b');
    const md = AUDIT_FORMATS.markdown(report, options);
    expect(md).toContain('| Indicator | Coverage |');
    expect(md).toContain('winsorise 1 (not set: preview)');
  });
});
