/**
 * `dgmi report --sensitivity`: reading and checking the `dgmi-sensitivity-result/1` file
 * (src/load/sensitivity-result.ts) and the section it adds (src/report/html/sections/sensitivity.ts),
 * on the hand-built fixture table of test/unit/results-format-fixture.ts (framework cn-dgdi 2024,
 * tiers leading/developing, 2022: 上海, 北京, X01 scored, 四川 unscored).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSensitivityResult, type SensitivityDocument } from '../../src/load/sensitivity-result.js';
import { renderHtmlReport, reportSections } from '../../src/report/html/document.js';
import { prepareReport } from '../../src/report/html/report-data.js';
import { sensitivityResultsOf, sensitivitySection } from '../../src/report/html/sections/sensitivity.js';
import { fixtureTable } from './results-format-fixture.js';

const EXPECTED = { frameworkId: 'cn-dgdi', frameworkVersion: '2024', period: '2022' };

function region(code: string, name: string | null, period: string, rank: number | null, p5: number | null, median: number | null, p95: number | null, leading: number | null) {
  return {
    region: code,
    name,
    group: null,
    period,
    score: rank === null ? null : 90 - rank,
    rank,
    tier: rank === 1 ? 'leading' : rank === null ? null : 'developing',
    mean_rank: median,
    median_rank: median,
    p5_rank: p5,
    p95_rank: p95,
    scored_share: rank === null ? 0 : 1,
    tier_probability: { leading, developing: leading === null ? null : 1 - leading },
  };
}

function documentOf(overrides: Partial<SensitivityDocument> = {}): SensitivityDocument {
  return {
    format: 'dgmi-sensitivity-result/1',
    framework: { id: 'cn-dgdi', version: '2024', sha256: 'f'.repeat(64) },
    inputs: [{ path: 'data/2022.csv', sha256: 'd'.repeat(64) }],
    method: 'uncertainty',
    runs: 200,
    replications: 200,
    seed: 7,
    tiers: ['leading', 'developing'],
    results: [
      region('310000', '上海', '2022', 1, 1, 1, 2, 0.875),
      region('110000', '北京', '2022', 2, 1, 2, 3, 0.125),
      region('X01', '<img src=x onerror=alert(1)>', '2022', 3, 2, 3, 3, 0),
      region('510000', '四川', '2022', null, null, null, null, null),
      region('310000', '上海', '2021', 2, 1, 2, 2, 0.5),
    ],
    ...overrides,
  };
}

const text = (doc: unknown) => JSON.stringify(doc, null, 2);

describe('parseSensitivityResult', () => {
  it('accepts the document `dgmi sensitivity --format json` writes, extra fields and all', () => {
    const loaded = parseSensitivityResult(text({ ...documentOf(), assumptions: [], diagnostics: [] }), 's.json', EXPECTED);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.sensitivity?.document.results).toHaveLength(5);
    expect(loaded.sensitivity?.path).toBe('s.json');
  });

  it('locates a JSON syntax error', () => {
    const loaded = parseSensitivityResult('{\n  "format": "dgmi-sensitivity-result/1",\n  "runs": "2\n}', 's.json', EXPECTED);
    expect(loaded.sensitivity).toBeUndefined();
    expect(loaded.diagnostics).toMatchObject([{ code: 'report-sensitivity-json-invalid', severity: 'error', file: 's.json', line: 3 }]);
  });

  it('locates a field of the wrong type at its line and column', () => {
    const doc = documentOf();
    const broken = { ...doc, results: doc.results.map((r, i) => (i === 1 ? { ...r, p5_rank: 'one' } : r)) };
    const json = text(broken);
    const loaded = parseSensitivityResult(json, 's.json', EXPECTED);
    // The offending value's own line: the first line holding `"p5_rank": "one"`.
    const line = json.split('\n').findIndex((l) => l.includes('"p5_rank": "one"')) + 1;
    const column = (json.split('\n')[line - 1] ?? '').indexOf('"one"') + 1;
    expect(loaded.diagnostics).toMatchObject([{ code: 'report-sensitivity-shape', file: 's.json', line, column, args: { at: 'results[1].p5_rank' } }]);
  });

  it('rejects another format (a sensitivity spec, say) at the format field', () => {
    const loaded = parseSensitivityResult(text(documentOf({ format: 'dgmi-sensitivity/1' as never })), 's.json', EXPECTED);
    expect(loaded.diagnostics).toMatchObject([{ code: 'report-sensitivity-shape', line: 2, args: { at: 'format' } }]);
  });

  it('rejects a file for another framework, or another version of it', () => {
    const other = parseSensitivityResult(text(documentOf({ framework: { id: 'egdi', version: '2024', sha256: null } })), 's.json', EXPECTED);
    expect(other.diagnostics).toMatchObject([{ code: 'report-sensitivity-other-framework', args: { found: 'egdi 2024', expected: 'cn-dgdi 2024' } }]);
    const older = parseSensitivityResult(text(documentOf({ framework: { id: 'cn-dgdi', version: '2023', sha256: null } })), 's.json', EXPECTED);
    expect(older.diagnostics).toMatchObject([{ code: 'report-sensitivity-other-framework', args: { found: 'cn-dgdi 2023' } }]);
    expect(older.diagnostics[0]?.message).toContain('cn-dgdi 2023');
  });

  it('rejects a file without results for the reported period, naming the periods it has', () => {
    const loaded = parseSensitivityResult(text(documentOf()), 's.json', { ...EXPECTED, period: '2023' });
    expect(loaded.diagnostics).toMatchObject([{ code: 'report-sensitivity-other-period', args: { period: '2023', found: '2021, 2022' } }]);
  });
});

describe('parseSensitivityResult: provenance', () => {
  const provenance = { ...EXPECTED, frameworkSha256: 'f'.repeat(64), dataSha256: ['c'.repeat(64), 'd'.repeat(64)] };

  it('says nothing when the framework file and every data file are the report\'s own (the report may have more periods)', () => {
    expect(parseSensitivityResult(text(documentOf()), 's.json', provenance).diagnostics).toEqual([]);
  });

  it('warns, and still gives the file, when the framework file or a data file differs', () => {
    const json = text(documentOf({ framework: { id: 'cn-dgdi', version: '2024', sha256: 'e'.repeat(64) }, inputs: [{ path: 'data/2022.csv', sha256: 'd'.repeat(64) }, { path: 'data/other.csv', sha256: '0'.repeat(64) }] }));
    const loaded = parseSensitivityResult(json, 's.json', provenance);
    expect(loaded.sensitivity).toBeDefined();
    const line = (needle: string) => json.split('\n').findIndex((l) => l.includes(needle)) + 1;
    expect(loaded.diagnostics).toMatchObject([
      { code: 'report-sensitivity-framework-changed', severity: 'warning', line: line(`"sha256": "${'e'.repeat(64)}"`), args: { found: 'eeeeeeeeeeee', expected: 'ffffffffffff' } },
      { code: 'report-sensitivity-data-changed', severity: 'warning', line: line(`"sha256": "${'0'.repeat(64)}"`), args: { count: 1, file: 'data/other.csv' } },
    ]);
  });
});

describe('the sensitivity section', () => {
  const sensitivity = { path: 'out/<s>.json', document: documentOf() };
  const data = prepareReport(fixtureTable(), { lang: 'zh', toolVersion: '9.9.9', sensitivity });

  it('takes the reported period only', () => {
    expect(sensitivityResultsOf(data).map((r) => r.region)).toEqual(['310000', '110000', 'X01', '510000']);
  });

  it('comes after the cards and before the provenance, and is absent without a file', () => {
    const ids = reportSections(data).map((s) => s.id);
    expect(ids.indexOf('sensitivity')).toBe(ids.indexOf('cards') + 1);
    expect(reportSections(prepareReport(fixtureTable(), { lang: 'zh', toolVersion: '9.9.9' })).map((s) => s.id)).not.toContain('sensitivity');
  });

  it('draws one error bar per region with an interval (四川 has none), a median dot and a nominal diamond each', () => {
    const body = sensitivitySection(data)?.body ?? '';
    const count = (series: number) => body.match(new RegExp(`ecmeta_series_index="${series}"`, 'gu'))?.length ?? 0;
    expect(count(0)).toBe(3); // 5–95% bars
    expect(count(1)).toBe(3); // nominal diamonds
    expect(count(2)).toBe(3); // median dots
  });

  it('tabulates tier probabilities as percentages, one decimal', () => {
    const body = sensitivitySection(data)?.body ?? '';
    const table = body.slice(body.indexOf('<table class="tier-probabilities">'));
    const rows = [...table.matchAll(/<tr>(.*?)<\/tr>/gu)].map((m) => [...(m[1] ?? '').matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/gu)].map((c) => c[1]));
    expect(rows[0]).toEqual(['地区', '名义排名', '排名中位数', '5% 排名', '95% 排名', '名义等级', '引领型概率', '发展型概率']);
    // 上海: P(leading) 0.875 → 87.5%, P(developing) 1 − 0.875 = 0.125 → 12.5%.
    expect(rows[1]).toEqual(['上海 (310000)', '1', '1', '1', '2', '引领型', '87.5%', '12.5%']);
    // 北京: 0.125 → 12.5%, 0.875 → 87.5%.
    expect(rows[2]).toEqual(['北京 (110000)', '2', '2', '1', '3', '发展型', '12.5%', '87.5%']);
    // The probe name is escaped text; 0 → 0.0%, 1 → 100.0%.
    expect(rows[3]).toEqual(['&lt;img src=x onerror=alert(1)&gt; (X01)', '3', '3', '2', '3', '发展型', '0.0%', '100.0%']);
    // Unscored in every replication: empty cells, not zeros.
    expect(rows[4]).toEqual(['四川 (510000)', '', '', '', '', '', '', '']);
  });

  it('escapes the file path and every name from the file in the whole document', () => {
    const html = renderHtmlReport(data);
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<s>.json');
    expect(html).toContain('out/&lt;s&gt;.json');
  });

  it('speaks English with --lang en', () => {
    const en = sensitivitySection(prepareReport(fixtureTable(), { lang: 'en', toolVersion: '9.9.9', sensitivity }));
    expect(en?.title).toBe('Sensitivity');
    expect(en?.body).toContain('P(Leading)');
  });
});

describe('the sensitivity section (properties)', () => {
  const rank = fc.option(fc.integer({ min: 1, max: 40 }), { nil: null });
  const result = fc.record({ code: fc.string({ minLength: 1, maxLength: 6 }), name: fc.option(fc.string({ maxLength: 12 }), { nil: null }), p5: rank, spread: fc.nat(10), leading: fc.double({ min: 0, max: 1, noNaN: true }) });

  it('accepts what it could have been written as, and draws exactly one bar per region with an interval', () => {
    fc.assert(
      fc.property(fc.array(result, { maxLength: 12 }), (drawn) => {
        const results = drawn.map((r, i) => region(`${r.code}${i}`, r.name, '2022', r.p5, r.p5, r.p5 === null ? null : r.p5 + Math.floor(r.spread / 2), r.p5 === null ? null : r.p5 + r.spread, r.leading));
        const loaded = parseSensitivityResult(text(documentOf({ results })), 's.json', EXPECTED);
        expect(loaded.diagnostics).toEqual(results.length === 0 ? [expect.objectContaining({ code: 'report-sensitivity-other-period' })] : []);
        if (!loaded.sensitivity) return;
        const body = sensitivitySection(prepareReport(fixtureTable(), { lang: 'en', toolVersion: '9.9.9', sensitivity: loaded.sensitivity }))?.body ?? '';
        const bars = body.match(/ecmeta_series_index="0"/gu)?.length ?? 0;
        expect(bars).toBe(results.filter((r) => r.p5_rank !== null).length);
        // One table row per region of the period, whatever its name holds (all escaped).
        const table = body.slice(body.indexOf('<table'));
        expect(table.match(/<tr>/gu)?.length).toBe(results.length + 1);
        expect(table).not.toMatch(/<(?!\/?(?:table|thead|tbody|tr|th|td)\b)/u);
      }),
      { numRuns: 25 },
    );
  });
});
