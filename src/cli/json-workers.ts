/**
 * `--format json` on worker threads. At township scale (40,000 regions × 200 indicators) the
 * document is over a gigabyte and writing it takes longer than scoring; the batches of results
 * are independent, so worker threads write them while this thread only writes bytes out, in
 * order. The text is the same bytes as `jsonResultChunks` writes in one thread: both run
 * `jsonRowsBytes` on the same columns.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { ScoreTable } from '../model/score-table.js';
import type { ResultFormatOptions } from '../report/results/formatter.js';
import { jsonBatchRows, jsonHead, jsonResultChunks, jsonResultColumns, jsonTail, type JsonResultColumns } from '../report/results/json.js';
import { selectRows, type RowSelection } from '../report/results/select.js';
import { hasGroups, hasIndicators, type ResultDetail } from '../report/results/detail.js';
import { orderedBatches, sharedCopy, type BatchTask } from './batch-threads.js';

export interface JsonWorkerData {
  readonly columns: JsonResultColumns;
  /** The rows to write, in output order. */
  readonly rows: Uint32Array;
}

/** Write results `rows[start..end)`. */
export type JsonBatchTask = BatchTask;

/**
 * Below this many numbers in the results, starting threads costs more than it saves: measured,
 * a county-level run (2,850 regions × 100 indicators, about 775,000 numbers with its groups)
 * took 1.60 s end to end with threads against 1.49 s without; a township-level one (19 million)
 * 14.2 s against 18.1 s (bench/results.md).
 */
const PARALLEL_MIN_NUMBERS = 4_000_000;

/**
 * The compiled worker. Run from the TypeScript sources (vitest, tsx) there is none, and the JSON
 * is written in this thread instead — the same bytes, only slower. In the bundled CLI it is an
 * entry point in the folder of the chunk holding this code (docs/bundle.md).
 */
const JSON_WORKER = new URL('./json-worker.js', import.meta.url);

/**
 * Worker threads worth starting for `table`'s JSON: 0 (write it in this thread) when small or on
 * one core. Measured on the rows `--period` and `--top` keep, not the whole table: `--top 10` of
 * a township run is a few kilobytes, and threads would first copy every column into shared
 * memory. Never more threads than batches, since each thread writes whole batches.
 */
export function jsonThreads(table: ScoreTable, selection: RowSelection & { readonly detail?: ResultDetail | undefined }, requested: number | undefined): number {
  const rowCount = selection.period === undefined && selection.top === undefined ? table.order.length : selectRows(table, selection).length;
  // Only the numbers `--detail` keeps: a summary of a township run is small.
  const detail = selection.detail ?? 'indicators';
  const groups = hasGroups(detail) ? table.framework.groups : [];
  const indicators = hasIndicators(detail) ? table.framework.indicators : [];
  const batches = Math.ceil(rowCount / jsonBatchRows({ nodeIds: groups, indicatorIds: indicators }));
  const numbers = rowCount * (3 * groups.length + 2 * indicators.length);
  const cores = availableParallelism();
  const wanted = requested ?? (numbers >= PARALLEL_MIN_NUMBERS && cores > 1 ? Math.min(cores, 4) : 0);
  const threads = Math.min(wanted, batches);
  return threads <= 1 ? 0 : threads;
}

/** `jsonResultChunks`, with the results written by `threads` worker threads. */
export async function* parallelJsonChunks(table: ScoreTable, options: ResultFormatOptions, threads: number): AsyncGenerator<string | Uint8Array, void, undefined> {
  if (!existsSync(JSON_WORKER)) {
    yield* jsonResultChunks(table, options);
    return;
  }
  const rows = selectRows(table, options);
  yield jsonHead(table, rows.length > 0);
  if (rows.length > 0) {
    const columns = sharedColumns(jsonResultColumns(table, options.detail));
    yield* orderedBatches(JSON_WORKER, { columns, rows: sharedCopy(rows) } satisfies JsonWorkerData, rows.length, jsonBatchRows(columns), threads);
  }
  yield jsonTail(table, options, rows.length > 0);
}

/** The columns with every typed array copied into shared memory, so threads read them without a copy each. */
function sharedColumns(columns: JsonResultColumns): JsonResultColumns {
  return {
    ...columns,
    score: sharedCopy(columns.score),
    rank: sharedCopy(columns.rank),
    nodes: columns.nodes.map((n) => ({ score: sharedCopy(n.score), rank: sharedCopy(n.rank), contribution: sharedCopy(n.contribution) })),
    indicators: columns.indicators.map((i) => ({ value: sharedCopy(i.value), normalised: sharedCopy(i.normalised), imputed: sharedCopy(i.imputed) })),
  };
}
