/**
 * Which rows a result formatter shows, and in what order. Every formatter goes through here so
 * `--period` and `--top` mean the same thing in a terminal table, a CSV file and a JSON document.
 */
import type { ScoreTable } from '../../model/score-table.js';

export interface RowSelection {
  /** Keep only the rows of this period label; all periods when absent. */
  readonly period?: string | undefined;
  /** Keep the first `top` rows of each period (in reporting order); all rows when absent. */
  readonly top?: number | undefined;
}

/** The rows of one period, in reporting order. */
export interface PeriodRows {
  readonly period: string;
  readonly rows: Uint32Array;
}

/**
 * Row indices in `table.order` (period, rank, unscored last, region), filtered to `period` and
 * cut to the first `top` rows of each period. Unscored rows sort last, so `top` drops them first.
 *
 * @throws Error when `top` is negative or not an integer (the CLI validates it before calling).
 */
export function selectRows(table: ScoreTable, selection: RowSelection = {}): Uint32Array {
  const { period, top } = selection;
  if (top !== undefined && !(Number.isInteger(top) && top >= 0)) {
    throw new Error(`selectRows: top must be a non-negative integer, got ${top}`);
  }
  const periods = table.dataset.period;
  const picked = new Uint32Array(table.order.length);
  let count = 0;
  let currentPeriod: string | undefined;
  let takenInPeriod = 0;
  for (const row of table.order) {
    const rowPeriod = periods[row] ?? '';
    if (period !== undefined && rowPeriod !== period) continue;
    if (rowPeriod !== currentPeriod) {
      currentPeriod = rowPeriod;
      takenInPeriod = 0;
    }
    if (top !== undefined && takenInPeriod >= top) continue;
    takenInPeriod++;
    picked[count++] = row;
  }
  return picked.slice(0, count);
}

/**
 * Splits selected rows into runs of the same period, keeping their order; the table and
 * markdown formats print one table per run. `table.order` keeps a period's rows together.
 */
export function splitByPeriod(table: ScoreTable, rows: Uint32Array): PeriodRows[] {
  const periods = table.dataset.period;
  const runs: PeriodRows[] = [];
  let start = 0;
  for (let i = 1; i <= rows.length; i++) {
    const before = periods[rows[i - 1] ?? 0] ?? '';
    const here = i < rows.length ? (periods[rows[i] ?? 0] ?? '') : undefined;
    if (here !== before) {
      runs.push({ period: before, rows: rows.subarray(start, i) });
      start = i;
    }
  }
  return runs;
}
