/**
 * Section 2, ranking: the composite of every scored region as a bar coloured by its tier, a
 * dashed line at each tier's lowest score (where the next tier begins), and the full ranked
 * table. Up to {@link HORIZONTAL_LIMIT} regions the bars lie horizontally with their names; more
 * (a county-level report) stand as unlabelled columns, which the table below names.
 */
import type { EChartsOption } from 'echarts';
import { displayGrids } from '../../results/display.js';
import { tierLabel } from '../../results/labels.js';
import { chartLabels, round2 } from '../chart-labels.js';
import { escapeHtml } from '../escape.js';
import { htmlTable, type HtmlCell } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { tierColour, tierColours } from '../tier-colours.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

export const HORIZONTAL_LIMIT = 60;

/** Per tier present among `rows` (best first, not the last): its lowest composite, where a boundary line goes. */
export function tierBoundaries(data: ReportData, rows: readonly number[]): { level: number; score: number }[] {
  const lowest = new Map<number, number>();
  for (const row of rows) {
    const level = data.table.tier[row] ?? -1;
    const s = data.table.composite.score[row] ?? Number.NaN;
    if (level < 0 || Number.isNaN(s)) continue;
    lowest.set(level, Math.min(lowest.get(level) ?? Infinity, s));
  }
  const levels = [...lowest.keys()].sort((a, b) => a - b);
  return levels.slice(0, -1).map((level) => ({ level, score: lowest.get(level) ?? 0 }));
}

function rankingChart(data: ReportData, rows: readonly number[]): string {
  const { framework, composite, tier } = data.table;
  const colours = tierColours(framework);
  const labels = chartLabels(data.table, rows);
  const values = rows.map((row) => ({ value: round2(composite.score[row] ?? 0), itemStyle: { color: tierColour(colours, tier[row] ?? -1) } }));
  const horizontal = rows.length <= HORIZONTAL_LIMIT;
  const boundaries = tierBoundaries(data, rows).map((b) => ({
    ...(horizontal ? { xAxis: round2(b.score) } : { yAxis: round2(b.score) }),
    label: { formatter: tierLabel(framework, b.level, data.lang), position: horizontal ? ('end' as const) : ('insideEndTop' as const) },
    lineStyle: { color: tierColour(colours, b.level), type: 'dashed' as const, width: 1.5 },
  }));
  const categoryAxis = { type: 'category' as const, data: labels, inverse: horizontal, axisTick: { show: false }, axisLabel: { show: horizontal, interval: 0, fontSize: 11 } };
  const valueAxis = { type: 'value' as const, min: 0, max: framework.scale };
  const option: EChartsOption = {
    grid: { left: horizontal ? 110 : 40, right: 40, top: 30, bottom: 30 },
    xAxis: horizontal ? valueAxis : categoryAxis,
    yAxis: horizontal ? categoryAxis : valueAxis,
    series: [
      { type: 'bar', data: values, barCategoryGap: '25%', label: { show: horizontal, position: 'right', fontSize: 10, formatter: (p: { value: unknown }) => (typeof p.value === 'number' ? p.value.toFixed(2) : '') } },
      // The boundary lines ride on an empty series, so series 0 holds exactly one shape per bar.
      { type: 'line', data: [], markLine: { symbol: 'none', silent: true, data: boundaries } },
    ],
  };
  const height = horizontal ? Math.max(240, 60 + rows.length * 20) : 420;
  return renderSvg(option, { width: 900, height });
}

function legend(data: ReportData): string {
  const { framework } = data.table;
  const levels = framework.tiers?.levels ?? [];
  if (levels.length === 0) return '';
  const items = levels.map((_, i) => `<span class="swatch tier-${i}"></span>${escapeHtml(tierLabel(framework, i, data.lang))}`);
  return `<span class="legend">${items.join(' ')}</span> · ${escapeHtml(REPORT_WORDS[data.lang].tierBoundaries)} - - -`;
}

function rankedTable(data: ReportData): string {
  const grid = displayGrids(data.table, data.lang, { period: data.period })[0];
  if (!grid) return '';
  const numeric = grid.columns.map((c) => c.align === 'right');
  const rows: HtmlCell[][] = grid.rows.map((cells, r) =>
    cells.map((text, c) => ({ text, numeric: numeric[c], ...(c === grid.tierColumn ? { tier: grid.tierLevels[r] ?? -1 } : {}) })),
  );
  return htmlTable(grid.columns.map((c) => ({ header: c.header, numeric: c.align === 'right' })), rows, { className: 'ranked' });
}

export function rankingSection(data: ReportData): HtmlSection {
  const scored = data.rows.filter((row) => !Number.isNaN(data.table.composite.score[row] ?? Number.NaN));
  const chart = scored.length > 0 ? figure('ranking', rankingChart(data, scored), legend(data)) : '';
  return { id: 'ranking', title: REPORT_WORDS[data.lang].ranking, body: `${chart}\n${rankedTable(data)}` };
}
