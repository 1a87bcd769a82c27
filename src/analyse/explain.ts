/**
 * `dgmi explain`: why a region sits in its tier and what would move it up, as a value the
 * formatters print. Pure: everything comes from the score table (and from re-running the engine
 * on copies of its dataset); nothing is read or written.
 *
 * The pieces, one module each: finding the region and period (`region-lookup`), the tier and the
 * composite it takes (`explain-tier`), points per normalised point (`explain-leverage`), and the
 * raw value each of the heaviest indicators would need on its own (`explain-targets`, by
 * re-scoring through `explain-rescore`). Every "what it would take" holds the other regions'
 * data, and the region's other indicators, as submitted.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ResolvedIndicator } from '../model/resolved.js';
import type { ScoreTable } from '../model/score-table.js';
import type { ScoreOptions } from '../score/engine.js';
import { isBoundedNormalise } from '../score/normalise.js';
import { compareCodeUnits } from '../score/partition.js';
import { displayDecimals, discreteValues, searchBound } from './explain-grid.js';
import { leverageOf, type Leverage } from './explain-leverage.js';
import { createRescorer } from './explain-rescore.js';
import { neededValue, type LeverGoal } from './explain-targets.js';
import { explainTier, type TierExplanation } from './explain-tier.js';
import { choosePeriod, knownList, lookupRegions } from './region-lookup.js';

/** How many indicators are searched unless `top` says otherwise. */
export const DEFAULT_TOP = 10;

export interface ExplainOptions {
  /** Period to explain; the region's latest when absent. */
  readonly period?: string | undefined;
  /** Search at most this many indicators, the heaviest by effective weight (default 10). */
  readonly top?: number | undefined;
  /** The options the table was scored with (re-scoring must reproduce it). */
  readonly scoreOptions?: ScoreOptions | undefined;
  /** Where a mistaken region or period is reported (the command-line argument that named it). */
  readonly regionArgument?: string | undefined;
}

export interface PeriodInfo {
  readonly label: string;
  /** `requested` by --period; the region's `latest` of several; the `only` one. */
  readonly chosen: 'requested' | 'latest' | 'only';
  /** Periods the region has rows in, sorted. */
  readonly available: readonly string[];
}

export interface DimensionStanding {
  readonly id: string;
  readonly score: number;
  readonly rank: number;
  /** Points the dimension adds to the composite. */
  readonly contribution: number;
}

/** One indicator the region could improve, with what improving it is worth and would take. */
export interface Lever {
  readonly indicator: ResolvedIndicator;
  /** Raw value used (after imputation). */
  readonly value: number;
  readonly normalised: number;
  readonly imputed: boolean;
  /** Share of the composite for this region after nesting and missing-value reweighting. */
  readonly effectiveWeight: number;
  readonly leverage: Leverage;
  /** Decimals of the data's displayed precision for this indicator (the search grid). */
  readonly decimals: number;
  /** What the indicator alone would need for the next tier; undefined when there is no next tier. */
  readonly goal?: LeverGoal | undefined;
}

export interface Explanation {
  readonly table: ScoreTable;
  readonly row: number;
  readonly region: string;
  readonly name: string;
  readonly group: string;
  readonly period: PeriodInfo;
  readonly score: number;
  readonly rank: number;
  readonly percentile: number;
  /** Scored regions in the period (what the rank is out of). */
  readonly regions: number;
  /** Tier level index, -1 when untiered. */
  readonly tier: number;
  readonly dimensions: readonly DimensionStanding[];
  /** Undefined when the framework has no tiers. */
  readonly tierExplanation?: TierExplanation | undefined;
  /** Searched indicators, most composite points per normalised point first. */
  readonly levers: readonly Lever[];
  readonly skipped: {
    /** Indicators already at the best normalised value. */
    readonly atMaximum: number;
    /** Indicators without a value for the region (not imputed). */
    readonly missing: number;
    /** Improvable indicators beyond `top`. */
    readonly beyondTop: number;
  };
  readonly top: number;
  /** How many times the engine ran for this explanation. */
  readonly rescores: number;
}

export interface ExplainOutcome {
  readonly explanation?: Explanation;
  readonly diagnostics: readonly Diagnostic[];
}

interface Place {
  readonly row?: number;
  readonly period?: PeriodInfo;
  readonly diagnostics: readonly Diagnostic[];
}

/** The region's row in the requested period, or in its latest one. */
function placeRegion(table: ScoreTable, query: string, options: ExplainOptions): Place {
  const { dataset } = table;
  const argument = options.regionArgument ?? 'REGION';
  const lookup = lookupRegions(dataset, [query], argument);
  const code = lookup.regions[0];
  if (lookup.diagnostics.length > 0 || code === undefined) return { diagnostics: lookup.diagnostics };

  const rows = new Map<string, number>();
  dataset.region.forEach((region, row) => {
    if (region === code) rows.set(dataset.period[row] ?? '', row);
  });
  const available = [...rows.keys()].sort(compareCodeUnits);
  if (options.period !== undefined) {
    const choice = choosePeriod(table.periods, options.period);
    if (choice.period === undefined) return { diagnostics: choice.diagnostics };
    const row = rows.get(choice.period);
    if (row === undefined) {
      return {
        diagnostics: [
          makeDiagnostic('region-not-in-period', { region: code, period: choice.period, known: knownList(available) }, { file: '--period', path: ['--period'] }),
        ],
      };
    }
    return { row, period: { label: choice.period, chosen: 'requested', available }, diagnostics: [] };
  }
  const latest = available[available.length - 1] ?? '';
  const row = rows.get(latest);
  if (row === undefined) throw new Error(`explain: region '${code}' was found but has no row`);
  return { row, period: { label: latest, chosen: available.length > 1 ? 'latest' : 'only', available }, diagnostics: [] };
}

function periodRowsOf(table: ScoreTable, period: string): number[] {
  const rows: number[] = [];
  table.dataset.period.forEach((p, row) => {
    if (p === period) rows.push(row);
  });
  return rows;
}

/** Whether the indicator's normalised value is already the best its method can give. */
function isAtMaximum(table: ScoreTable, indicator: ResolvedIndicator, normalised: number): boolean {
  return isBoundedNormalise(indicator.normalise) && normalised >= table.framework.scale * (1 - 1e-12);
}

/**
 * Explains region `query` (code, full or short name) of `table`: its standing and tier, the rule
 * that placed it and the next tier's rule it missed, the composite it would need (others fixed),
 * and for the `top` heaviest indicators it can still improve, their points per normalised point
 * and the raw value each would need on its own. A region that is unknown, ambiguous, absent from
 * the period or unscored gives diagnostics and no explanation.
 */
export function explainRegion(table: ScoreTable, query: string, options: ExplainOptions = {}): ExplainOutcome {
  const place = placeRegion(table, query, options);
  if (place.row === undefined || !place.period) return { diagnostics: place.diagnostics };
  const { row, period } = place;
  const { framework, dataset, composite } = table;
  const region = dataset.region[row] ?? '';
  const score = composite.score[row] ?? Number.NaN;
  const diagnostics: Diagnostic[] = [];
  if (Number.isNaN(score)) {
    const location = dataset.sources[row] ?? { file: '' };
    diagnostics.push(makeDiagnostic('explain-region-unscored', { region, period: period.label }, location));
    return { diagnostics };
  }
  if (!framework.tiers) diagnostics.push(makeDiagnostic('explain-no-tiers', { framework: framework.id }, { file: framework.file ?? '', path: ['tiers'] }));

  const periodRows = periodRowsOf(table, period.label);
  const tierExplanation = explainTier(table, row, periodRows);
  const tier = table.tier[row] ?? -1;
  if (framework.tiers && tier < 0) {
    diagnostics.push(makeDiagnostic('explain-region-untiered', { region, period: period.label }, { file: framework.file ?? '', path: ['tiers', 'levels'] }));
  }
  const target = tierExplanation?.next?.level;

  const top = options.top ?? DEFAULT_TOP;
  if (!(Number.isInteger(top) && top >= 0)) throw new Error(`explainRegion: top must be a non-negative integer, got ${top}`);
  let atMaximum = 0;
  let missing = 0;
  const improvable: { indicator: ResolvedIndicator; value: number; normalised: number; imputed: boolean; effectiveWeight: number }[] = [];
  for (const indicator of framework.indicators) {
    const scores = table.indicators.get(indicator.id);
    const value = scores?.value[row] ?? Number.NaN;
    const normalised = scores?.normalised[row] ?? Number.NaN;
    if (!Number.isFinite(value) || !Number.isFinite(normalised)) {
      missing++;
      continue;
    }
    if (isAtMaximum(table, indicator, normalised)) {
      atMaximum++;
      continue;
    }
    improvable.push({ indicator, value, normalised, imputed: scores?.imputed[row] === 1, effectiveWeight: scores?.effectiveWeight[row] ?? 0 });
  }
  improvable.sort((a, b) => b.effectiveWeight - a.effectiveWeight || a.indicator.index - b.indicator.index);
  const chosen = improvable.slice(0, top);

  const rescorer = createRescorer(table, row, options.scoreOptions);
  const levers: Lever[] = chosen.map((c) => {
    const column = dataset.values[c.indicator.index];
    const present = periodRows.map((r) => column?.[r] ?? Number.NaN).filter((x) => Number.isFinite(x));
    const decimals = displayDecimals([...present, c.value]);
    const discrete = discreteValues(c.indicator);
    const bound = searchBound(c.indicator, present, c.value);
    const leverage = leverageOf(framework, rescorer, { indicator: c.indicator, current: c.value, effectiveWeight: c.effectiveWeight, discrete, decimals, bound });
    const goal =
      target === undefined ? undefined : neededValue(rescorer, { indicator: c.indicator, current: c.value, target, discrete, decimals, bound });
    return { ...c, leverage, decimals, goal };
  });
  // Most points per normalised point first; a lever whose normalised value cannot move goes last.
  levers.sort(
    (a, b) =>
      (Number.isNaN(b.leverage.pointsPerUnit) ? -Infinity : b.leverage.pointsPerUnit) -
        (Number.isNaN(a.leverage.pointsPerUnit) ? -Infinity : a.leverage.pointsPerUnit) ||
      b.effectiveWeight - a.effectiveWeight ||
      a.indicator.index - b.indicator.index,
  );

  const dimensions = framework.dimensions.map((d) => {
    const scores = table.nodes.get(d.id);
    return {
      id: d.id,
      score: scores?.score[row] ?? Number.NaN,
      rank: scores?.rank[row] ?? Number.NaN,
      contribution: scores?.contribution[row] ?? Number.NaN,
    };
  });
  const regions = periodRows.filter((r) => !Number.isNaN(composite.score[r] ?? Number.NaN)).length;

  return {
    explanation: {
      table,
      row,
      region,
      name: dataset.name[row] ?? '',
      group: dataset.group[row] ?? '',
      period,
      score,
      rank: composite.rank[row] ?? Number.NaN,
      percentile: composite.percentile[row] ?? Number.NaN,
      regions,
      tier,
      dimensions,
      tierExplanation,
      levers,
      skipped: { atMaximum, missing, beyondTop: improvable.length - chosen.length },
      top,
      rescores: rescorer.runs(),
    },
    diagnostics,
  };
}
