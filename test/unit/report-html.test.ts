/**
 * The HTML report's pure parts on the hand-built fixture table (test/unit/results-format-fixture.ts:
 * 2022 — 上海 85 leading, 北京 80 and X01 63.33 developing, 四川 unscored; 2021 — 北京 85,
 * 上海 75, X01 24.25). Expected numbers are worked out in the comments. The browser checks are
 * in test/browser/html-report.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseMapBoundaries, lineColumnAt } from '../../src/load/map-boundaries.js';
import { resolveFramework } from '../../src/validate/resolve.js';
import type { TierRule } from '../../src/model/resolved.js';
import { chartLabels } from '../../src/report/html/chart-labels.js';
import { CONTENT_SECURITY_POLICY, renderHtmlReport, renumberChartIds, reportSections } from '../../src/report/html/document.js';
import { escapeHtml, safeColour } from '../../src/report/html/escape.js';
import { prepareReport } from '../../src/report/html/report-data.js';
import { strongestAndWeakest } from '../../src/report/html/sections/cards.js';
import { heatmapColumns } from '../../src/report/html/sections/heatmap.js';
import { featureCode, matchRegions } from '../../src/report/html/sections/map.js';
import { dimensionMeans } from '../../src/report/html/sections/profiles.js';
import { tierBoundaries } from '../../src/report/html/sections/ranking.js';
import { tierCounts } from '../../src/report/html/sections/summary.js';
import { boundsText, tierRuleText } from '../../src/report/html/tier-rule-words.js';
import { FRAMEWORK_INPUT, fixtureTable, INJECTION_NAME } from './results-format-fixture.js';

const data = (cards?: number) => prepareReport(fixtureTable(), { lang: 'zh', toolVersion: '9.9.9', ...(cards === undefined ? {} : { cards }) });

describe('escapeHtml and safeColour', () => {
  it('escapes the five characters that end content or an attribute', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml('上海 (310000)')).toBe('上海 (310000)');
  });

  it('accepts only #rrggbb colours from a framework', () => {
    expect(safeColour('#1f77b4', '#000000')).toBe('#1f77b4');
    expect(safeColour('red" onload="x', '#000000')).toBe('#000000');
    expect(safeColour('#fff', '#000000')).toBe('#000000');
    expect(safeColour(undefined, '#000000')).toBe('#000000');
  });
});

describe('tierRuleText', () => {
  const framework = resolveFramework(FRAMEWORK_INPUT);
  const rule = (r: TierRule, lang: 'zh' | 'en' = 'zh') => tierRuleText(r, framework, lang);

  it('reads bounds as inequalities', () => {
    expect(rule({ kind: 'rank', bounds: { max: 4 } })).toBe('排名 ≤ 4');
    expect(rule({ kind: 'score', bounds: { min: 60, max: 80 } }, 'en')).toBe('60 ≤ score ≤ 80');
    expect(rule({ kind: 'percentile', bounds: { min: 0.75 } }, 'en')).toBe('percentile ≥ 0.75');
    expect(boundsText('得分', 'score', {}, 'zh')).toBe('得分（不限）');
  });

  it('names dimensions and brackets nested combinations', () => {
    expect(rule({ kind: 'dimension', id: 'service', measure: 'rank', bounds: { max: 3 } })).toBe('「政务服务」排名 ≤ 3');
    expect(
      rule({ kind: 'any', rules: [{ kind: 'rank', bounds: { max: 13 } }, { kind: 'any_dimension', measure: 'rank', bounds: { max: 3 } }] }),
    ).toBe('排名 ≤ 13 或 任一维度排名 ≤ 3');
    expect(
      rule(
        { kind: 'all', rules: [{ kind: 'score', bounds: { min: 60 } }, { kind: 'any', rules: [{ kind: 'rank', bounds: { max: 2 } }, { kind: 'not', rule: { kind: 'otherwise' } }] }] },
        'en',
      ),
    ).toBe('score ≥ 60 and (rank ≤ 2 or not (all other regions))');
  });
});

describe('prepareReport', () => {
  it('reports the latest period in reporting order, with the previous period compared', () => {
    const d = data();
    expect(d.period).toBe('2022');
    // Rows: 上海 (0), 北京 (1), X01 (3), unscored 四川 (2) last.
    expect(d.rows).toEqual([0, 1, 3, 2]);
    expect(d.periods?.from).toBe('2021');
    expect(d.periods?.to).toBe('2022');
    expect(d.groups?.groups.map((g) => g.group)).toEqual(['east', 'west']);
    // The first six scored rows get profiles; the three scored rows get cards.
    expect(d.profileRows).toEqual([0, 1, 3]);
    expect(d.explanations.map((e) => e.region)).toEqual(['310000', '110000', 'X01']);
  });

  it('cuts the cards at --cards and takes --regions for the profiles', () => {
    const d = prepareReport(fixtureTable(), { lang: 'en', toolVersion: '1', cards: 1, profiles: ['X01'], period: '2021' });
    expect(d.explanations.map((e) => e.region)).toEqual(['110000']);
    expect(d.profileRows).toEqual([6]);
    // 2021 is the first period: nothing to compare it with.
    expect(d.periods).toBeUndefined();
  });

  it('refuses a period that is not in the table', () => {
    expect(() => prepareReport(fixtureTable(), { lang: 'en', toolVersion: '1', period: '1999' })).toThrow("no period '1999'");
  });
});

describe('section figures', () => {
  it('counts the period’s regions per tier, untiered last', () => {
    // 2022: 上海 leading; 北京, X01 developing; 四川 unscored.
    expect(tierCounts(data())).toEqual({ levels: [1, 2], untiered: 1 });
  });

  it('marks a boundary at the lowest score of every tier but the last', () => {
    // Leading's lowest 2022 score is 上海's 85; developing is the last tier present.
    expect(tierBoundaries(data(), [0, 1, 3])).toEqual([{ level: 0, score: 85 }]);
  });

  it('averages dimension scores, skipping missing ones', () => {
    const [org, service] = dimensionMeans(data(), [0, 1, 3, 2]);
    // organization: (90 + 70 + 60 + 40) / 4 = 65; service: 四川 missing, (80 + 90 + 200/3) / 3 = 78.888…
    expect(org).toBe(65);
    expect(service).toBeCloseTo((80 + 90 + 200 / 3) / 3, 12);
    expect(dimensionMeans(data(), [])).toEqual([NaN, NaN]);
  });

  it('finds the strongest and weakest group by rank, ties to the first in the framework', () => {
    // 北京 2022: organization 2, org_core 2, service 1.
    expect(strongestAndWeakest(data(), 1)).toEqual({ strongest: { id: 'service', rank: 1 }, weakest: { id: 'organization', rank: 2 } });
    // 四川 2022: organization 4, org_core 4, service missing.
    expect(strongestAndWeakest(data(), 2)).toEqual({ strongest: { id: 'organization', rank: 4 }, weakest: { id: 'organization', rank: 4 } });
  });

  it('lists heatmap columns as each dimension followed by its sub-groups', () => {
    const framework = resolveFramework(FRAMEWORK_INPUT);
    expect(heatmapColumns(framework.dimensions, false).map((g) => g.id)).toEqual(['organization', 'org_core', 'service']);
    expect(heatmapColumns(framework.dimensions, true).map((g) => g.id)).toEqual(['organization', 'service']);
  });

  it('labels regions in charts by name, adding the code where two share a name', () => {
    const table = fixtureTable({ name: ['上海', '上海', '四川', '', '上海', '北京', 'x'] });
    expect(chartLabels(table, [0, 1, 2, 3])).toEqual(['上海 (310000)', '上海 (110000)', '四川', 'X01']);
  });
});

describe('map boundaries', () => {
  it('takes a feature’s code from adcode, code, region, id … or the feature id', () => {
    expect(featureCode({ properties: { adcode: 110000, code: 'x' } })).toBe('110000');
    expect(featureCode({ properties: { code: 'A' } })).toBe('A');
    expect(featureCode({ properties: null, id: 7 } as never)).toBe('7');
    expect(featureCode({ properties: {} })).toBeUndefined();
  });

  it('matches regions by code and lists the unmatched', () => {
    const map = { path: 'm.geojson', geoJson: { type: 'FeatureCollection', features: [{ properties: { code: 'A' } }, { properties: { adcode: 'B' } }] } };
    const { matched, unmatched } = matchRegions(map, ['A', 'C', 'B']);
    expect([...matched]).toEqual(['A', 'B']);
    expect(unmatched).toEqual(['C']);
  });

  it('locates a JSON syntax error and names a wrong top level', () => {
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    const broken = parseMapBoundaries('{\n  "type": "FeatureCollection",\n  "features": [,]\n}', 'b.json');
    expect(broken.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['map-json-invalid', 3, 16]]);
    const array = parseMapBoundaries('[]', 'a.json');
    expect(array.diagnostics.map((d) => [d.code, d.args['found']])).toEqual([['map-not-feature-collection', 'an array']]);
    const ok = parseMapBoundaries('\uFEFF{"type":"FeatureCollection","features":[]}', 'ok.json');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.map?.geoJson.features).toEqual([]);
  });
});

describe('renderHtmlReport', () => {
  it('has the sections that have data, in order (no profiles with fewer than three dimensions)', () => {
    expect(reportSections(data()).map((s) => s.id)).toEqual(['summary', 'ranking', 'heatmap', 'groups', 'periods', 'cards']);
  });

  it('is one document with a CSP that forbids fetching, no script, and file text escaped', () => {
    const html = renderHtmlReport(data());
    expect(html.match(/<html/gu)).toHaveLength(1);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none';")).toBe(true);
    expect(html).not.toMatch(/<script/iu);
    expect(html).not.toContain(INJECTION_NAME);
    expect(html).toContain('=HYPERLINK(&quot;x&quot;)');
  });

  it('gives cards to the first --cards regions and summarises the rest', () => {
    const html = renderHtmlReport(data(1));
    expect(html.match(/<article class="card"/gu)).toHaveLength(1);
    const rest = html.match(/<table class="rest">[\s\S]*?<\/table>/u)?.[0] ?? '';
    // 北京, X01 and the unscored 四川 (its tier cell says so).
    expect(rest.match(/<tr>/gu)).toHaveLength(4);
    expect(rest).toContain('未评分');
  });

  it('is the same text when rendered twice in one process (chart ids renumbered)', () => {
    expect(renderHtmlReport(data())).toBe(renderHtmlReport(data()));
  });
});

describe('a framework without tiers', () => {
  it('shows no tier badge on cards and no tier column in the rest table', () => {
    const table = fixtureTable();
    const untiered = { ...table, framework: { ...table.framework, tiers: undefined }, tier: new Int32Array(table.tier.length).fill(-1) };
    const html = renderHtmlReport(prepareReport(untiered, { lang: 'en', toolVersion: '1', cards: 1 }));
    expect(html).not.toContain('class="badge');
    expect(html).toContain('The framework defines no tiers.');
    const rest = html.match(/<table class="rest">[\s\S]*?<\/table>/u)?.[0] ?? '';
    expect(rest).toContain('<th scope="col">Strongest</th>');
    expect(rest).not.toContain('>Tier<');
  });
});

describe('renumberChartIds', () => {
  it('renames each distinct ECharts id by first appearance, consistently', () => {
    const svg = '<style>.zr7-cls-30{}</style><g class="zr7-cls-30"></g><linearGradient id="zr7-g0"/><rect fill="url(#zr7-g0)" class="zr8-cls-30"/>';
    expect(renumberChartIds(svg)).toBe('<style>.ec1{}</style><g class="ec1"></g><linearGradient id="ec2"/><rect fill="url(#ec2)" class="ec3"/>');
  });
});
