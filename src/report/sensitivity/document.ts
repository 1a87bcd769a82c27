/**
 * A sensitivity result as a document people read — heading, notes, one grid per period, the
 * Sobol grid — shared by the table and Markdown drawers, so both say the same thing.
 */
import type { RegionSensitivity, SensitivityResult } from '../../analyse/sensitivity/result.js';
import { pickText, type Lang } from '../../model/i18n.js';
import { NO_VALUE, regionLabel } from '../results/labels.js';
import { SENSITIVITY_WORDS } from './labels.js';

export interface SensitivityGrid {
  readonly heading: string;
  readonly headers: readonly string[];
  readonly align: readonly ('left' | 'right')[];
  readonly rows: readonly (readonly string[])[];
  /** Per row, the nominal tier level (-1 untiered), for colouring. */
  readonly tierLevels: readonly number[];
  /** Column of the tier, -1 when none. */
  readonly tierColumn: number;
}

export interface SensitivityDocument {
  readonly heading: string;
  readonly notes: readonly string[];
  readonly grids: readonly SensitivityGrid[];
  readonly sobol?: SensitivityGrid | undefined;
  readonly provenance: string;
}

export function fixed(x: number, digits: number): string {
  return Number.isFinite(x) ? x.toFixed(digits) : NO_VALUE;
}

/** A rank statistic: whole ranks as they are, interpolated ones to one decimal. */
export function displayRank(x: number): string {
  if (!Number.isFinite(x)) return NO_VALUE;
  return Number.isInteger(x) ? String(x) : x.toFixed(1);
}

/**
 * The 5–95% rank interval drawn on a `width`-character axis of ranks 1 … maxRank (best on the
 * left): ━ across the interval, ● at the median, · elsewhere.
 */
export function rankBar(p5: number, median: number, p95: number, maxRank: number, width = 20): string {
  if (!Number.isFinite(p5) || !Number.isFinite(p95) || !Number.isFinite(median)) return NO_VALUE;
  const at = (rank: number): number => (maxRank <= 1 ? 0 : Math.round(((rank - 1) / (maxRank - 1)) * (width - 1)));
  const from = at(p5);
  const to = at(p95);
  const mid = at(median);
  let bar = '';
  for (let i = 0; i < width; i++) bar += i === mid ? '●' : i >= from && i <= to ? '━' : '·';
  return bar;
}

function intervalText(r: RegionSensitivity): string {
  return Number.isFinite(r.p5Rank) ? `${displayRank(r.p5Rank)}–${displayRank(r.p95Rank)}` : NO_VALUE;
}

function percent(x: number): string {
  return Number.isFinite(x) ? `${(x * 100).toFixed(1)}%` : NO_VALUE;
}

export function sensitivityDocument(result: SensitivityResult, lang: Lang, toolVersion: string, withBar: boolean): SensitivityDocument {
  const words = SENSITIVITY_WORDS[lang];
  const tierNames = result.tiers.map((t) => pickText(t.name, lang, t.id));
  const tierIndex = new Map(result.tiers.map((t, i) => [t.id, i] as const));
  const periods = [...new Set(result.regions.map((r) => r.period))];
  const frameworkName = pickText(result.framework.name, lang, result.framework.id);
  const hasTiers = tierNames.length > 0;
  const grids = periods.map((period): SensitivityGrid => {
    const regions = result.regions.filter((r) => r.period === period);
    const maxRank = regions.length;
    const headers = [
      words.rank,
      words.region,
      words.score,
      ...(hasTiers ? [words.tier] : []),
      words.median,
      words.interval,
      ...(withBar ? [words.spread] : []),
      words.mean,
      ...tierNames.map(words.probability),
    ];
    const align = headers.map((_, i) => (i === 1 || (hasTiers && i === 3) || (withBar && i === (hasTiers ? 6 : 5)) ? 'left' : 'right') as 'left' | 'right');
    const rows = regions.map((r) => [
      displayRank(r.rank),
      regionLabel(r.region, r.name),
      fixed(r.score, 2),
      ...(hasTiers ? [r.tier === null ? NO_VALUE : (tierNames[tierIndex.get(r.tier) ?? -1] ?? r.tier)] : []),
      displayRank(r.medianRank),
      intervalText(r),
      ...(withBar ? [rankBar(r.p5Rank, r.medianRank, r.p95Rank, maxRank)] : []),
      fixed(r.meanRank, 1),
      ...r.tierProbabilities.map(percent),
    ]);
    return {
      heading: period === '' ? frameworkName : `${period} — ${frameworkName}`,
      headers,
      align,
      rows,
      tierLevels: regions.map((r) => (r.tier === null ? -1 : (tierIndex.get(r.tier) ?? -1))),
      tierColumn: hasTiers ? 3 : -1,
    };
  });
  const optionText = (kind: string, options: readonly string[]): string =>
    kind === 'weights'
      ? options
          .map((o) => {
            const [level = '', noise = ''] = o.split(':');
            return words.weightLevel(level, noise);
          })
          .join(lang === 'zh' ? '；' : '; ')
      : options.map((o) => (o === 'framework' ? words.asFramework : o)).join(lang === 'zh' ? '、' : ', ');
  const interval = (x: number, low: number, high: number): string => `${fixed(x, 3)} [${fixed(low, 3)}, ${fixed(high, 3)}]`;
  const sobol =
    result.method === 'sobol'
      ? {
          heading: words.sobolTitle,
          headers: [words.assumption, words.options, words.first, words.total],
          align: ['left', 'left', 'right', 'right'] as const,
          rows: result.assumptions.map((a) => [
            words.assumptionNames[a.kind],
            optionText(a.kind, a.options),
            a.sobol ? interval(a.sobol.first, a.sobol.firstLow, a.sobol.firstHigh) : NO_VALUE,
            a.sobol ? interval(a.sobol.total, a.sobol.totalLow, a.sobol.totalHigh) : NO_VALUE,
          ]),
          tierLevels: result.assumptions.map(() => -1),
          tierColumn: -1,
        }
      : undefined;
  const notes = [
    words.summary(result.method, result.runs, result.replications, result.seed),
    ...result.assumptions.map((a) => `${words.assumptionNames[a.kind]}${lang === 'zh' ? '：' : ': '}${optionText(a.kind, a.options)}`),
    words.shift(fixed(result.meanRankShift, 3)),
    ...(withBar ? [words.barNote] : []),
  ];
  const sha = result.framework.sha256?.slice(0, 12);
  const parts = [result.framework.id, result.framework.version, sha === undefined ? undefined : `sha256 ${sha}`].filter((p): p is string => p !== undefined);
  const provenance = lang === 'zh' ? `指标框架 ${parts.join('，')}（dgmi ${toolVersion}）` : `Framework ${parts.join(', ')} (dgmi ${toolVersion})`;
  return { heading: words.title, notes, grids, sobol, provenance };
}
