/**
 * A worker thread of {@link parallelJsonChunks}: writes batches of results as UTF-8 from the
 * columns it was given once (in shared memory), and hands the bytes back without a copy.
 */
import { move, workerData } from 'piscina';
import { jsonRowTemplates, jsonRowsBytes, type JsonResultColumns } from '../report/results/json.js';
import type { JsonBatchTask, JsonWorkerData } from './json-workers.js';

const { columns, rows } = workerData as JsonWorkerData;
const templates = jsonRowTemplates(columns satisfies JsonResultColumns);

export default function writeBatch(task: JsonBatchTask): unknown {
  return move(jsonRowsBytes(columns, templates, rows, task.start, task.end));
}
