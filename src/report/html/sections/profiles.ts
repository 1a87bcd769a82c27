/**
 * Section 3, profiles: per region a radar of its dimension scores against the mean of every
 * scored region of the period and the mean of its own tier. Small multiples for the first
 * regions by rank (or those named with `--regions`).
 */
import type { EChartsOption } from 'echarts';
import { pickText } from '../../../model/i18n.js';
import { tierLabel } from '../../results/labels.js';
import { chartLabels, round2 } from '../chart-labels.js';
import { escapeHtml } from '../escape.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { tierColour, tierColours } from '../tier-colours.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

/** Mean of each dimension over `rows`, skipping missing values (NaN when none is present). */
export function dimensionMeans(data: ReportData, rows: readonly number[]): number[] {
  return data.table.framework.dimensions.map((d) => {
    const scores = data.table.nodes.get(d.id)?.score;
    let sum = 0;
    let n = 0;
    for (const row of rows) {
      const x = scores?.[row] ?? Number.NaN;
      if (!Number.isNaN(x)) {
        sum += x;
        n++;
      }
    }
    return n === 0 ? Number.NaN : sum / n;
  });
}

const MEAN_COLOUR = '#555555';
const TIER_MEAN_COLOUR = '#c7a000';

function radar(data: ReportData, row: number, label: string, allMean: readonly number[], tierMean: readonly number[] | undefined): string {
  const { framework } = data.table;
  const words = REPORT_WORDS[data.lang];
  const level = data.table.tier[row] ?? -1;
  const own = framework.dimensions.map((d) => data.table.nodes.get(d.id)?.score[row] ?? Number.NaN);
  const asData = (xs: readonly number[]) => xs.map((x) => (Number.isNaN(x) ? 0 : round2(x)));
  const series = [
    { value: asData(own), name: label, itemStyle: { color: tierColour(tierColours(framework), level) }, areaStyle: { opacity: 0.25 } },
    { value: asData(allMean), name: words.mean, itemStyle: { color: MEAN_COLOUR }, lineStyle: { type: 'dashed' as const } },
    ...(tierMean && level >= 0
      ? [{ value: asData(tierMean), name: words.tierMean(tierLabel(framework, level, data.lang)), itemStyle: { color: TIER_MEAN_COLOUR }, lineStyle: { type: 'dotted' as const } }]
      : []),
  ];
  const option: EChartsOption = {
    title: { text: label, left: 'center', top: 4, textStyle: { fontSize: 14 } },
    legend: { bottom: 0, itemWidth: 14, textStyle: { fontSize: 10 } },
    radar: {
      indicator: framework.dimensions.map((d) => ({ name: pickText(d.name, data.lang, d.id), max: framework.scale, min: 0 })),
      radius: '55%',
      center: ['50%', '50%'],
      axisName: { fontSize: 10, color: '#333333' },
    },
    series: [{ type: 'radar', symbolSize: 3, data: series }],
  };
  return renderSvg(option, { width: 320, height: 300 });
}

export function profilesSection(data: ReportData): HtmlSection | undefined {
  const words = REPORT_WORDS[data.lang];
  if (data.table.framework.dimensions.length < 3 || data.profileRows.length === 0) return undefined;
  const scored = data.rows.filter((row) => !Number.isNaN(data.table.composite.score[row] ?? Number.NaN));
  const allMean = dimensionMeans(data, scored);
  const tierMeans = new Map<number, number[]>();
  const labels = chartLabels(data.table, data.profileRows);
  const charts = data.profileRows.map((row, i) => {
    const level = data.table.tier[row] ?? -1;
    if (level >= 0 && !tierMeans.has(level)) tierMeans.set(level, dimensionMeans(data, scored.filter((r) => data.table.tier[r] === level)));
    return figure('profile', radar(data, row, labels[i] ?? '', allMean, tierMeans.get(level)));
  });
  const note = `<p class="muted">${escapeHtml(words.profilesNote(data.profileRows.length, data.rows.length))}</p>`;
  return { id: 'profiles', title: words.profiles, body: `${note}\n<div class="multiples">${charts.join('\n')}</div>` };
}
