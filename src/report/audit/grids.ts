/**
 * The audit as two grids people read — indicators and groups — with localized headers and each
 * cell's text; the terminal table and the markdown table draw the same grids. Flags are words
 * in the last column, not colours, so they survive a paste.
 */
import { AUDIT_THRESHOLDS, type AuditReport, type GroupAudit, type IndicatorAudit } from '../../analyse/audit/audit.js';
import { pickText, type Lang } from '../../model/i18n.js';
import { printable } from '../printable.js';

export interface AuditColumn {
  readonly header: string;
  readonly align: 'left' | 'right';
}

export interface AuditGrid {
  readonly title: string;
  readonly columns: readonly AuditColumn[];
  readonly rows: readonly (readonly string[])[];
}

const NO_VALUE = '—';

function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : NO_VALUE;
}

function percent(x: number): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : NO_VALUE;
}

/** A value in a unit we do not know: up to 4 significant digits, no exponent for everyday sizes. */
function value(x: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return Math.abs(x) >= 1e6 || (x !== 0 && Math.abs(x) < 1e-3) ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}

const WORDS = {
  en: {
    indicators: 'Indicators',
    groups: 'Groups',
    indicator: 'Indicator',
    group: 'Group',
    coverage: 'Coverage',
    min: 'Min',
    max: 'Max',
    mean: 'Mean',
    sd: 'SD',
    skew: 'Skew',
    kurtosis: 'Kurtosis',
    outlier: 'Outlier rule',
    rParent: 'r (parent)',
    rIndex: 'r (index)',
    children: 'Children',
    alpha: "Cronbach's α",
    pc1: 'PC1 share',
    flags: 'Flags',
    passes: 'passes',
    winsorise: (n: number) => `winsorise ${n}`,
    log: 'log',
    preview: ' (not set: preview)',
    negative: 'negative r',
    weak: 'r ≈ 0',
    lowAlpha: 'α < 0.7',
    redundant: (pairs: string) => `redundant: ${pairs}`,
    heading: (framework: string, period: string, n: number) => `Audit of ${framework}${period === '' ? '' : `, period ${period}`} — ${n} scored unit(s)`,
  },
  zh: {
    indicators: '指标',
    groups: '分组',
    indicator: '指标',
    group: '分组',
    coverage: '覆盖率',
    min: '最小值',
    max: '最大值',
    mean: '均值',
    sd: '标准差',
    skew: '偏度',
    kurtosis: '峰度',
    outlier: '异常值规则',
    rParent: 'r（上级）',
    rIndex: 'r（总指数）',
    children: '下级项',
    alpha: 'Cronbach α',
    pc1: '第一主成分占比',
    flags: '提示',
    passes: '通过',
    winsorise: (n: number) => `缩尾 ${n} 个点`,
    log: '对数变换',
    preview: '（未设置：预览）',
    negative: '负相关',
    weak: 'r ≈ 0',
    lowAlpha: 'α < 0.7',
    redundant: (pairs: string) => `冗余：${pairs}`,
    heading: (framework: string, period: string, n: number) => `${framework} 审计${period === '' ? '' : `（时期 ${period}）`}——${n} 个已评分地区`,
  },
} as const;

export function auditHeading(report: AuditReport, lang: Lang): string {
  return printable(WORDS[lang].heading(report.framework, report.period, report.scoredUnits));
}

function correlationFlag(r: number, lang: Lang): string | undefined {
  if (!Number.isFinite(r)) return undefined;
  if (r <= AUDIT_THRESHOLDS.negativeCorrelation) return WORDS[lang].negative;
  if (Math.abs(r) < AUDIT_THRESHOLDS.weakCorrelation) return WORDS[lang].weak;
  return undefined;
}

function outlierText(audit: IndicatorAudit, lang: Lang): string {
  const w = WORDS[lang];
  const { outlier } = audit;
  const what = outlier.method === 'none' ? w.passes : outlier.method === 'log' ? w.log : w.winsorise(outlier.points);
  return outlier.fires && !outlier.isConfigured ? `${what}${w.preview}` : what;
}

function indicatorRow(audit: IndicatorAudit, lang: Lang): string[] {
  const flags = [correlationFlag(audit.withParent, lang), correlationFlag(audit.withIndex, lang)].filter((f): f is string => f !== undefined);
  return [
    printable(`${pickText(audit.name, lang, audit.id)} (${audit.id})`),
    percent(audit.coverage),
    value(audit.min),
    value(audit.max),
    value(audit.mean),
    value(audit.sd),
    fixed(audit.skew, 2),
    fixed(audit.kurtosis, 2),
    printable(outlierText(audit, lang)),
    fixed(audit.withParent, 2),
    fixed(audit.withIndex, 2),
    [...new Set(flags)].join(lang === 'zh' ? '；' : '; '),
  ];
}

function groupRow(group: GroupAudit, lang: Lang): string[] {
  const w = WORDS[lang];
  const flags: string[] = [];
  if (group.alpha < AUDIT_THRESHOLDS.lowAlpha) flags.push(w.lowAlpha);
  if (group.redundantPairs.length > 0) flags.push(w.redundant(group.redundantPairs.map((p) => `${p.a}–${p.b} (${p.r.toFixed(2)})`).join(', ')));
  return [
    printable(`${pickText(group.name, lang, group.id)} (${group.id})`),
    String(group.children.length),
    fixed(group.alpha, 2),
    percent(group.firstComponentShare),
    fixed(group.withIndex, 2),
    printable(flags.join(lang === 'zh' ? '；' : '; ')),
  ];
}

/** The indicators grid, then the groups grid. */
export function auditGrids(report: AuditReport, lang: Lang): AuditGrid[] {
  const w = WORDS[lang];
  const right = (header: string): AuditColumn => ({ header, align: 'right' });
  const left = (header: string): AuditColumn => ({ header, align: 'left' });
  return [
    {
      title: w.indicators,
      columns: [left(w.indicator), right(w.coverage), right(w.min), right(w.max), right(w.mean), right(w.sd), right(w.skew), right(w.kurtosis), left(w.outlier), right(w.rParent), right(w.rIndex), left(w.flags)],
      rows: report.indicators.map((a) => indicatorRow(a, lang)),
    },
    {
      title: w.groups,
      columns: [left(w.group), right(w.children), right(w.alpha), right(w.pc1), right(w.rIndex), left(w.flags)],
      rows: report.groups.map((g) => groupRow(g, lang)),
    },
  ];
}
