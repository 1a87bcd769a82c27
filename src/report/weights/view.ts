/**
 * What every `dgmi weights` format shows, worked out once: the weight records of a run in
 * framework order (the dimensions first, then every group in pre-order, periods ascending),
 * with the words a person reads in either language. Machine formats use the ids.
 */
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ResolvedFramework } from '../../model/resolved.js';
import type { GroupWeights } from '../../weights/record.js';
import type { FormatOptions, Formatter } from '../formatter.js';

/** The subject of `dgmi weights`: the framework and the weights a scoring run used. */
export interface WeightsReport {
  readonly framework: ResolvedFramework;
  readonly weights: readonly GroupWeights[];
}

export type WeightsFormatter = Formatter<WeightsReport, FormatOptions>;

const METHOD_LABELS: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  zh: { fixed: '固定权重', entropy: '熵权法', critic: 'CRITIC 法', cv: '变异系数法', pca: '主成分分析法', ahp: '层次分析法', combine: '组合赋权' },
  en: { fixed: 'fixed', entropy: 'entropy', critic: 'CRITIC', cv: 'coefficient of variation', pca: 'PCA', ahp: 'AHP', combine: 'combined' },
};

export const WEIGHTS_HEADERS: Readonly<Record<Lang, Readonly<Record<'group' | 'period' | 'method' | 'child' | 'weight' | 'note', string>>>> = {
  zh: { group: '分组', period: '时期', method: '方法', child: '子项', weight: '权重', note: '说明' },
  en: { group: 'Group', period: 'Period', method: 'Method', child: 'Child', weight: 'Weight', note: 'Note' },
};

export function methodLabel(method: string, lang: Lang): string {
  return METHOD_LABELS[lang][method] ?? method;
}

/** `2022`, or "all periods" for weights that hold for every period. */
export function periodLabel(period: string | null, lang: Lang): string {
  if (period === null) return lang === 'zh' ? '全部时期' : 'all periods';
  return period === '' ? '—' : period;
}

/** A node's name in `lang` with its id: `组织机构 (organization)`. */
export function nodeLabel(framework: ResolvedFramework, id: string, isTop: boolean, lang: Lang): string {
  const name = isTop ? pickText(framework.name, lang, id) : pickText(framework.nodeById.get(id)?.name, lang, id);
  return name === id ? id : `${name} (${id})`;
}

/** Why a record holds the fixed weights though another method was asked for. */
export function fallbackNote(record: GroupWeights, lang: Lang): string {
  const reasons = [record.fallback, ...(record.components ?? []).map((c) => c.fallback)].filter((r) => r !== undefined);
  if (reasons.length === 0) return '';
  return lang === 'zh' ? `无法按数据计算，使用固定权重（${reasons.join('，')}）` : `fixed weights used (${reasons.join(', ')})`;
}

/** The records in framework order: the dimensions' weights first, then each group in pre-order; periods ascending (all-period records first). */
export function orderedWeights(report: WeightsReport): GroupWeights[] {
  const position = new Map(report.framework.groups.map((g, i) => [g.id, i] as const));
  const rankOf = (w: GroupWeights) => (w.isTop ? -1 : (position.get(w.group) ?? Number.MAX_SAFE_INTEGER));
  return [...report.weights].sort(
    (a, b) => rankOf(a) - rankOf(b) || (a.period === null ? -1 : 0) - (b.period === null ? -1 : 0) || String(a.period).localeCompare(String(b.period), 'en'),
  );
}

/** A weight as people read it: 4 decimals. */
export function displayWeight(w: number): string {
  return Number.isFinite(w) ? w.toFixed(4) : '—';
}

/** λmax, CI, RI and CR as people read them (3 decimals for CR, as the 10 % rule is stated). */
export function ahpSummary(record: GroupWeights): string | undefined {
  const ahp = record.ahp;
  if (!ahp) return undefined;
  return `λmax = ${ahp.lambdaMax.toFixed(4)}, CI = ${ahp.ci.toFixed(4)}, RI = ${ahp.ri.toFixed(2)}, CR = ${ahp.cr.toFixed(3)}`;
}

/** Rows of the person-facing grids: group, period, method, child, weight, note. */
export function displayRows(report: WeightsReport, lang: Lang): string[][] {
  const rows: string[][] = [];
  for (const record of orderedWeights(report)) {
    const group = nodeLabel(report.framework, record.group, record.isTop, lang);
    const period = periodLabel(record.period, lang);
    const method = methodLabel(record.method, lang);
    const note = [fallbackNote(record, lang), ahpSummary(record) ?? ''].filter((s) => s !== '').join('; ');
    record.children.forEach((child, c) => {
      rows.push([c === 0 ? group : '', c === 0 ? period : '', c === 0 ? method : '', nodeLabel(report.framework, child, false, lang), displayWeight(record.weights[c]!), c === 0 ? note : '']);
    });
  }
  return rows;
}
