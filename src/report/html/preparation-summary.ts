/**
 * What data preparation did, in the report's summary (issue 13 with issue 10's preparation):
 * for the reported period, how many indicators were divided by a denominator, how many values
 * winsorising changed (in how many indicators) and which indicators fell back to a log
 * transform, how many values a missing-value policy imputed, and which units screening left
 * unscored, with their coverage. Empty for a framework that prepares nothing, so other reports
 * are unchanged.
 */
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { TreatmentRecord } from '../../model/preparation.js';
import { percentText, rowPreparation } from '../results/preparation.js';
import { regionLabel } from '../results/labels.js';
import { escapeHtml } from './escape.js';
import { htmlTable } from './html-table.js';
import type { ReportData } from './report-data.js';

/** The preparation figures of the reported period. */
export interface PreparationCounts {
  readonly denominated: readonly string[];
  /** Values winsorising changed, and the indicators they belong to. */
  readonly treatedPoints: number;
  readonly treatedIndicators: readonly string[];
  /** Indicators the log fallback transformed (every value of the period). */
  readonly loggedIndicators: readonly string[];
  /** Values imputed among the period's scored units. */
  readonly imputed: number;
  readonly minCoverage: number | undefined;
  /** Units screening left unscored in the period, in data order, with their coverage. */
  readonly screened: readonly { readonly region: string; readonly name: string; readonly coverage: number }[];
  /** The period's treatment records that changed something (winsorise or log). */
  readonly treatments: readonly TreatmentRecord[];
}

const inScope = (t: TreatmentRecord, period: string): boolean => t.period === null || t.period === period;

/** The figures, or undefined when the framework prepares nothing. */
export function preparationCounts(data: ReportData): PreparationCounts | undefined {
  const { table } = data;
  const report = table.preparation;
  const facts = rowPreparation(table);
  if (!report || !facts) return undefined;
  const treatments = report.treatments.filter((t) => inScope(t, data.period) && t.method !== 'none');
  const winsorised = treatments.filter((t) => t.method === 'winsorise');
  const names = new Map<string, string>();
  for (const row of data.rows) names.set(table.dataset.region[row] ?? '', table.dataset.name[row] ?? '');
  return {
    denominated: report.denominated,
    treatedPoints: winsorised.reduce((sum, t) => sum + t.changed.length, 0),
    treatedIndicators: [...new Set(winsorised.map((t) => t.indicator))],
    loggedIndicators: [...new Set(treatments.filter((t) => t.method === 'log').map((t) => t.indicator))],
    imputed: data.rows.reduce((sum, row) => sum + facts(row).imputed, 0),
    minCoverage: report.minCoverage,
    screened: report.screened.filter((u) => u.period === data.period).map((u) => ({ region: u.region, name: names.get(u.region) ?? '', coverage: u.coverage })),
    treatments,
  };
}

const WORDS = {
  zh: {
    heading: '数据预处理',
    step: '步骤',
    result: '结果',
    denominated: '分母换算',
    treated: '异常值缩尾',
    logged: '对数变换',
    imputed: '缺失值插补',
    screened: '覆盖率筛除',
    list: (ids: string) => (ids === '' ? '' : `：${ids}`),
    indicators: (n: number, ids: string) => `${n} 个指标${ids}`,
    points: (points: number, n: number, ids: string) => `${points} 个值（${n} 个指标${ids}）`,
    values: (n: number) => `${n} 个值`,
    units: (n: number, min: string) => `${n} 个地区（覆盖率低于 ${min}，不评分，也不参与其他地区的标准化）`,
    region: '地区',
    coverage: '覆盖率',
    indicator: '指标',
    method: '处理',
    count: '值数',
    skew: '偏度 前 → 后',
    kurtosis: '峰度 前 → 后',
    winsorise: '缩尾',
    log: '对数',
  },
  en: {
    heading: 'Data preparation',
    step: 'Step',
    result: 'Result',
    denominated: 'Divided by a denominator',
    treated: 'Outliers winsorised',
    logged: 'Log-transformed',
    imputed: 'Missing values imputed',
    screened: 'Screened out for coverage',
    list: (ids: string) => (ids === '' ? '' : `: ${ids}`),
    indicators: (n: number, ids: string) => `${n} indicator(s)${ids}`,
    points: (points: number, n: number, ids: string) => `${points} value(s) in ${n} indicator(s)${ids}`,
    values: (n: number) => `${n} value(s)`,
    units: (n: number, min: string) => `${n} unit(s) below ${min} coverage: not scored, and left out of everyone else's normalisation`,
    region: 'Region',
    coverage: 'Coverage',
    indicator: 'Indicator',
    method: 'Treatment',
    count: 'Values',
    skew: 'Skew before → after',
    kurtosis: 'Kurtosis before → after',
    winsorise: 'winsorised',
    log: 'log',
  },
} as const;

const twoDecimals = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '—');

/** The summary's preparation block (heading, step table, treated indicators, screened units), or '' without preparation. */
export function preparationSummaryHtml(data: ReportData): string {
  const counts = preparationCounts(data);
  if (!counts) return '';
  const lang: Lang = data.lang;
  const w = WORDS[lang];
  const { framework } = data.table;
  const indicatorName = (id: string): string => pickText(framework.indicators.find((i) => i.id === id)?.name, lang, id);
  const names = (ids: readonly string[]): string => w.list(ids.map(indicatorName).join(lang === 'zh' ? '、' : ', '));
  const steps: [string, string][] = [
    [w.denominated, w.indicators(counts.denominated.length, names(counts.denominated))],
    [w.treated, w.points(counts.treatedPoints, counts.treatedIndicators.length, names(counts.treatedIndicators))],
    [w.logged, w.indicators(counts.loggedIndicators.length, names(counts.loggedIndicators))],
    [w.imputed, w.values(counts.imputed)],
    ...(counts.minCoverage === undefined ? [] : [[w.screened, w.units(counts.screened.length, percentText(counts.minCoverage))] as [string, string]]),
  ];
  const parts = [
    `<h3>${escapeHtml(w.heading)}</h3>`,
    htmlTable([{ header: w.step }, { header: w.result }], steps.map(([step, result]) => [{ text: step }, { text: result }]), { className: 'preparation' }),
  ];
  if (counts.treatments.length > 0) {
    parts.push(
      htmlTable(
        [{ header: w.indicator }, { header: w.method }, { header: w.count, numeric: true }, { header: w.skew, numeric: true }, { header: w.kurtosis, numeric: true }],
        counts.treatments.map((t) => [
          { text: indicatorName(t.indicator) },
          { text: t.method === 'log' ? w.log : w.winsorise },
          { text: String(t.method === 'log' ? t.transformed : t.changed.length), numeric: true },
          { text: `${twoDecimals(t.skew)} → ${twoDecimals(t.skewAfter)}`, numeric: true },
          { text: `${twoDecimals(t.kurtosis)} → ${twoDecimals(t.kurtosisAfter)}`, numeric: true },
        ]),
        { className: 'treatments' },
      ),
    );
  }
  if (counts.screened.length > 0) {
    parts.push(
      htmlTable(
        [{ header: w.region }, { header: w.coverage, numeric: true }],
        counts.screened.map((u) => [{ text: regionLabel(u.region, u.name) }, { text: percentText(u.coverage), numeric: true }]),
        { className: 'screened', caption: w.screened },
      ),
    );
  }
  return parts.join('\n');
}
