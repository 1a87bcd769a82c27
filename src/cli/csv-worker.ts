/**
 * A worker thread of {@link parallelCsvChunks}: writes batches of CSV rows as UTF-8 from the
 * columns it was given once (in shared memory), and hands the bytes back without a copy.
 */
import { move, workerData } from 'piscina';
import { CsvByteWriter } from '../report/csv-bytes.js';
import { writeCsvRows } from '../report/results/csv.js';
import type { BatchTask } from './batch-threads.js';
import type { CsvWorkerData } from './csv-workers.js';

const { columns, rows } = workerData as CsvWorkerData;

export default function writeBatch(task: BatchTask): unknown {
  const out = new CsvByteWriter();
  writeCsvRows(out, columns, rows, task.start, task.end);
  const chunks = out.takeChunks(true);
  // One piece of exactly its size, in memory of its own (never a pooled Buffer's), to move.
  const bytes = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return move(bytes);
}
