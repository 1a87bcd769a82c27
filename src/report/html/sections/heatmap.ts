/**
 * Section 4, heatmap: regions (by rank) × dimensions and their second-level groups, coloured by
 * score. Above {@link GROUP_COLUMNS_LIMIT} regions only the dimensions are drawn, which keeps a
 * county-level report's SVG to a few megabytes.
 */
import type { EChartsOption } from 'echarts';
import { pickText } from '../../../model/i18n.js';
import type { ResolvedGroup } from '../../../model/resolved.js';
import { chartLabels, round2 } from '../chart-labels.js';
import { escapeHtml } from '../escape.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

export const GROUP_COLUMNS_LIMIT = 200;

/** The heatmap's columns: each dimension followed by its sub-groups (dimensions only when `dimensionsOnly`). */
export function heatmapColumns(dimensions: readonly ResolvedGroup[], dimensionsOnly: boolean): ResolvedGroup[] {
  return dimensions.flatMap((d) => [d, ...(dimensionsOnly ? [] : d.children.filter((c): c is ResolvedGroup => c.kind === 'group'))]);
}

export function heatmapSection(data: ReportData): HtmlSection | undefined {
  const words = REPORT_WORDS[data.lang];
  const { framework } = data.table;
  const rows = data.rows.filter((row) => !Number.isNaN(data.table.composite.score[row] ?? Number.NaN));
  if (rows.length === 0) return undefined;
  const dimensionsOnly = rows.length > GROUP_COLUMNS_LIMIT;
  const columns = heatmapColumns(framework.dimensions, dimensionsOnly);
  const cells: [number, number, number][] = [];
  columns.forEach((group, x) => {
    const scores = data.table.nodes.get(group.id)?.score;
    rows.forEach((row, y) => {
      const s = scores?.[row] ?? Number.NaN;
      if (!Number.isNaN(s)) cells.push([x, y, round2(s)]);
    });
  });
  const labelled = rows.length <= GROUP_COLUMNS_LIMIT;
  const option: EChartsOption = {
    grid: { left: labelled ? 110 : 20, right: 20, top: 120, bottom: 60 },
    xAxis: {
      type: 'category',
      position: 'top',
      data: columns.map((g) => pickText(g.name, data.lang, g.id)),
      axisLabel: { rotate: 50, interval: 0, fontSize: 10 },
      splitArea: { show: false },
    },
    yAxis: { type: 'category', inverse: true, data: chartLabels(data.table, rows), axisLabel: { show: labelled, interval: 0, fontSize: 10 } },
    visualMap: {
      min: 0,
      max: framework.scale,
      calculable: false,
      text: [String(framework.scale), '0'],
      orient: 'horizontal',
      left: 'center',
      bottom: 5,
      itemHeight: 200,
      inRange: { color: ['#f7fbff', '#6baed6', '#08306b'] },
    },
    series: [{ type: 'heatmap', data: cells, itemStyle: { borderColor: '#ffffff', borderWidth: labelled ? 1 : 0 } }],
  };
  const height = 180 + rows.length * (labelled ? 18 : 3);
  const svg = renderSvg(option, { width: Math.max(520, 140 + columns.length * 42), height });
  const notes = [words.heatmapNote, ...(dimensionsOnly ? [words.heatmapDimensionsOnly(GROUP_COLUMNS_LIMIT)] : [])];
  return { id: 'heatmap', title: words.heatmap, body: `<p class="muted">${escapeHtml(notes.join(' '))}</p>\n${figure('heatmap', svg)}` };
}
