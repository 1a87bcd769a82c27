/**
 * Results written in batches by worker threads (piscina), handed back in order: what `--format
 * json` and `--format csv` do at township scale (json-workers.ts, csv-workers.ts). The columns
 * the threads read are copied once into shared memory; each batch comes back as bytes, moved,
 * not copied; this thread only writes them out, in order.
 */

/** Write rows `[start, end)` of the output order. */
export interface BatchTask {
  readonly start: number;
  readonly end: number;
}

/** `array` copied into shared memory, so threads read it without a copy each. */
export function sharedCopy<T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(array: T): T {
  const copy = new (array.constructor as new (buffer: SharedArrayBuffer) => T)(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

/**
 * The batches of `rowCount` rows, `step` at a time, written by `threads` threads running
 * `worker` with `workerData`, yielded in order. The pool ends when the last batch is out (or
 * the consumer stops early).
 */
export async function* orderedBatches(worker: URL, workerData: unknown, rowCount: number, step: number, threads: number): AsyncGenerator<Uint8Array, void, undefined> {
  // Loaded here, not at the top: most runs start no thread, and piscina costs start-up time.
  const { Piscina } = await import('piscina');
  const pool = new Piscina<BatchTask, Uint8Array>({ filename: worker.href, minThreads: threads, maxThreads: threads, workerData });
  const pending: Promise<Uint8Array>[] = [];
  let next = 0;
  const submit = () => {
    const task = { start: next, end: Math.min(rowCount, next + step) };
    next = task.end;
    const result = pool.run(task);
    // Awaited in order below; this keeps a failure of a later batch from going unhandled meanwhile.
    result.catch(() => undefined);
    pending.push(result);
  };
  try {
    // Two batches per thread in flight: threads never wait for work, and memory stays bounded.
    while (next < rowCount && pending.length < 2 * threads) submit();
    for (let result = pending.shift(); result !== undefined; result = pending.shift()) {
      const bytes = await result;
      if (next < rowCount) submit();
      yield bytes;
    }
  } finally {
    await pool.destroy();
  }
}
