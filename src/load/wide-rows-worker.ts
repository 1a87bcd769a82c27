/**
 * Reads one piece of a large wide CSV file (csv-parse, as in one thread) and converts its cells,
 * so a file's pieces are read in parallel: in the calling thread (`readWidePiece`), or on a
 * piece thread (src/load/piece-threads.ts) started with this module as its script, which takes
 * pieces from the shared counter until none is left, answering with each piece's rows (their
 * typed arrays transferred).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCsvPiece, type CsvDialect, type CsvPiece } from './csv-table.js';
// Types only (erased): this module must not load the thread manager, which imports it.
import type { PieceMessage, PieceThreadData, PieceWork } from './piece-threads.js';
import { countRecordLines, WideRowsBuilder, type WideRows, type WideRowsPlan } from './wide-rows.js';

export interface WidePieceTask {
  readonly piece: CsvPiece;
  readonly file: string;
  readonly dialect: CsvDialect;
  readonly header: readonly string[];
  readonly plan: WideRowsPlan;
}

export interface WidePieceResult {
  readonly rows: WideRows;
  /** The piece's CSV findings (rows with the wrong number of fields), with lines in the whole file. */
  readonly diagnostics: Diagnostic[];
}

export default function readWidePiece(task: WidePieceTask): WidePieceResult {
  // Each record is converted as csv-parse produces it and then dropped: the piece's records
  // (millions of small strings at township scale) never exist all at once.
  // Room for every record at once: growing by doubling copied the values several times over.
  const rows = new WideRowsBuilder(task.plan, countRecordLines('text' in task.piece ? task.piece.text : task.piece.bytes));
  const { diagnostics } = parseCsvPiece(task.piece, task.file, task.dialect, task.header, (record) => rows.add(record));
  return { rows: rows.finish(), diagnostics };
}

// On a piece thread (src/load/piece-threads.ts): given the pieces and the shared counter, take
// the next piece until none is left, post each result (its arrays transferred), then `done`.
const threadData = workerData as Partial<PieceThreadData> | null;
if (threadData?.dgmiWidePieceThread === true && threadData.results && parentPort) {
  const results = threadData.results;
  parentPort.on('message', ({ tasks, next }: PieceWork) => {
    for (let piece = Atomics.add(next, 0, 1); piece < tasks.length; piece = Atomics.add(next, 0, 1)) {
      const task = tasks[piece];
      if (!task) continue;
      const result = readWidePiece(task);
      const { values, hasBadCell, isRagged } = result.rows;
      const buffers = [values.buffer, hasBadCell.buffer, isRagged.buffer].filter((buffer) => buffer instanceof ArrayBuffer);
      results.postMessage({ piece, result } satisfies PieceMessage, buffers);
    }
    results.postMessage({ done: true } satisfies PieceMessage);
  });
}
