/**
 * How data preparation shows in the result outputs (issue 10): per row, whether the unit was
 * screened out (with its coverage), which of its indicator values were treated and how many
 * were imputed; for the run, one summary line. Present only when the framework prepares, so
 * other frameworks' outputs are unchanged byte for byte.
 */
import type { Lang } from '../../model/i18n.js';
import type { PreparationReport } from '../../model/preparation.js';
import type { ScoreTable } from '../../model/score-table.js';

export interface RowPreparation {
  /** Coverage of a screened-out unit; undefined when it was scored. */
  readonly screenedCoverage: number | undefined;
  /** Ids of the indicators whose value winsorising changed, then `id (log)` for those the log fallback transformed. */
  readonly treated: readonly string[];
  /** Values imputed for this row. */
  readonly imputed: number;
}

/** Per-row preparation facts of `table`, or undefined when the framework prepares nothing. */
export function rowPreparation(table: ScoreTable): ((row: number) => RowPreparation) | undefined {
  const report = table.preparation;
  if (!report) return undefined;
  const { dataset, framework } = table;
  const key = (region: string, period: string): string => `${region}\u0000${period}`;
  const screened = new Map(report.screened.map((unit) => [key(unit.region, unit.period), unit.coverage]));
  const treated = new Map<string, string[]>();
  // The log fallback changes every value of its scope (a period, or all periods when pooled).
  const logged = report.treatments.filter((t) => t.method === 'log');
  for (const record of report.treatments) {
    for (const point of record.changed) {
      const k = key(point.region, point.period);
      const list = treated.get(k) ?? [];
      if (!list.includes(record.indicator)) list.push(record.indicator);
      treated.set(k, list);
    }
  }
  const imputedColumns = framework.indicators.map((i) => table.indicators.get(i.id)?.imputed);
  return (row) => {
    const k = key(dataset.region[row] ?? '', dataset.period[row] ?? '');
    const coverage = screened.get(k);
    let imputed = 0;
    // A screened unit's imputations fed nobody's score; they are not counted against it.
    if (coverage === undefined) for (const column of imputedColumns) if (column?.[row] === 1) imputed++;
    const period = dataset.period[row] ?? '';
    const loggedHere = coverage === undefined ? logged.filter((t) => t.period === null || t.period === period).map((t) => `${t.indicator} (log)`) : [];
    return { screenedCoverage: coverage, treated: [...(treated.get(k) ?? []), ...loggedHere], imputed };
  };
}

export const PREPARATION_HEADER: Readonly<Record<Lang, string>> = { zh: '数据预处理', en: 'Preparation' };

/** A percentage with one decimal: 0.857 → `85.7%`. */
export function percentText(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

/** The table cell: `screened out (coverage 85.7%)`, or `treated: Flights, Gas; imputed: 2`, or ''. */
export function preparationNote(facts: RowPreparation, lang: Lang): string {
  if (facts.screenedCoverage !== undefined) {
    return lang === 'zh' ? `已筛除（覆盖率 ${percentText(facts.screenedCoverage)}）` : `screened out (coverage ${percentText(facts.screenedCoverage)})`;
  }
  const parts: string[] = [];
  if (facts.treated.length > 0) parts.push(lang === 'zh' ? `异常值处理：${facts.treated.join('、')}` : `treated: ${facts.treated.join(', ')}`);
  if (facts.imputed > 0) parts.push(lang === 'zh' ? `插补 ${facts.imputed} 项` : `imputed: ${facts.imputed}`);
  return parts.join(lang === 'zh' ? '；' : '; ');
}

/** The one stderr line a scoring run with preparation ends with. */
export function preparationSummary(report: PreparationReport, lang: Lang): string {
  const winsorised = report.treatments.filter((t) => t.method === 'winsorise');
  const logged = report.treatments.filter((t) => t.method === 'log');
  const points = winsorised.reduce((sum, t) => sum + t.points, 0);
  const indicators = new Set(winsorised.map((t) => t.indicator)).size;
  const loggedIndicators = new Set(logged.map((t) => t.indicator)).size;
  if (lang === 'zh') {
    return (
      `dgmi: 数据预处理：${report.denominated.length} 个指标除以分母，插补 ${report.imputed} 个值，` +
      `筛除 ${report.screened.length} 个地区，缩尾 ${points} 个点（${indicators} 个指标），${loggedIndicators} 个指标改用对数变换\n`
    );
  }
  return (
    `dgmi: preparation: ${report.denominated.length} indicator(s) denominated, ${report.imputed} value(s) imputed, ` +
    `${report.screened.length} unit(s) screened out, ${points} point(s) winsorised in ${indicators} indicator(s), ${loggedIndicators} indicator(s) log-transformed\n`
  );
}
