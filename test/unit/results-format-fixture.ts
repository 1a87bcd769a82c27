/**
 * A small score table built by hand for the result-formatter tests: two periods, four regions,
 * two dimensions (one with a sub-group), one unscored region, a region whose name is a
 * spreadsheet formula, Chinese names and a two-level tier set. The numbers are arithmetic
 * means of the two dimensions (weights 1:1), written out below so expected strings can be
 * checked by eye.
 */
import { makeDiagnostic } from '../../src/diagnostics/messages.js';
import type { FrameworkInput } from '../../src/model/framework.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../../src/model/score-table.js';
import { resolveFramework } from '../../src/validate/resolve.js';

export const FRAMEWORK_SHA256 = '0123456789abcdef'.repeat(4);

export const FRAMEWORK_INPUT: FrameworkInput = {
  format: 'dgmi/1',
  id: 'cn-dgdi',
  name: { zh: '中国数字政府发展指数', en: 'China Digital Government Development Index' },
  version: '2024',
  dimensions: [
    {
      id: 'organization',
      name: { zh: '组织机构', en: 'Organization' },
      groups: [{ id: 'org_core', name: { zh: '核心制度', en: 'Core' }, indicators: [{ id: 'cdo', name: { zh: '首席数据官', en: 'CDO' } }] }],
    },
    {
      id: 'service',
      name: { zh: '政务服务', en: 'Service' },
      indicators: [{ id: 'online_rate', name: { zh: '网办率', en: 'Online rate' } }],
    },
  ],
  tiers: {
    levels: [
      { id: 'leading', name: { zh: '引领型', en: 'Leading' }, rule: { rank: { max: 1 } } },
      { id: 'developing', name: { zh: '发展型', en: 'Developing' }, rule: 'otherwise' },
    ],
  },
};

export const INJECTION_NAME = '=HYPERLINK("x")';

/**
 * Dataset rows in read order (deliberately not reporting order):
 *
 * | row | period | region | name            | group | org   | service           | composite = (org + service) / 2 | rank | tier       |
 * |-----|--------|--------|-----------------|-------|-------|-------------------|----------------------------------|------|------------|
 * | 0   | 2022   | 310000 | 上海            | east  | 90    | 80                | 85                               | 1    | leading    |
 * | 1   | 2022   | 110000 | 北京            | east  | 70    | 90                | 80                               | 2    | developing |
 * | 2   | 2022   | 510000 | 四川            | west  | 40    | NaN (missing)     | NaN (unscored)                   | —    | —          |
 * | 3   | 2022   | X01    | =HYPERLINK("x") | ''    | 60    | 200/3 = 66.66666666666667 | 63.333333333333336       | 3    | developing |
 * | 4   | 2021   | 310000 | 上海            | east  | 80    | 70                | 75                               | 2    | developing |
 * | 5   | 2021   | 110000 | 北京            | east  | 90    | 80                | 85                               | 1    | leading    |
 * | 6   | 2021   | X01    | =HYPERLINK("x") | ''    | -1.5  | 50                | 24.25                            | 3    | developing |
 *
 * org_core is organization's only child, so its scores equal organization's. Contributions are
 * score × 0.5. Indicator cdo: value = org / 50 (a 0–2 level), normalised = org; online_rate:
 * value = service, normalised = service. 北京 2021's cdo was imputed.
 */
const PERIOD = ['2022', '2022', '2022', '2022', '2021', '2021', '2021'];
const REGION = ['310000', '110000', '510000', 'X01', '310000', '110000', 'X01'];
const NAME = ['上海', '北京', '四川', INJECTION_NAME, '上海', '北京', INJECTION_NAME];
const GROUP = ['east', 'east', 'west', '', 'east', 'east', ''];
const ORG = [90, 70, 40, 60, 80, 90, -1.5];
const SERVICE = [80, 90, NaN, 200 / 3, 70, 80, 50];
const COMPOSITE = [85, 80, NaN, 63.333333333333336, 75, 85, 24.25];
const RANK = [1, 2, NaN, 3, 2, 1, 3];
const TIER = [0, 1, -1, 1, 1, 0, 1];
/** 2021: 北京 (5), 上海 (4), X01 (6); 2022: 上海 (0), 北京 (1), X01 (3), unscored 四川 (2) last. */
const ORDER = [5, 4, 6, 0, 1, 3, 2];

export interface FixtureOverrides {
  readonly name?: readonly string[];
  readonly group?: readonly string[];
  readonly period?: readonly string[];
}

function nodeScores(score: readonly number[], rank: readonly number[]): NodeScores {
  return {
    score: Float64Array.from(score),
    rank: Float64Array.from(rank),
    percentile: Float64Array.from(rank, (r) => (Number.isNaN(r) ? NaN : 1 / r)),
    contribution: Float64Array.from(score, (s) => s * 0.5),
  };
}

function indicatorScores(value: readonly number[], normalised: readonly number[], imputed: readonly number[]): IndicatorScores {
  return {
    value: Float64Array.from(value),
    normalised: Float64Array.from(normalised),
    imputed: Uint8Array.from(imputed),
    effectiveWeight: new Float64Array(value.length).fill(0.5),
  };
}

/** The fixture table; `overrides` swap in other names, groups or periods for edge cases. */
export function fixtureTable(overrides: FixtureOverrides = {}): ScoreTable {
  const framework = resolveFramework(FRAMEWORK_INPUT, { file: 'indicators/cn-dgdi.yaml', sha256: FRAMEWORK_SHA256 });
  // Dimension ranks within each period, by score: org 2022 上海 90 > 北京 70 > X01 60 > 四川 40;
  // service 2022 北京 90 > 上海 80 > X01 66.67 (四川 missing); 2021 org 北京 > 上海 > X01, service likewise.
  const orgRank = [1, 2, 4, 3, 2, 1, 3];
  const serviceRank = [2, 1, NaN, 3, 2, 1, 3];
  const organization = nodeScores(ORG, orgRank);
  return {
    framework,
    dataset: {
      rowCount: REGION.length,
      region: REGION,
      name: overrides.name ?? NAME,
      group: overrides.group ?? GROUP,
      period: overrides.period ?? PERIOD,
      values: [Float64Array.from(ORG, (o) => o / 50), Float64Array.from(SERVICE)],
      sources: REGION.map((_, i) => ({ file: PERIOD[i] === '2022' ? 'samples/2022.csv' : 'samples/2021.csv', line: i + 2 })),
      inputs: [
        { path: 'samples/2021.csv', sha256: 'a'.repeat(64) },
        { path: 'samples/2022.csv', sha256: 'b'.repeat(64) },
      ],
    },
    periods: ['2021', '2022'],
    composite: nodeScores(COMPOSITE, RANK),
    nodes: new Map([
      ['organization', organization],
      ['org_core', organization],
      ['service', nodeScores(SERVICE, serviceRank)],
    ]),
    indicators: new Map([
      ['cdo', indicatorScores(ORG.map((o) => o / 50), ORG, [0, 0, 0, 0, 0, 1, 0])],
      ['online_rate', indicatorScores(SERVICE, SERVICE, [0, 0, 0, 0, 0, 0, 0])],
    ]),
    tier: Int32Array.from(TIER),
    order: Uint32Array.from(ORDER),
    diagnostics: [
      makeDiagnostic(
        'cell-not-a-number',
        { text: 'abc', columnLetter: 'E', header: 'online_rate' },
        { file: 'samples/2022.csv', line: 4, column: 5, path: ['online_rate'] },
      ),
    ],
  };
}

/**
 * Display width of a terminal line, written independently of cli-table3's string-width so it
 * can check it: ANSI colour codes take no room, East Asian wide and full-width characters take
 * two columns, everything else here (ASCII, box drawing, the em dash) one.
 */
export function displayWidth(line: string): number {
  const plain = line.replace(/\u001b\[[0-9;]*m/gu, '');
  let width = 0;
  for (const ch of plain) {
    const cp = ch.codePointAt(0) ?? 0;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0x303e) ||
      (cp >= 0x3041 && cp <= 0x33ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) ||
      (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xff01 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6);
    width += wide ? 2 : 1;
  }
  return width;
}

/**
 * The fixture's rows repeated to 12,000 (in reporting order), with 200 indicators: a table large
 * enough that writing it on threads is worth it, for the tests of when threads start.
 */
export function wideFixtureTable(): ScoreTable {
  const base = fixtureTable();
  const template = base.framework.indicators[0];
  if (!template) throw new Error('fixture has an indicator');
  return {
    ...base,
    framework: { ...base.framework, indicators: Array.from({ length: 200 }, (_, i) => ({ ...template, id: `i${i}` })) },
    // Reporting order keeps a period's rows together: 6,000 rows of 2021, then 6,000 of 2022.
    order: Uint32Array.from({ length: 12_000 }, (_, i) => (i < 6_000 ? [5, 4, 6][i % 3] : [0, 1, 3, 2][i % 4]) ?? 0),
  };
}
