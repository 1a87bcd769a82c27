/**
 * "What if this one cell were different?" — re-scoring one region with one raw value changed,
 * everything else held as submitted. Changing a value can move min–max, z-score and rank
 * normalisation for every region of the period (when it becomes the new maximum, say), so the
 * only exact answer is to run the engine again; this module does that on a copy that shares
 * every column but the changed one.
 *
 * Only the rows that can influence the region are re-scored: its own period under per-period
 * normalisation (the default), where statistics, imputation, ranks and natural breaks all stay
 * within the period; every row when periods are pooled. They are taken once, in the order the
 * engine scores in, so each re-score copies just the changed column.
 */
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import type { ScoreTable } from '../model/score-table.js';
import { canonicalRows, isIdentity, datasetOfRows } from '../score/canonical-rows.js';
import type { ScoreOptions } from '../score/engine.js';
import { scoreAndTier } from '../tier/tier-table.js';

/** Where the region stands after a re-score. */
export interface RescoreOutcome {
  /** The value the cell was set to. */
  readonly value: number;
  /** Composite as the framework reports it (rounded to `precision` when set). */
  readonly score: number;
  readonly rank: number;
  /** Index into `framework.tiers.levels`; -1 when untiered. */
  readonly tier: number;
  /** The changed indicator's normalised value for the region. */
  readonly normalised: number;
}

export interface Rescorer {
  /** The region's row in the original table. */
  readonly row: number;
  /** Scores the region's scope again with `values[indicatorIndex][row] = value`. */
  readonly rescore: (indicatorIndex: number, value: number) => RescoreOutcome;
  /** Unrounded composite after the same change, for finite differences (precision would flatten them). */
  readonly rescoreUnrounded: (indicatorIndex: number, value: number) => { readonly composite: number; readonly normalised: number };
  /** How many times the engine has run (reported as `rescores`, so the cost of an explanation is visible). */
  readonly runs: () => number;
}

/**
 * The rows that can influence `row` — its period's, or every period's when normalisation is
 * pooled — in the engine's canonical order and without excluded rows (which take no part). A
 * dataset already in that order is scored as it is, so a re-score copies no columns but the one
 * it changes; in any other order the engine would copy every column per run.
 */
function scopeRows(dataset: Dataset, row: number, options: ScoreOptions): Uint32Array {
  const rows = canonicalRows(dataset);
  if (options.normaliseScope === 'pooled') return rows;
  const period = dataset.period[row];
  return rows.filter((r) => dataset.period[r] === period);
}

/**
 * A re-scorer for `row` of `table`. `options` must be the ones the table was scored with, or the
 * baseline would not reproduce it.
 */
export function createRescorer(table: ScoreTable, row: number, options: ScoreOptions = {}): Rescorer {
  const rows = scopeRows(table.dataset, row, options);
  const local = rows.indexOf(row);
  if (local < 0) throw new Error(`createRescorer: row ${row} is excluded or not in its own scope`);
  const base = isIdentity(rows, table.dataset.rowCount) ? table.dataset : datasetOfRows(table.dataset, rows);
  const framework = table.framework;
  // Same framework without rounding: the composite's unrounded response to a small change.
  const unrounded: ResolvedFramework = { ...framework, precision: undefined };
  let runs = 0;

  const withCell = (indicatorIndex: number, value: number): Dataset => {
    const original = base.values[indicatorIndex];
    if (!original) throw new Error(`createRescorer: no indicator column ${indicatorIndex}`);
    const column = Float64Array.from(original);
    column[local] = value;
    const values = base.values.slice();
    values[indicatorIndex] = column;
    return { ...base, values };
  };
  const indicatorId = (indicatorIndex: number): string => {
    const indicator = framework.indicators[indicatorIndex];
    if (!indicator) throw new Error(`createRescorer: no indicator ${indicatorIndex}`);
    return indicator.id;
  };

  return {
    row,
    rescore: (indicatorIndex, value) => {
      runs++;
      const id = indicatorId(indicatorIndex);
      const result = scoreAndTier(framework, withCell(indicatorIndex, value), options);
      return {
        value,
        score: result.composite.score[local] ?? Number.NaN,
        rank: result.composite.rank[local] ?? Number.NaN,
        tier: result.tier[local] ?? -1,
        normalised: result.indicators.get(id)?.normalised[local] ?? Number.NaN,
      };
    },
    rescoreUnrounded: (indicatorIndex, value) => {
      runs++;
      const id = indicatorId(indicatorIndex);
      const result = scoreAndTier(unrounded, withCell(indicatorIndex, value), options);
      return {
        composite: result.composite.score[local] ?? Number.NaN,
        normalised: result.indicators.get(id)?.normalised[local] ?? Number.NaN,
      };
    },
    runs: () => runs,
  };
}
