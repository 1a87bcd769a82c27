/**
 * Section 5, groups: the figures of `dgmi compare --by group` for the period — a chart of each
 * group's mean composite and dimension scores, then the same tables the command prints (means,
 * spread and CV, the Theil index split into between and within groups, tiers per group).
 */
import type { EChartsOption } from 'echarts';
import type { GroupComparison } from '../../../analyse/compare-groups.js';
import { pickText } from '../../../model/i18n.js';
import { compareDocument } from '../../compare/document.js';
import { regionGroupLabel } from '../../region-groups.js';
import { round2 } from '../chart-labels.js';
import { escapeHtml } from '../escape.js';
import { gridTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

const SERIES_COLOURS = ['#222222', '#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442'];

function groupsChart(c: GroupComparison, data: ReportData): string {
  const words = REPORT_WORDS[data.lang];
  const { framework } = c;
  const value = (x: number) => (Number.isNaN(x) ? 0 : round2(x));
  const series = [
    { name: words.score, data: c.groups.map((g) => value(g.composite.mean)) },
    ...framework.dimensions.map((d, i) => ({ name: pickText(d.name, data.lang, d.id), data: c.groups.map((g) => value(g.dimensions[i]?.summary.mean ?? Number.NaN)) })),
  ];
  const option: EChartsOption = {
    title: { text: words.groupMeans, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0, textStyle: { fontSize: 11 } },
    color: SERIES_COLOURS,
    grid: { left: 50, right: 20, top: 40, bottom: 70 },
    xAxis: { type: 'category', data: c.groups.map((g) => regionGroupLabel(g.group, data.lang)) },
    yAxis: { type: 'value', min: 0, max: framework.scale },
    series: series.map((s) => ({ type: 'bar' as const, name: s.name, data: s.data })),
  };
  return renderSvg(option, { width: 900, height: 360 });
}

export function groupsSection(data: ReportData): HtmlSection {
  const words = REPORT_WORDS[data.lang];
  const c = data.groups;
  if (!c) return { id: 'groups', title: words.groups, body: `<p class="muted">${escapeHtml(words.noGroups)}</p>` };
  const doc = compareDocument(c, data.lang, data.toolVersion);
  const parts = doc.sections.map((s) =>
    s.kind === 'grid' ? gridTable(s) : `<h3>${escapeHtml(s.title)}</h3>${s.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}`,
  );
  const notes = doc.notes.map((n) => `<p class="muted">${escapeHtml(n)}</p>`).join('');
  return { id: 'groups', title: words.groups, body: `${notes}\n${figure('groups', groupsChart(c, data))}\n${parts.join('\n')}` };
}
