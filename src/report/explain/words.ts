/**
 * Every word a person reads in an explanation, in both languages, and how values are written:
 * raw indicator values in their unit (levels by name, 是/否, percentages), changes with a sign,
 * weights as percentages. Machine formats (JSON, CSV) use ids and plain numbers instead.
 */
import { cellSpecOf } from '../../load/cells.js';
import type { Lang } from '../../model/i18n.js';
import type { ResolvedIndicator } from '../../model/resolved.js';
import { NO_VALUE } from '../results/labels.js';

export interface ExplainWords {
  readonly measure: { readonly score: string; readonly rank: string; readonly percentile: string };
  readonly unit: { readonly points: string; readonly places: string; readonly share: string };
  readonly score: string;
  readonly rank: string;
  readonly tier: string;
  readonly of: (rank: string, count: number) => string;
  readonly and: string;
  readonly or: string;
  readonly not: string;
  readonly otherwise: string;
  readonly bestDimension: string;
  readonly short: (distance: string, unit: string) => string;
  readonly dimension: string;
  readonly contribution: string;
  readonly indicator: string;
  readonly direction: string;
  readonly higher: string;
  readonly lower: string;
  readonly current: string;
  readonly effectiveWeight: string;
  readonly pointsPerUnit: string;
  readonly needed: string;
  readonly change: string;
  readonly scoreThen: string;
  readonly rankThen: string;
  readonly tierThen: string;
  readonly notAlone: string;
  readonly noBetterLevel: string;
  readonly atMost: string;
  readonly imputed: string;
  readonly yes: string;
  readonly no: string;
  readonly percentagePoints: string;
}

export const EXPLAIN_WORDS: Readonly<Record<Lang, ExplainWords>> = {
  zh: {
    measure: { score: '得分', rank: '排名', percentile: '百分位' },
    unit: { points: '分', places: '位', share: '' },
    score: '得分',
    rank: '排名',
    tier: '等级',
    of: (rank, count) => `${rank}/${count}`,
    and: '且',
    or: '或',
    not: '非',
    otherwise: '其余情形',
    bestDimension: '最接近的维度',
    short: (distance, unit) => `差 ${distance}${unit ? ` ${unit}` : ''}`,
    dimension: '维度',
    contribution: '贡献（分）',
    indicator: '指标',
    direction: '方向',
    higher: '越高越好',
    lower: '越低越好',
    current: '现值',
    effectiveWeight: '有效权重',
    pointsPerUnit: '每标准化分得分',
    needed: '单独需达到',
    change: '变化',
    scoreThen: '届时得分',
    rankThen: '届时排名',
    tierThen: '届时等级',
    notAlone: '单独无法达到',
    noBetterLevel: '更高档位均不足',
    atMost: '最高',
    imputed: '（插补）',
    yes: '是',
    no: '否',
    percentagePoints: '个百分点',
  },
  en: {
    measure: { score: 'score', rank: 'rank', percentile: 'percentile' },
    unit: { points: 'points', places: 'places', share: '' },
    score: 'Score',
    rank: 'Rank',
    tier: 'Tier',
    of: (rank, count) => `${rank} of ${count}`,
    and: 'and',
    or: 'or',
    not: 'not',
    otherwise: 'otherwise',
    bestDimension: 'nearest dimension',
    short: (distance, unit) => `${distance}${unit ? ` ${unit}` : ''} short`,
    dimension: 'Dimension',
    contribution: 'Points',
    indicator: 'Indicator',
    direction: 'Better',
    higher: 'higher',
    lower: 'lower',
    current: 'Current',
    effectiveWeight: 'Eff. weight',
    pointsPerUnit: 'Points per norm. point',
    needed: 'Needed on its own',
    change: 'Change',
    scoreThen: 'Score then',
    rankThen: 'Rank then',
    tierThen: 'Tier then',
    notAlone: 'not reachable alone',
    noBetterLevel: 'no better level suffices',
    atMost: 'at most',
    imputed: ' (imputed)',
    yes: 'yes',
    no: 'no',
    percentagePoints: 'pp',
  },
};

/** Units whose values are counts or codes, written without a unit after the number. */
const UNITLESS = new Set(['', 'count', 'level', 'levels', 'number']);

/** The level name of `value`, when the indicator has levels and one has that value. */
export function levelName(indicator: ResolvedIndicator, value: number): string | undefined {
  if (!indicator.levels) return undefined;
  return Object.entries(indicator.levels).find(([, v]) => v === value)?.[0];
}

/** A raw indicator value as the region would write it: `70.5%`, `全面推行`, `是`, `24898`, `3.2 天`. */
export function formatRaw(indicator: ResolvedIndicator, value: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const level = levelName(indicator, value);
  if (level !== undefined) return level;
  // Written back the way the loader reads the indicator's cells (percent, boolean, …).
  const { kind } = cellSpecOf(indicator);
  const words = EXPLAIN_WORDS[lang];
  if (kind === 'boolean' && (value === 0 || value === 1)) return value === 1 ? words.yes : words.no;
  const number = value.toFixed(decimals);
  if (kind === 'percent') return `${number}%`;
  return UNITLESS.has((indicator.unit ?? '').trim().toLowerCase()) ? number : `${number} ${indicator.unit ?? ''}`;
}

/** A change with its sign (`+231`, `−0.8 pp`); levels and booleans as steps. */
export function formatChange(indicator: ResolvedIndicator, change: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(change)) return NO_VALUE;
  const sign = change > 0 ? '+' : change < 0 ? '−' : '';
  const number = `${sign}${Math.abs(change).toFixed(decimals)}`;
  return cellSpecOf(indicator).kind === 'percent' ? `${number} ${EXPLAIN_WORDS[lang].percentagePoints}` : number;
}

/** A score or score change to two decimals (`+2.33`), `—` for no value. */
export function formatPoints(x: number, signed = false): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  const sign = signed && x > 0 ? '+' : x < 0 ? '−' : '';
  return `${sign}${Math.abs(x).toFixed(2)}`;
}

/** A rank or count as a whole number, `—` for no value. */
export function formatRank(x: number): string {
  return Number.isFinite(x) ? String(x) : NO_VALUE;
}

/** An effective weight as a share of the composite: `4.38%`. */
export function formatWeight(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(2)}%` : NO_VALUE;
}

/** Composite points per normalised point, to four decimals. */
export function formatPerUnit(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : NO_VALUE;
}
