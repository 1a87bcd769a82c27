/**
 * Regions compared by their group (the framework's group column: east, central, west,
 * northeast …) in one period: per group the summary statistics of the composite and of each
 * dimension, the tier distribution, and the Theil index of the composite split into inequality
 * between the groups and within them.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ScoreTable } from '../model/score-table.js';
import { NBS_GROUPS } from '../regions/cn-provinces.js';
import { compareCodeUnits } from '../score/partition.js';
import type { Analysis, ComparisonBasis, NormaliseScope } from './analysis.js';
import { summarise, type Summary } from './descriptive.js';
import { theilDecomposition, type GroupTheil } from './inequality.js';


export interface DimensionSummary {
  readonly id: string;
  readonly summary: Summary;
}

export interface GroupStats {
  /** Group label as submitted; '' for the overall row. */
  readonly group: string;
  /** Rows of the period in the group (scored or not). */
  readonly regions: number;
  /** Over the scored rows: `composite.n` of them. */
  readonly composite: Summary;
  /** One per dimension, in framework order. */
  readonly dimensions: readonly DimensionSummary[];
  /** Rows per entry of `GroupComparison.tierLevels`. */
  readonly tiers: readonly number[];
  /** The group's part of the Theil decomposition; absent for the overall row or when undefined. */
  readonly theil?: GroupTheil | undefined;
}

export interface TheilSummary {
  readonly total: number;
  readonly between: number;
  readonly within: number;
  readonly betweenShare: number;
  readonly withinShare: number;
}

export interface GroupComparison extends ComparisonBasis {
  readonly kind: 'groups';
  readonly period: string;
  /** NBS groups first in their usual order, then any other label in code-unit order. */
  readonly groups: readonly GroupStats[];
  /** Every row with a group, as one. */
  readonly overall: GroupStats;
  /** Tier level indices counted in `GroupStats.tiers`, best first; -1 (untiered) last when some row has none. */
  readonly tierLevels: readonly number[];
  /** Absent when the composite has a negative value or a zero mean. */
  readonly theil?: TheilSummary | undefined;
  /** Rows of the period left out for having no group. */
  readonly withoutGroup: number;
}

export interface CompareGroupsOptions {
  readonly normaliseScope: NormaliseScope;
}

function groupOrder(a: string, b: string): number {
  const rank = (label: string): number => {
    const i = (NBS_GROUPS as readonly string[]).indexOf(label);
    return i < 0 ? NBS_GROUPS.length : i;
  };
  return rank(a) - rank(b) || compareCodeUnits(a, b);
}

/**
 * Compares the groups of `period`. Rows with an empty group give a `group-empty` warning each
 * and are left out; when no row of the period has a group the result is absent and the
 * diagnostic is `group-column-absent`. Unscored rows count in `regions` and the tier
 * distribution (as untiered) but not in the statistics.
 */
export function compareGroups(table: ScoreTable, period: string, options: CompareGroupsOptions): Analysis<GroupComparison> {
  const { framework, dataset } = table;
  const diagnostics: Diagnostic[] = [];
  const rowsOf = new Map<string, number[]>();
  const included: number[] = [];
  let withoutGroup = 0;
  for (let row = 0; row < dataset.rowCount; row++) {
    if ((dataset.period[row] ?? '') !== period) continue;
    const group = dataset.group[row] ?? '';
    if (group === '') {
      withoutGroup++;
      const source = dataset.sources[row];
      diagnostics.push(
        makeDiagnostic('group-empty', { region: dataset.region[row] ?? '', period }, source ? { file: source.file, line: source.line } : { file: '--by' }),
      );
      continue;
    }
    included.push(row);
    const rows = rowsOf.get(group);
    if (rows) rows.push(row);
    else rowsOf.set(group, [row]);
  }
  if (included.length === 0) {
    return { diagnostics: [makeDiagnostic('group-column-absent', { column: framework.columns.group, period }, { file: '--by', path: ['--by'] })] };
  }

  const levelCount = framework.tiers?.levels.length ?? 0;
  const hasUntiered = included.some((row) => (table.tier[row] ?? -1) < 0);
  const tierLevels = [...Array.from({ length: levelCount }, (_, i) => i), ...(hasUntiered ? [-1] : [])];

  const scoredRows = included.filter((row) => !Number.isNaN(table.composite.score[row] ?? NaN));
  const scores = scoredRows.map((row) => table.composite.score[row] ?? NaN);
  const negative = scores.filter((s) => s < 0).length;
  let theil: ReturnType<typeof theilDecomposition> | undefined;
  if (negative > 0) {
    diagnostics.push(makeDiagnostic('theil-negative-score', { count: negative, period }, { file: '--by', path: ['--by'] }));
  } else if (scores.length > 0 && scores.every((s) => s === 0)) {
    diagnostics.push(makeDiagnostic('theil-zero-mean', { period }, { file: '--by', path: ['--by'] }));
  } else if (scores.length > 0) {
    theil = theilDecomposition(scores, scoredRows.map((row) => dataset.group[row] ?? ''));
  }
  const theilOf = new Map((theil?.groups ?? []).map((g) => [g.group, g]));

  const stats = (group: string, rows: readonly number[]): GroupStats => ({
    group,
    regions: rows.length,
    composite: summarise(rows.map((row) => table.composite.score[row] ?? NaN)),
    dimensions: framework.dimensions.map((dimension) => {
      const column = table.nodes.get(dimension.id)?.score;
      return { id: dimension.id, summary: summarise(rows.map((row) => column?.[row] ?? NaN)) };
    }),
    tiers: tierLevels.map((level) => rows.filter((row) => (table.tier[row] ?? -1) === level).length),
    theil: group === '' ? undefined : theilOf.get(group),
  });

  const groups = [...rowsOf.keys()].sort(groupOrder).map((group) => stats(group, rowsOf.get(group) ?? []));
  return {
    result: {
      kind: 'groups',
      framework,
      inputs: dataset.inputs,
      normaliseScope: options.normaliseScope,
      period,
      groups,
      overall: stats('', included),
      tierLevels,
      theil: theil && {
        total: theil.total,
        between: theil.between,
        within: theil.within,
        betweenShare: theil.betweenShare,
        withinShare: theil.withinShare,
      },
      withoutGroup,
    },
    diagnostics,
  };
}
