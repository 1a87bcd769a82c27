import { describe, expect, it } from 'vitest';
import { explainRegion, type Explanation } from '../../src/analyse/explain.js';
import { discreteValues } from '../../src/analyse/explain-grid.js';
import { makeDiagnostic } from '../../src/diagnostics/messages.js';
import type { Lang } from '../../src/model/i18n.js';
import { EXPLAIN_FORMATS, EXPLAIN_FORMAT_ID } from '../../src/report/explain/index.js';
import { checkText, describeHeld, describeMissed } from '../../src/report/explain/sentences.js';
import { formatChange, formatRaw } from '../../src/report/explain/words.js';
import { plainPalette } from '../../src/report/palette.js';
import type { RuleTrace } from '../../src/tier/rules.js';
import { toyFramework, toyTable } from './explain-fixture.js';

function explained(query: string, table = toyTable()): Explanation {
  const e = explainRegion(table, query).explanation;
  if (!e) throw new Error(`no explanation for ${query}`);
  return e;
}

const options = (lang: Lang) => ({ lang, palette: plainPalette, toolVersion: '0.0.0-test' });

describe('table', () => {
  // r2 (see explain-fixture.ts): 67.5 → good by score ≥ 60; leading needs rank 1 = tie r1 at 95 (+27.5).
  // apps alone: 1666 (+1366) makes r2 tie r1 at 77.50 after rounding (explain-analysis.test.ts).
  it('says why, what was missed and what it takes, in English', () => {
    const text = EXPLAIN_FORMATS.table(explained('r2'), options('en'));
    expect(text).toContain('乙 (r2) — 2022 — Toy index');
    expect(text).toContain('Score 67.50, rank 2 of 5, tier: Good');
    expect(text).toContain('Why Good: score 67.50 ≥ 60.00 → Good');
    expect(text).toContain('Missed Leading: rank 2 > 1 (1 place short)');
    expect(text).toContain(
      'To reach Leading: a composite of 95.00 (+27.50 points), tying 甲 (r1) at rank 1 (a tie is enough under competition ranking; scores rounded to 2 decimals)',
    );
    expect(text).toContain("(All of the above hold the other regions' scores fixed.)");
    expect(text).toMatch(/│ Apps\s+│ higher │\s+300 │\s+25\.00% │\s+0\.2500 │\s+1666 │\s+\+1366 │\s+77\.50 │\s+1 │ Leading\s+│/u);
    // online at 100 gives 50 + 15 + 12.5 = 77.50, rank 2.
    expect(text).toMatch(/│ Online rate\s+│ higher │\s+80% │\s+50\.00% │\s+0\.5000 │\s+not reachable alone │\s+— │ at most 77\.50 │\s+2 │ Good\s+│/u);
    expect(text).toContain('held as submitted');
    expect(text).toContain('Not reachable alone');
  });

  it('speaks Chinese', () => {
    const text = EXPLAIN_FORMATS.table(explained('r2'), options('zh'));
    expect(text).toContain('得分 67.50，排名 2/5，等级：优质型');
    expect(text).toContain('为何是优质型：得分 67.50 ≥ 60.00 → 优质型');
    expect(text).toContain('未达引领型：排名 2 > 1（差 1 位）');
    expect(text).toContain('进入引领型所需综合得分：95.00（+27.50 分），即与 甲 (r1) 并列第 1 名（竞争排名下并列即可；得分按保留 2 位小数计）');
    expect(text).toContain('单独无法达到');
    expect(text).toContain('其他地区的数据和本地区的其他指标均保持不变');
  });

  it('top tier: says so and lists weights without goals', () => {
    const text = EXPLAIN_FORMATS.table(explained('r1'), options('en'));
    expect(text).toContain('Already in the top tier (Leading).');
    expect(text).not.toContain('Needed on its own');
  });

  it('natural breaks: class range, lower edge of the next class, and that classes move', () => {
    const tiers = { method: 'natural-breaks' as const, levels: [{ id: 'high', name: { en: 'High' } }, { id: 'low', name: { en: 'Low' } }] };
    const text = EXPLAIN_FORMATS.table(explained('r5', toyTable({ tiers })), options('en'));
    // {20} | {55, 65, 67.5, 95}: see explain-analysis.test.ts.
    expect(text).toContain("Why Low: the score 20.00 lies in this period's class range 20.00–20.00 (natural breaks)");
    expect(text).toContain('Missed High: its lowest score this period is 55.00');
    expect(text).toContain('To reach High: a composite of 55.00 (+35.00 points), tying 丁 (r4) at rank 4');
    expect(text).toContain('the class boundaries are computed from all scores, so they may shift');
  });
});

describe('json', () => {
  it('is a dgmi-explain/1 document with the goal and each indicator', () => {
    const doc = JSON.parse(EXPLAIN_FORMATS.json(explained('r2'), { ...options('en'), diagnostics: [makeDiagnostic('explain-no-tiers', { framework: 'x' }, { file: 'x.yaml' })] })) as {
      format: string;
      region: { code: string; name: string };
      period: { label: string; chosen: string };
      score: number;
      rank: number;
      tier: { id: string; text: string; trace: { kind: string } };
      next: { id: string; text: string; composite: unknown; othersHeldFixed: boolean; classesMayShift: boolean };
      indicators: { id: string; pointsPerUnit: number; goal: Record<string, unknown> }[];
      skipped: unknown;
      diagnostics: { code: string }[];
    };
    expect(doc.format).toBe(EXPLAIN_FORMAT_ID);
    expect(doc.region).toEqual({ code: 'r2', name: '乙', group: null });
    expect(doc.period).toEqual({ label: '2022', chosen: 'only', available: ['2022'] });
    expect([doc.score, doc.rank]).toEqual([67.5, 2]);
    expect(doc.tier).toMatchObject({ id: 'good', text: 'score 67.50 ≥ 60.00', trace: { kind: 'score' } });
    expect(doc.next).toMatchObject({
      id: 'leading',
      text: 'rank 2 > 1 (1 place short)',
      composite: { score: 95, increase: 27.5, rank: 1, ties: [{ region: 'r1', name: '甲', score: 95, rank: 1 }] },
      othersHeldFixed: true,
      classesMayShift: false,
    });
    // online 0.5, then apps and cdo at 0.25 each (file order breaks the tie).
    expect(doc.indicators.map((i) => i.id)).toEqual(['online', 'apps', 'cdo']);
    expect(doc.indicators[1]?.goal).toEqual({ status: 'reachable', value: 1666, change: 1366, short: 1665, score: 77.5, rank: 1, tier: 'leading' });
    // cdo 1 → 2: 40 + 15 + 25 = 80, rank 2, still good.
    expect(doc.indicators[2]?.goal).toEqual({ status: 'unreachable', reason: 'levels', best: { value: 2, score: 80, rank: 2, tier: 'good' } });
    expect(doc.skipped).toEqual({ atMaximum: 0, missing: 0, beyondTop: 0 });
    expect(doc.diagnostics.map((d) => d.code)).toEqual(['explain-no-tiers']);
  });

  it('has null where there is no next tier', () => {
    const doc = JSON.parse(EXPLAIN_FORMATS.json(explained('r1'), options('en'))) as { next: unknown; indicators: { goal: unknown }[] };
    expect(doc.next).toBeNull();
    expect(doc.indicators.every((i) => i.goal === null)).toBe(true);
  });
});

describe('csv', () => {
  it('one row per indicator, the region and goal repeated, numbers unrounded', () => {
    const text = EXPLAIN_FORMATS.csv(explained('r2'), { ...options('zh'), bom: true });
    expect(text.startsWith('\uFEFFperiod,region,name,score,rank,tier,tier_name,next_tier,next_tier_name,required_score,required_increase,indicator,')).toBe(true);
    const lines = text.replace('\uFEFF', '').split('\r\n');
    expect(lines).toHaveLength(5); // header, 3 indicators, final empty string after the last CRLF
    expect(lines[2]?.split(',')).toEqual(
      expect.arrayContaining(['2022', 'r2', '乙', '67.5', '2', 'good', '优质型', 'leading', '引领型', '95', '27.5', 'apps', '应用数', 'reachable', '1666', '1366', '77.5', 'leading']),
    );
    expect(lines[3]).toContain(',unreachable,levels,,,80,2,good');
  });
});

describe('markdown', () => {
  it('heading, summary list, tables and provenance', () => {
    const text = EXPLAIN_FORMATS.markdown(explained('r2'), options('en'));
    expect(text.startsWith('## 乙 (r2) — 2022 — Toy index\n')).toBe(true);
    expect(text).toContain('- Missed Leading: rank 2 &gt; 1 (1 place short)');
    expect(text).toContain('| Dimension | Score | Rank | Points |');
    expect(text).toContain('| Apps | higher | 300 | 25.00% | 0.2500 | 1666 | +1366 | 77.50 | 1 | Leading |');
    expect(text).toContain('Framework toy (dgmi 0.0.0-test)');
  });
});

describe('sentences', () => {
  const ctx = { explanation: explained('r2'), lang: 'en' as const, palette: plainPalette };
  const rank9: RuleTrace = { kind: 'rank', holds: false, check: { measure: 'rank', observed: 9, bounds: { max: 8 }, holds: false, shortfall: { side: 'max', bound: 8, distance: 1, unit: 'places' } } };
  const score70: RuleTrace = { kind: 'score', holds: true, check: { measure: 'score', observed: 70, bounds: { min: 60, max: 80 }, holds: true } };

  it('writes a check as the rule is written', () => {
    expect(checkText('score', { measure: 'score', observed: 70, bounds: { min: 60, max: 80 }, holds: true }, 'en')).toBe('60.00 ≤ score 70.00 ≤ 80.00');
    // 75 − 72.5 = 2.5 points.
    expect(checkText('score', { measure: 'score', observed: 72.5, bounds: { min: 75 }, holds: false, shortfall: { side: 'min', bound: 75, distance: 2.5, unit: 'points' } }, 'en')).toBe(
      'score 72.50 < 75.00 (2.50 points short)',
    );
    expect(checkText('排名', { measure: 'rank', observed: 11, bounds: { max: 8 }, holds: false, shortfall: { side: 'max', bound: 8, distance: 3, unit: 'places' } }, 'zh')).toBe('排名 11 > 8（差 3 位）');
  });

  it('names only what failed in an all, and everything in a failed any', () => {
    expect(describeMissed({ kind: 'all', holds: false, children: [rank9, score70] }, ctx)).toBe('rank 9 > 8 (1 place short)');
    expect(describeMissed({ kind: 'any', holds: false, children: [rank9, rank9] }, ctx)).toBe('rank 9 > 8 (1 place short); rank 9 > 8 (1 place short)');
    expect(describeHeld({ kind: 'any', holds: true, children: [rank9, score70] }, ctx)).toBe('60.00 ≤ score 70.00 ≤ 80.00');
    expect(describeHeld({ kind: 'not', holds: true, child: rank9 }, ctx)).toBe('not (rank 9 > 8 (1 place short))');
  });

  it('names the nearest dimension of a missed any_dimension', () => {
    const trace: RuleTrace = {
      kind: 'any_dimension',
      holds: false,
      dimensions: [
        { id: 'service', check: { measure: 'rank', observed: 5, bounds: { max: 1 }, holds: false, shortfall: { side: 'max', bound: 1, distance: 4, unit: 'places' } } },
        { id: 'org', check: { measure: 'rank', observed: 3, bounds: { max: 1 }, holds: false, shortfall: { side: 'max', bound: 1, distance: 2, unit: 'places' } } },
      ],
    };
    expect(describeMissed(trace, ctx)).toBe('nearest dimension: Organization rank 3 > 1 (2 places short)');
  });
});

describe('values', () => {
  const [online, , cdo] = toyFramework().indicators;
  it('in their unit: percent, level names, signed changes in percentage points', () => {
    expect(formatRaw(online!, 70.5, 1, 'en')).toBe('70.5%');
    expect(formatRaw(cdo!, 2, 0, 'zh')).toBe('全面');
    expect(formatChange(online!, 9.5, 1, 'zh')).toBe('+9.5 个百分点');
    expect(formatChange(online!, -10, 0, 'en')).toBe('−10 pp');
  });

  it('read as the loader reads the unit: pct and 百分比 are percent, Boolean is 是/否', () => {
    expect(formatRaw({ ...online!, unit: 'pct' }, 70.5, 1, 'en')).toBe('70.5%');
    expect(formatChange({ ...online!, unit: '百分比' }, 9.5, 1, 'en')).toBe('+9.5 pp');
    expect(formatRaw({ ...online!, unit: 'Boolean' }, 1, 0, 'zh')).toBe('是');
    expect(discreteValues({ ...online!, unit: 'Boolean' })).toEqual([0, 1]);
    expect(discreteValues(online!)).toBeUndefined();
  });
});
