/**
 * `--format csv` on worker threads. At township scale with every indicator (40,000 regions ×
 * 200 indicators) turning 25 million doubles into their shortest text takes seconds in one
 * thread; the rows are independent, so worker threads write batches of them while this thread only
 * writes bytes out, in order. The bytes are those `csvResultChunks` writes in one thread: both
 * run `writeCsvRows` on the same columns.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ScoreTable } from '../model/score-table.js';
import { csvBatchRows, csvHeadBytes, csvNumbersPerRow, csvResultChunks, csvResultColumns, type CsvResultColumns } from '../report/results/csv.js';
import type { ResultFormatOptions } from '../report/results/formatter.js';
import { rowPreparation } from '../report/results/preparation.js';
import { selectRows } from '../report/results/select.js';
import { orderedBatches, sharedCopy } from './batch-threads.js';

export interface CsvWorkerData {
  readonly columns: CsvResultColumns;
  /** The rows to write, in output order. */
  readonly rows: Uint32Array;
}

/**
 * Below this many numbers in the rows written, starting threads costs more than it saves: each
 * thread starts cold and compiles the writer again. Measured at 40,000 regions end to end (2026-12-07,
 * medians of 6 and 3 runs): with the group scores (1 million numbers) two threads took 4.0 s
 * against 3.7 s in one; with every indicator (25 million) 7.3 s against 9.6 s. The same
 * bound as JSON's.
 */
const PARALLEL_MIN_NUMBERS = 4_000_000;

/**
 * The compiled worker. Run from the TypeScript sources (vitest, tsx) there is none, and the CSV
 * is written in this thread instead — the same bytes, only slower.
 */
const CSV_WORKER = new URL('./csv-worker.js', import.meta.url);

/**
 * Worker threads worth starting for `table`'s CSV: 0 (write it in this thread) when small, on
 * one core, or when the framework prepares its data (the preparation cells are written in this
 * thread). Counted on the rows `--period` and `--top` keep; never more threads than batches.
 */
export function csvThreads(table: ScoreTable, options: ResultFormatOptions, requested: number | undefined): number {
  if (rowPreparation(table)) return 0;
  const rowCount = options.period === undefined && options.top === undefined ? table.order.length : selectRows(table, options).length;
  const perRow = csvNumbersPerRow(table, options);
  const cores = availableParallelism();
  const wanted = requested ?? (rowCount * perRow >= PARALLEL_MIN_NUMBERS && cores > 1 ? Math.min(cores, 4) : 0);
  const batches = Math.ceil(rowCount / csvBatchRows(perRow));
  const threads = Math.min(wanted, batches);
  return threads <= 1 ? 0 : threads;
}

/** `csvResultChunks`, with the rows written by `threads` worker threads. */
export async function* parallelCsvChunks(table: ScoreTable, options: ResultFormatOptions, threads: number): AsyncGenerator<Uint8Array, void, undefined> {
  if (!existsSync(CSV_WORKER) || rowPreparation(table)) {
    yield* csvResultChunks(table, options);
    return;
  }
  yield csvHeadBytes(table, options);
  const rows = selectRows(table, options);
  if (rows.length === 0) return;
  const columns = sharedColumns(csvResultColumns(table, options));
  yield* orderedBatches(CSV_WORKER, { columns, rows: sharedCopy(rows) } satisfies CsvWorkerData, rows.length, csvBatchRows(csvNumbersPerRow(table, options)), threads);
}

/** The columns with every typed array copied into shared memory (the text columns are copied to each thread). */
function sharedColumns(columns: CsvResultColumns): CsvResultColumns {
  return {
    ...columns,
    rank: sharedCopy(columns.rank),
    score: sharedCopy(columns.score),
    tier: sharedCopy(columns.tier),
    groupScores: columns.groupScores.map((scores) => (scores === undefined ? undefined : sharedCopy(scores))),
    indicators: columns.indicators.map((i) => (i === undefined ? undefined : { value: sharedCopy(i.value), normalised: sharedCopy(i.normalised), imputed: sharedCopy(i.imputed) })),
  };
}
