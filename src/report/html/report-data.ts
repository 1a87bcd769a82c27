/**
 * What the HTML report shows, gathered before anything is drawn: the period's rows, the
 * analyses the other commands compute (`compare --by group`, `compare --from/--to`, `explain`)
 * run here unchanged, and the options. Pure: the one re-scoring (the two periods pooled, as
 * `dgmi compare --from/--to` scores them) runs the engine in memory.
 */
import { compareGroups, type GroupComparison } from '../../analyse/compare-groups.js';
import { comparePeriods, datasetOfPeriods, type PeriodComparison } from '../../analyse/compare-periods.js';
import { explainRegion, type Explanation } from '../../analyse/explain.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { ReportSensitivity } from '../../load/sensitivity-result.js';
import type { Lang } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import { score } from '../../score/engine.js';

/** Full cards unless `--cards` says otherwise; the rest are summarised in one table. */
export const DEFAULT_CARDS = 40;
/** Radar small multiples shown unless `--regions` names others. */
export const DEFAULT_PROFILES = 6;

/** A boundary file for the map (`--map`), already parsed; features matched to regions by code. */
export interface MapBoundaries {
  /** The file as the user named it (shown in the report). */
  readonly path: string;
  /** A GeoJSON FeatureCollection. */
  readonly geoJson: { readonly type: string; readonly features: readonly MapFeature[] };
}

export interface MapFeature {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, unknown>> | null;
  readonly geometry?: unknown;
}

export interface HtmlReportOptions {
  readonly lang: Lang;
  readonly toolVersion: string;
  /** The period the report is about; the latest when absent. */
  readonly period?: string | undefined;
  /** How many regions get a full card (default 40). */
  readonly cards?: number | undefined;
  /** Region codes to draw radar profiles for (default: the first six by rank). */
  readonly profiles?: readonly string[] | undefined;
  readonly map?: MapBoundaries | undefined;
  /** A `dgmi sensitivity --format json` result (`--sensitivity`), already checked against the framework and period. */
  readonly sensitivity?: ReportSensitivity | undefined;
}

export interface ReportData {
  readonly table: ScoreTable;
  readonly lang: Lang;
  readonly toolVersion: string;
  readonly period: string;
  /** Rows of `period` in reporting order (rank, unscored last, region). */
  readonly rows: readonly number[];
  readonly profileRows: readonly number[];
  readonly groups?: GroupComparison | undefined;
  readonly periods?: PeriodComparison | undefined;
  /** Explanations of the first `cards` scored rows, in reporting order. */
  readonly explanations: readonly Explanation[];
  readonly cards: number;
  readonly map?: MapBoundaries | undefined;
  readonly sensitivity?: ReportSensitivity | undefined;
  /** What the analyses said (no group column, …): the sections they concern are left out. */
  readonly diagnostics: readonly Diagnostic[];
}

function rowsOfPeriod(table: ScoreTable, period: string): number[] {
  const rows: number[] = [];
  for (const row of table.order) if ((table.dataset.period[row] ?? '') === period) rows.push(row);
  return rows;
}

/** The periods comparison `dgmi compare --from <previous> --to <period>` makes: the pair scored pooled. */
function periodComparison(table: ScoreTable, period: string): { result?: PeriodComparison; diagnostics: readonly Diagnostic[] } {
  const index = table.periods.indexOf(period);
  const from = index > 0 ? table.periods[index - 1] : undefined;
  if (from === undefined) return { diagnostics: [] };
  const pooled = score(table.framework, datasetOfPeriods(table.dataset, [from, period]), { normaliseScope: 'pooled' });
  return comparePeriods(pooled, from, period, { normaliseScope: 'pooled' });
}

/**
 * Gathers the report of `options.period` (default the latest) of `table`.
 *
 * @throws Error when `options.period` is not a period of the table (the CLI checks it first).
 */
export function prepareReport(table: ScoreTable, options: HtmlReportOptions): ReportData {
  const period = options.period ?? table.periods[table.periods.length - 1] ?? '';
  if (table.periods.length > 0 && !table.periods.includes(period)) throw new Error(`prepareReport: no period '${period}'`);
  const rows = rowsOfPeriod(table, period);
  const scored = rows.filter((row) => !Number.isNaN(table.composite.score[row] ?? Number.NaN));
  const cards = options.cards ?? DEFAULT_CARDS;
  const diagnostics: Diagnostic[] = [];

  const hasGroups = rows.some((row) => (table.dataset.group[row] ?? '') !== '');
  const groups = hasGroups ? compareGroups(table, period, { normaliseScope: 'period' }) : undefined;
  diagnostics.push(...(groups?.diagnostics ?? []));
  const periods = periodComparison(table, period);
  diagnostics.push(...periods.diagnostics);

  const profileRows =
    options.profiles === undefined
      ? scored.slice(0, DEFAULT_PROFILES)
      : options.profiles.flatMap((code) => rows.filter((row) => table.dataset.region[row] === code));

  // Only the tier part of explain: `top: 0` searches no indicator, so a card costs no re-scoring.
  const explanations = scored.slice(0, cards).flatMap((row) => {
    const outcome = explainRegion(table, table.dataset.region[row] ?? '', { period, top: 0 });
    return outcome.explanation ? [outcome.explanation] : [];
  });

  return {
    table,
    lang: options.lang,
    toolVersion: options.toolVersion,
    period,
    rows,
    profileRows,
    groups: groups?.result,
    periods: periods.result,
    explanations,
    cards,
    map: options.map,
    sensitivity: options.sensitivity,
    diagnostics,
  };
}
