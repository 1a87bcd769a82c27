/**
 * Section 8, sensitivity: only with `--sensitivity FILE.json` (from `dgmi sensitivity --format
 * json`). Per region of the reported period, its rank interval as an error bar — the 5–95% bar,
 * a dot at the median rank and a diamond at the nominal rank (the framework as written) — and a
 * table of its tier probabilities. Nothing here is estimated by the report: every figure is the
 * file's. Region names come from the file and reach the page only as escaped text.
 */
import type { EChartsOption } from 'echarts';
import type { Lang } from '../../../model/i18n.js';
import type { ResolvedFramework } from '../../../model/resolved.js';
import type { SensitivityRegionResult } from '../../../load/sensitivity-result.js';
import { printable } from '../../printable.js';
import { regionLabel } from '../../results/labels.js';
import { pickText } from '../../../model/i18n.js';
import { escapeHtml } from '../escape.js';
import { htmlTable, type HtmlCell } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { tierColour, tierColours } from '../tier-colours.js';
import { figure, type HtmlSection } from './section.js';

/** Regions drawn as error bars; the table below lists every one. A 2,850-bar chart would be unreadable and tens of megabytes. */
export const SENSITIVITY_CHART_LIMIT = 120;

const WORDS = {
  zh: {
    title: '敏感性分析',
    about: (path: string, method: string, runs: number, replications: number, seed: number) =>
      `来自 ${path}（dgmi sensitivity，方法 ${method}，${runs} 次运行、${replications} 次重复，随机种子 ${seed}）。`,
    bars: '横条：排名的 5%–95% 区间；圆点：排名中位数；菱形：名义排名（按指标体系原样计算）。',
    chartLimit: (shown: number, total: number) => `图中显示排名前 ${shown} 的地区（共 ${total} 个）；下表列出全部地区。`,
    region: '地区',
    nominal: '名义排名',
    median: '排名中位数',
    p5: '5% 排名',
    p95: '95% 排名',
    tier: '名义等级',
    probability: (tier: string) => `${tier}概率`,
    noTiers: '该指标体系未定义等级，无等级概率。',
  },
  en: {
    title: 'Sensitivity',
    about: (path: string, method: string, runs: number, replications: number, seed: number) =>
      `From ${path} (dgmi sensitivity, method ${method}, ${runs} runs, ${replications} replications, seed ${seed}).`,
    bars: 'Bar: 5–95% rank interval; dot: median rank; diamond: nominal rank (the framework as written).',
    chartLimit: (shown: number, total: number) => `The chart shows the top ${shown} of ${total} regions by nominal rank; the table lists all.`,
    region: 'Region',
    nominal: 'Nominal rank',
    median: 'Median rank',
    p5: '5% rank',
    p95: '95% rank',
    tier: 'Nominal tier',
    probability: (tier: string) => `P(${tier})`,
    noTiers: 'The framework defines no tiers: no tier probabilities.',
  },
} as const;

/** The file's results for the reported period, in the file's order (nominal rank, unscored last). */
export function sensitivityResultsOf(data: ReportData): SensitivityRegionResult[] {
  return (data.sensitivity?.document.results ?? []).filter((r) => (r.period ?? '') === data.period);
}

/** A rank interval drawable as an error bar: median and both percentiles known. */
function hasInterval(r: SensitivityRegionResult): r is SensitivityRegionResult & { median_rank: number; p5_rank: number; p95_rank: number } {
  return r.median_rank !== null && r.p5_rank !== null && r.p95_rank !== null;
}

function label(r: SensitivityRegionResult): string {
  return printable(r.name === null ? r.region : regionLabel(r.region, r.name));
}

function tierName(framework: ResolvedFramework, id: string, lang: Lang): string {
  const level = framework.tiers?.levels.find((l) => l.id === id);
  return level ? pickText(level.name, lang, id) : id;
}

function tierLevel(framework: ResolvedFramework, id: string | null): number {
  return id === null ? -1 : (framework.tiers?.levels.findIndex((l) => l.id === id) ?? -1);
}

/** Two decimals for ranks (medians of even counts are halves); '' for no value. */
const rankText = (x: number | null): string => (x === null ? '' : Number.isInteger(x) ? String(x) : x.toFixed(2));
const percent = (x: number | null | undefined): string => (x === null || x === undefined ? '' : `${(x * 100).toFixed(1)}%`);

function intervalChart(data: ReportData, results: readonly (SensitivityRegionResult & { median_rank: number; p5_rank: number; p95_rank: number })[]): string {
  const colours = tierColours(data.table.framework);
  const maxRank = Math.max(1, ...results.map((r) => Math.max(r.p95_rank, r.rank ?? 0)));
  // One rectangle per region, from its 5% to its 95% rank; at least 3 px wide so a certain rank still shows.
  const renderItem = (params: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[]; size: (p: number[]) => number[] }) => {
    const category = api.value(0);
    const [x0, y] = api.coord([api.value(1), category]) as [number, number];
    const [x1] = api.coord([api.value(2), category]) as [number, number];
    const height = Math.max(4, (api.size([0, 1])[1] ?? 12) * 0.45);
    const width = Math.max(3, x1 - x0);
    const style = { fill: colours.length > 0 ? tierColour(colours, tierLevel(data.table.framework, results[category]?.tier ?? null)) : '#0072b2', opacity: 0.55 };
    return { type: 'rect', shape: { x: x0 - (width - (x1 - x0)) / 2, y: y - height / 2, width, height }, style };
  };
  const option: EChartsOption = {
    grid: { left: 150, right: 30, top: 30, bottom: 30 },
    xAxis: { type: 'value', min: 1, max: maxRank, inverse: false, name: '', axisLabel: { fontSize: 10 } },
    yAxis: { type: 'category', data: results.map(label), inverse: true, axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 11 } },
    series: [
      { type: 'custom', renderItem: renderItem as never, encode: { x: [1, 2], y: 0 }, data: results.map((r, i) => [i, r.p5_rank, r.p95_rank]) },
      {
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 9,
        itemStyle: { color: '#ffffff', borderColor: '#222222', borderWidth: 1 },
        data: results.flatMap((r, i) => (r.rank === null ? [] : [[r.rank, i]])),
      },
      // The median dot last, so it sits on top of a nominal diamond at the same rank.
      { type: 'scatter', symbol: 'circle', symbolSize: 7, itemStyle: { color: '#222222' }, data: results.map((r, i) => [r.median_rank, i]) },
    ],
  };
  return renderSvg(option, { width: 900, height: Math.max(200, 60 + results.length * 20) });
}

function probabilityTable(data: ReportData, results: readonly SensitivityRegionResult[]): string {
  const words = WORDS[data.lang];
  const { framework } = data.table;
  const tiers = data.sensitivity?.document.tiers ?? [];
  const columns = [
    { header: words.region },
    { header: words.nominal, numeric: true },
    { header: words.median, numeric: true },
    { header: words.p5, numeric: true },
    { header: words.p95, numeric: true },
    { header: words.tier },
    ...tiers.map((t) => ({ header: words.probability(tierName(framework, t, data.lang)), numeric: true })),
  ];
  const rows: HtmlCell[][] = results.map((r) => [
    { text: label(r) },
    { text: rankText(r.rank), numeric: true },
    { text: rankText(r.median_rank), numeric: true },
    { text: rankText(r.p5_rank), numeric: true },
    { text: rankText(r.p95_rank), numeric: true },
    { text: r.tier === null ? '' : tierName(framework, r.tier, data.lang), tier: tierLevel(framework, r.tier) },
    ...tiers.map((t) => ({ text: percent(r.tier_probability[t]), numeric: true })),
  ]);
  return htmlTable(columns, rows, { className: 'tier-probabilities' });
}

/** The section, or undefined without a sensitivity file. */
export function sensitivitySection(data: ReportData): HtmlSection | undefined {
  const file = data.sensitivity;
  if (!file) return undefined;
  const words = WORDS[data.lang];
  const { method, runs, replications, seed, tiers } = file.document;
  const results = sensitivityResultsOf(data);
  const drawable = results.filter(hasInterval);
  const shown = drawable.slice(0, SENSITIVITY_CHART_LIMIT);
  const limitNote = drawable.length > shown.length ? ` ${words.chartLimit(shown.length, drawable.length)}` : '';
  const chart = shown.length > 0 ? figure('sensitivity', intervalChart(data, shown), escapeHtml(`${words.bars}${limitNote}`)) : '';
  const parts = [
    `<p class="muted">${escapeHtml(words.about(file.path, method, runs, replications, seed))}</p>`,
    chart,
    tiers.length === 0 ? `<p>${escapeHtml(words.noTiers)}</p>` : '',
    probabilityTable(data, results),
  ];
  return { id: 'sensitivity', title: words.title, body: parts.filter((p) => p !== '').join('\n') };
}
