/**
 * One period against another: per region the change in score and rank, the tier transition and
 * the dimensions that drove the change (largest changes in contribution, in points); the
 * from-tier × to-tier transition matrix; and the regions that entered or left.
 *
 * Scores of two periods are only comparable when relative methods (minmax, zscore, rank) took
 * their statistics over both periods together, so the CLI scores the pair with
 * `normaliseScope: 'pooled'` by default; the data-set helpers at the end build that pair.
 */
import { datasetOfRows } from '../score/canonical-rows.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset } from '../model/dataset.js';
import type { ScoreTable } from '../model/score-table.js';
import type { Analysis, ComparisonBasis, NormaliseScope, RegionPresence } from './analysis.js';
import { choosePeriod, knownList } from './region-lookup.js';

export interface PeriodSide {
  readonly row: number;
  readonly score: number;
  readonly rank: number;
  /** Index into `framework.tiers.levels`; -1 when untiered. */
  readonly tier: number;
}

export interface ContributionChange {
  /** Dimension id. */
  readonly id: string;
  /** Points the dimension added to the composite in each period (0 when it was missing; NaN when the row is unscored). */
  readonly from: number;
  readonly to: number;
  readonly change: number;
}

export interface RegionChange {
  readonly region: string;
  /** The name in the later period (or the earlier one when the later gives none). */
  readonly name: string;
  readonly group: string;
  readonly from: PeriodSide;
  readonly to: PeriodSide;
  /** to − from; NaN when either side is unscored. */
  readonly scoreChange: number;
  /** from rank − to rank, so moving up the ranking is positive. */
  readonly rankChange: number;
  /** Every dimension, largest absolute contribution change first (NaN last). */
  readonly drivers: readonly ContributionChange[];
}

export interface TierTransitions {
  /** Tier level indices of the rows and columns, best first; -1 (untiered) last, only if it occurs. */
  readonly levels: readonly number[];
  /** counts[i][j]: regions in tier levels[i] in the 'from' period and levels[j] in the 'to' period. */
  readonly counts: readonly (readonly number[])[];
}

export interface PeriodComparison extends ComparisonBasis {
  readonly kind: 'periods';
  readonly from: string;
  readonly to: string;
  /** Regions in both periods, in the 'to' period's reporting order (rank, then code; unscored last). */
  readonly regions: readonly RegionChange[];
  /** Regions only in the 'to' period, with their 'to' standing. */
  readonly entered: readonly RegionPresence[];
  /** Regions only in the 'from' period, with their 'from' standing. */
  readonly left: readonly RegionPresence[];
  readonly transitions: TierTransitions;
}

export interface ComparePeriodsOptions {
  readonly normaliseScope: NormaliseScope;
}

/**
 * Compares period `from` with period `to` of `table` (the same label twice is allowed and
 * gives zero changes). Either label missing from the table gives `period-unknown`.
 */
export function comparePeriods(table: ScoreTable, from: string, to: string, options: ComparePeriodsOptions): Analysis<PeriodComparison> {
  const diagnostics = [
    ...choosePeriod(table.periods, from, '--from').diagnostics,
    ...choosePeriod(table.periods, to, '--to').diagnostics,
  ];
  if (diagnostics.length > 0) return { diagnostics };

  const { framework, dataset } = table;
  const fromRows = new Map<string, number>();
  const toRows: number[] = [];
  for (const row of table.order) {
    const period = dataset.period[row] ?? '';
    if (period === from) fromRows.set(dataset.region[row] ?? '', row);
    if (period === to) toRows.push(row);
  }
  const side = (row: number): PeriodSide => ({
    row,
    score: table.composite.score[row] ?? NaN,
    rank: table.composite.rank[row] ?? NaN,
    tier: table.tier[row] ?? -1,
  });
  const presence = (row: number): RegionPresence => ({
    region: dataset.region[row] ?? '',
    name: dataset.name[row] ?? '',
    group: dataset.group[row] ?? '',
    score: table.composite.score[row] ?? NaN,
    rank: table.composite.rank[row] ?? NaN,
    tier: table.tier[row] ?? -1,
  });

  const regions: RegionChange[] = [];
  const entered: RegionPresence[] = [];
  const paired = new Set<string>();
  for (const toRow of toRows) {
    const region = dataset.region[toRow] ?? '';
    const fromRow = fromRows.get(region);
    if (fromRow === undefined) {
      entered.push(presence(toRow));
      continue;
    }
    paired.add(region);
    const before = side(fromRow);
    const after = side(toRow);
    regions.push({
      region,
      name: (dataset.name[toRow] ?? '') || (dataset.name[fromRow] ?? ''),
      group: (dataset.group[toRow] ?? '') || (dataset.group[fromRow] ?? ''),
      from: before,
      to: after,
      scoreChange: after.score - before.score,
      rankChange: before.rank - after.rank,
      drivers: contributionChanges(table, fromRow, toRow),
    });
  }
  const left = [...fromRows].filter(([region]) => !paired.has(region)).map(([, row]) => presence(row));

  return {
    result: {
      kind: 'periods',
      framework,
      inputs: dataset.inputs,
      normaliseScope: options.normaliseScope,
      from,
      to,
      regions,
      entered,
      left,
      transitions: tierTransitions(
        framework.tiers?.levels.length ?? 0,
        regions.map((r) => [r.from.tier, r.to.tier]),
      ),
    },
    diagnostics: [],
  };
}

/**
 * Each dimension's contribution in both rows and its change, largest absolute change first. A
 * dimension missing from a scored row added 0 points (its weight went to its siblings), so the
 * changes add up to the score change; for an unscored row every contribution is NaN.
 */
function contributionChanges(table: ScoreTable, fromRow: number, toRow: number): ContributionChange[] {
  const pointsOf = (contribution: Float64Array | undefined, row: number): number => {
    if (Number.isNaN(table.composite.score[row] ?? NaN)) return NaN;
    const points = contribution?.[row] ?? NaN;
    return Number.isNaN(points) ? 0 : points;
  };
  const changes = table.framework.dimensions.map((dimension): ContributionChange => {
    const contribution = table.nodes.get(dimension.id)?.contribution;
    const before = pointsOf(contribution, fromRow);
    const after = pointsOf(contribution, toRow);
    return { id: dimension.id, from: before, to: after, change: after - before };
  });
  const magnitude = (c: ContributionChange): number => (Number.isNaN(c.change) ? -1 : Math.abs(c.change));
  return changes.sort((a, b) => magnitude(b) - magnitude(a));
}

/**
 * The from-tier × to-tier count matrix of `pairs` ([from level, to level], -1 = untiered) for a
 * framework with `levelCount` tier levels: every level as a row and column, best first, and an
 * 'untiered' row and column last when some pair has -1 on either side.
 */
export function tierTransitions(levelCount: number, pairs: readonly (readonly [number, number])[]): TierTransitions {
  const hasUntiered = pairs.some(([a, b]) => a < 0 || b < 0);
  const levels = [...Array.from({ length: levelCount }, (_, i) => i), ...(hasUntiered ? [-1] : [])];
  const position = (level: number): number => (level < 0 ? levelCount : level);
  const counts = levels.map(() => levels.map(() => 0));
  for (const [a, b] of pairs) {
    const line = counts[position(a)];
    if (line) line[position(b)] = (line[position(b)] ?? 0) + 1;
  }
  return { levels, counts };
}

export interface PeriodPair {
  readonly from?: string;
  readonly to?: string;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * The two periods to compare: `to` as requested or the latest; `from` as requested or the latest
 * period before `to`. Unknown labels give `period-unknown`; no earlier period gives
 * `period-no-earlier`.
 */
export function choosePeriodPair(periods: readonly string[], from: string | undefined, to: string | undefined): PeriodPair {
  const later = choosePeriod(periods, to, '--to');
  const earlier = from === undefined ? undefined : choosePeriod(periods, from, '--from');
  const diagnostics = [...(earlier?.diagnostics ?? []), ...later.diagnostics];
  if (diagnostics.length > 0 || later.period === undefined) return { diagnostics };
  if (earlier?.period !== undefined) return { from: earlier.period, to: later.period, diagnostics: [] };
  const before = periods.filter((p) => p < (later.period ?? ''));
  const previous = before[before.length - 1];
  if (previous === undefined) {
    return {
      diagnostics: [makeDiagnostic('period-no-earlier', { period: later.period, known: knownList(periods) }, { file: to === undefined ? '--from' : '--to', path: ['--from'] })],
    };
  }
  return { from: previous, to: later.period, diagnostics: [] };
}

/** The rows of `dataset` whose period is one of `periods`. */
export function datasetOfPeriods(dataset: Dataset, periods: readonly string[]): Dataset {
  const wanted = new Set(periods);
  const rows: number[] = [];
  dataset.period.forEach((period, row) => {
    if (wanted.has(period)) rows.push(row);
  });
  return rows.length === dataset.rowCount ? dataset : datasetOfRows(dataset, rows);
}

/**
 * One data set of a baseline (the 'from' side, `--baseline FILE`) and the current submissions
 * (the 'to' side), every row of each relabelled with its side's period label, so the engine
 * ranks each side on its own and can pool their normalisation.
 *
 * @throws Error when the two data sets were loaded for different frameworks (column counts differ).
 */
export function stackBaseline(baseline: Dataset, current: Dataset, labels: { readonly from: string; readonly to: string }): Dataset {
  if (baseline.values.length !== current.values.length) {
    throw new Error(`stackBaseline: ${baseline.values.length} indicator columns in the baseline, ${current.values.length} in the current data`);
  }
  const n = baseline.rowCount + current.rowCount;
  const values = baseline.values.map((column, i) => {
    const joined = new Float64Array(n);
    joined.set(column, 0);
    joined.set(current.values[i] ?? new Float64Array(current.rowCount).fill(NaN), baseline.rowCount);
    return joined;
  });
  let excluded: Uint8Array | undefined;
  if (baseline.excluded || current.excluded) {
    excluded = new Uint8Array(n);
    if (baseline.excluded) excluded.set(baseline.excluded, 0);
    if (current.excluded) excluded.set(current.excluded, baseline.rowCount);
  }
  return {
    rowCount: n,
    region: [...baseline.region, ...current.region],
    name: [...baseline.name, ...current.name],
    group: [...baseline.group, ...current.group],
    period: [...baseline.period.map(() => labels.from), ...current.period.map(() => labels.to)],
    values,
    sources: [...baseline.sources, ...current.sources],
    ...(excluded ? { excluded } : {}),
    inputs: [...baseline.inputs, ...current.inputs],
  };
}

/**
 * Period labels for a baseline comparison: each side keeps its own label when they differ; when
 * they are the same (or both empty), the baseline side is called `<label> (baseline)` or
 * `baseline`, and an empty current label becomes `current`, so the two sides stay apart.
 */
export function baselineLabels(baselinePeriod: string, currentPeriod: string): { from: string; to: string } {
  const to = currentPeriod === '' ? 'current' : currentPeriod;
  if (baselinePeriod !== currentPeriod && baselinePeriod !== '') return { from: baselinePeriod, to };
  return { from: baselinePeriod === '' ? 'baseline' : `${baselinePeriod} (baseline)`, to };
}
