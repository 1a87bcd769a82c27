/**
 * Section 6, periods (where the data has a period before the report's): the comparison
 * `dgmi compare --from <previous> --to <period>` makes — the pair scored with pooled
 * normalisation — as a slope chart of ranks, then its tables: every region's score, rank and
 * tier move, and the tier transition matrix.
 */
import type { EChartsOption } from 'echarts';
import type { PeriodComparison } from '../../../analyse/compare-periods.js';
import { compareDocument } from '../../compare/document.js';
import { printable } from '../../printable.js';
import { regionLabel } from '../../results/labels.js';
import { escapeHtml } from '../escape.js';
import { gridTable } from '../html-table.js';
import type { ReportData } from '../report-data.js';
import { renderSvg } from '../svg-chart.js';
import { tierColour, tierColours } from '../tier-colours.js';
import { REPORT_WORDS } from '../words.js';
import { figure, type HtmlSection } from './section.js';

/** Above this many regions a slope chart is a smear: the tables alone are shown. */
export const SLOPE_LIMIT = 80;

function slopeChart(c: PeriodComparison, data: ReportData): string {
  const colours = tierColours(c.framework);
  const moved = c.regions.filter((r) => Number.isFinite(r.from.rank) && Number.isFinite(r.to.rank));
  const count = Math.max(1, ...moved.map((r) => Math.max(r.from.rank, r.to.rank)));
  const series = moved.map((r) => {
    const name = printable(r.name === '' ? r.region : r.name);
    return {
      type: 'line' as const,
      name: regionLabel(r.region, r.name),
      data: [
        [0, r.from.rank],
        [1, r.to.rank],
      ],
      symbolSize: 5,
      lineStyle: { width: 1.5 },
      itemStyle: { color: tierColour(colours, r.to.tier) },
      label: { show: true, fontSize: 10, formatter: (p: { dataIndex: number }) => (p.dataIndex === 0 ? `${name} ${r.from.rank}` : `${r.to.rank} ${name}`), position: 'left' as const },
      labelLayout: { moveOverlap: 'shiftY' as const },
      endLabel: { show: false },
    };
  });
  const option: EChartsOption = {
    title: { text: REPORT_WORDS[data.lang].rankMoves(c.from, c.to), left: 'center', textStyle: { fontSize: 14 } },
    grid: { left: 160, right: 160, top: 40, bottom: 30 },
    xAxis: { type: 'value', min: 0, max: 1, show: false },
    yAxis: { type: 'value', inverse: true, min: 1, max: count, show: false },
    series: series.map((s) => ({
      ...s,
      data: s.data.map((point, i) => ({ value: point, label: { position: i === 0 ? ('left' as const) : ('right' as const) } })),
    })),
  };
  return renderSvg(option, { width: 700, height: Math.max(300, 70 + count * 18) });
}

export function periodsSection(data: ReportData): HtmlSection | undefined {
  const c = data.periods;
  if (!c) return undefined;
  const words = REPORT_WORDS[data.lang];
  const doc = compareDocument(c, data.lang, data.toolVersion);
  const chart = c.regions.length <= SLOPE_LIMIT ? figure('slope', slopeChart(c, data)) : '';
  const parts = doc.sections.map((s) =>
    s.kind === 'grid' ? gridTable(s, s === doc.sections[0] ? 'changes' : 'transitions') : `<p><strong>${escapeHtml(s.title)}</strong> ${s.lines.map(escapeHtml).join(' ')}</p>`,
  );
  const notes = doc.notes.map((n) => `<p class="muted">${escapeHtml(n)}</p>`).join('');
  return { id: 'periods', title: `${words.periods} ${c.from} → ${c.to}`, body: `${notes}\n${chart}\n${parts.join('\n')}` };
}
