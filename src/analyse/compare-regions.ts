/**
 * Regions side by side in one period: composite, rank and tier; every dimension and sub-group
 * with its rank; the dimensions where each region stands in the top or bottom quarter of the
 * period (its strengths and weaknesses); and the indicators on which the regions differ most.
 */
import type { Analysis, ComparisonBasis, NormaliseScope, RegionPresence } from './analysis.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ScoreTable } from '../model/score-table.js';
import { compareCodeUnits } from '../score/partition.js';
import { knownList } from './region-lookup.js';

export type QuartileMark = 'strength' | 'weakness';

export interface NodeStanding {
  /** Group id (a dimension or a sub-group). */
  readonly id: string;
  /** 1 for a dimension, 2 for its sub-groups, … */
  readonly depth: number;
  readonly score: number;
  readonly rank: number;
  readonly percentile: number;
  readonly contribution: number;
  /** How many regions of the period have a score for this node: the n of the quartiles. */
  readonly ranked: number;
  /** Set for dimensions only, when the rank is in the period's top or bottom quarter. */
  readonly mark?: QuartileMark | undefined;
}

export interface RegionProfile extends RegionPresence {
  /** Row of the score table. */
  readonly row: number;
  /** Every group of the framework, in pre-order (each dimension followed by its sub-groups). */
  readonly nodes: readonly NodeStanding[];
  /** Ids of the dimensions in the period's top quarter, in framework order. */
  readonly strengths: readonly string[];
  /** Ids of the dimensions in the period's bottom quarter, in framework order. */
  readonly weaknesses: readonly string[];
}

export interface IndicatorValues {
  /** Raw value used (after imputation); NaN when missing. */
  readonly value: number;
  readonly normalised: number;
  readonly imputed: boolean;
}

export interface IndicatorGap {
  readonly id: string;
  /** Largest minus smallest normalised value among the compared regions. */
  readonly gap: number;
  /** One entry per compared region, in the order of `RegionComparison.regions`. */
  readonly values: readonly IndicatorValues[];
}

export interface RegionComparison extends ComparisonBasis {
  readonly kind: 'regions';
  readonly period: string;
  /** Regions of the period with a composite score. */
  readonly scored: number;
  readonly regions: readonly RegionProfile[];
  /** The indicators with the largest gaps, largest first (at most `top`). */
  readonly gaps: readonly IndicatorGap[];
}

export interface CompareRegionsOptions {
  readonly normaliseScope: NormaliseScope;
  /** How many indicators to list by gap (default 10). */
  readonly top?: number | undefined;
}

const DEFAULT_TOP = 10;

/**
 * Whether a region ranked `rank` among `n` ranked regions, tied with `ties` regions (itself
 * included), is in the top quarter (rank ≤ n/4) or the bottom quarter (rank ≥ n + 1 − n/4,
 * i.e. within the last n/4 places). The two are symmetric, so 31 provinces give ranks 1–7 and
 * 25–31, and they never overlap. Tied regions are placed at their average position
 * (rank + (ties − 1)/2), as the competition rank alone would put a dimension on which every
 * region scores the same in everybody's top quarter. Fewer than 4 regions leave no quarter.
 */
export function quartileMark(rank: number, n: number, ties = 1): QuartileMark | undefined {
  if (!Number.isFinite(rank) || n <= 0) return undefined;
  const position = rank + (ties - 1) / 2;
  if (position <= n / 4) return 'strength';
  if (position >= n + 1 - n / 4) return 'weakness';
  return undefined;
}

/** How many rows of `rows` have the same score as `row` (itself included). */
function tiesOf(scores: Float64Array, rows: readonly number[], row: number): number {
  const own = scores[row];
  let count = 0;
  for (const other of rows) if (scores[other] === own) count++;
  return count;
}

/** How many rows of `rows` have a score (non-NaN). */
function countScored(scores: Float64Array, rows: readonly number[]): number {
  let count = 0;
  for (const row of rows) if (!Number.isNaN(scores[row] ?? NaN)) count++;
  return count;
}

/**
 * Compares `regions` (codes, as `lookupRegions` returns them) in `period`. A region without a
 * row in that period gives `region-not-in-period` (listing the periods it has) and no result.
 */
export function compareRegions(table: ScoreTable, regions: readonly string[], period: string, options: CompareRegionsOptions): Analysis<RegionComparison> {
  const { framework, dataset } = table;
  const periodRows: number[] = [];
  const rowOf = new Map<string, number>();
  const periodsOf = new Map<string, string[]>();
  for (let row = 0; row < dataset.rowCount; row++) {
    const region = dataset.region[row] ?? '';
    const rowPeriod = dataset.period[row] ?? '';
    if (rowPeriod === period) {
      periodRows.push(row);
      rowOf.set(region, row);
    }
    const list = periodsOf.get(region);
    if (list) list.push(rowPeriod);
    else periodsOf.set(region, [rowPeriod]);
  }

  const diagnostics: Diagnostic[] = [];
  regions.forEach((region, index) => {
    if (rowOf.has(region)) return;
    const present = [...(periodsOf.get(region) ?? [])].sort(compareCodeUnits);
    diagnostics.push(makeDiagnostic('region-not-in-period', { region, period, known: knownList(present) }, { file: '--regions', path: ['--regions', index] }));
  });
  if (diagnostics.length > 0) return { diagnostics };

  const dimensionIds = new Set(framework.dimensions.map((d) => d.id));
  const ranked = new Map<string, number>();
  for (const group of framework.groups) {
    const scores = table.nodes.get(group.id);
    ranked.set(group.id, scores ? countScored(scores.score, periodRows) : 0);
  }

  const profiles = regions.map((region): RegionProfile => {
    const row = rowOf.get(region) ?? 0;
    const nodes = framework.groups.map((group): NodeStanding => {
      const scores = table.nodes.get(group.id);
      const rank = scores?.rank[row] ?? NaN;
      const n = ranked.get(group.id) ?? 0;
      const isDimension = dimensionIds.has(group.id);
      return {
        id: group.id,
        depth: group.depth,
        score: scores?.score[row] ?? NaN,
        rank,
        percentile: scores?.percentile[row] ?? NaN,
        contribution: scores?.contribution[row] ?? NaN,
        ranked: n,
        mark: isDimension && scores ? quartileMark(rank, n, tiesOf(scores.score, periodRows, row)) : undefined,
      };
    });
    return {
      region,
      name: dataset.name[row] ?? '',
      group: dataset.group[row] ?? '',
      row,
      score: table.composite.score[row] ?? NaN,
      rank: table.composite.rank[row] ?? NaN,
      tier: table.tier[row] ?? -1,
      nodes,
      strengths: nodes.filter((n) => n.mark === 'strength').map((n) => n.id),
      weaknesses: nodes.filter((n) => n.mark === 'weakness').map((n) => n.id),
    };
  });

  return {
    result: {
      kind: 'regions',
      framework,
      inputs: dataset.inputs,
      normaliseScope: options.normaliseScope,
      period,
      scored: countScored(table.composite.score, periodRows),
      regions: profiles,
      gaps: largestGaps(table, profiles.map((p) => p.row), options.top ?? DEFAULT_TOP),
    },
    diagnostics: [],
  };
}

/**
 * The `top` indicators whose normalised values differ most among `rows`, largest gap first
 * (framework order among equal gaps). An indicator with fewer than two values among the rows
 * has no gap and is left out.
 */
export function largestGaps(table: ScoreTable, rows: readonly number[], top: number): IndicatorGap[] {
  const gaps: IndicatorGap[] = [];
  for (const indicator of table.framework.indicators) {
    const scores = table.indicators.get(indicator.id);
    if (!scores) continue;
    let low = Infinity;
    let high = -Infinity;
    let present = 0;
    const values = rows.map((row): IndicatorValues => {
      const normalised = scores.normalised[row] ?? NaN;
      if (!Number.isNaN(normalised)) {
        present++;
        low = Math.min(low, normalised);
        high = Math.max(high, normalised);
      }
      return { value: scores.value[row] ?? NaN, normalised, imputed: scores.imputed[row] === 1 };
    });
    if (present >= 2) gaps.push({ id: indicator.id, gap: high - low, values });
  }
  // Array.prototype.sort is stable, so equal gaps keep framework order.
  return gaps.sort((a, b) => b.gap - a.gap).slice(0, top);
}
