/**
 * The worker threads that read the pieces of a large CSV file (issue 14). They are started as
 * soon as a file is known to be large — before this thread decodes and cuts it — so that their
 * start-up (a Node environment, csv-parse and the cell parsers compiled) overlaps that work
 * instead of following it. Each thread reads one piece and ends; the first piece is read by the
 * calling thread itself, which would otherwise wait idle, so a file in N pieces takes N − 1
 * threads.
 *
 * Plain `worker_threads`, not a pool (piscina): a task travels in a message posted at once, so
 * the thread starts reading while this thread is busy with its own piece — a pool would hand
 * the task over from this thread's event loop, only after that piece was done. The values and
 * flags come back transferred, not copied (64 MB at township scale).
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { WidePieceResult, WidePieceTask } from './wide-rows-worker.js';

/**
 * The compiled worker. Run from the TypeScript sources (vitest, tsx) there is none, and the
 * pieces are read one after another in this thread instead — the same result, only slower.
 */
const WIDE_PIECE_WORKER = new URL('./wide-rows-worker.js', import.meta.url);

/** What a piece thread is told at start-up, so the module knows to wait for its task. */
export const PIECE_THREAD_DATA = { dgmiWidePieceThread: true } as const;

export class PieceThreads {
  private readonly idle: Worker[];

  private constructor(count: number) {
    this.idle = Array.from({ length: count }, () => new Worker(WIDE_PIECE_WORKER, { workerData: PIECE_THREAD_DATA }));
  }

  /** `count` threads starting now, or none where there is no compiled worker to run. */
  static start(count: number): PieceThreads | undefined {
    return count > 0 && existsSync(WIDE_PIECE_WORKER) ? new PieceThreads(count) : undefined;
  }

  /** Threads started and not yet given a piece. */
  get available(): number {
    return this.idle.length;
  }

  /** Reads `task` on one of the threads, which then ends. */
  read(task: WidePieceTask): Promise<WidePieceResult> {
    const worker = this.idle.shift();
    if (worker === undefined) return Promise.reject(new Error('no piece thread left'));
    return new Promise((resolve, reject) => {
      worker.once('message', (result: WidePieceResult) => {
        resolve(result);
        void worker.terminate();
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`piece thread exited with code ${code} before answering`)));
      worker.postMessage(...sendable(task));
    });
  }

  /** Ends the threads not used (a file that could not be cut, or cut into fewer pieces). */
  async close(): Promise<void> {
    const unused = this.idle.splice(0);
    await Promise.all(unused.map((worker) => worker.terminate()));
  }
}

/**
 * The task as posted: a piece's bytes are a view into the whole file, and a view is posted with
 * all of the memory it views — the piece is copied out and its copy transferred instead.
 */
function sendable(task: WidePieceTask): [WidePieceTask, ArrayBuffer[]] {
  if (!('bytes' in task.piece)) return [task, []];
  // A copy (Buffer's `slice` would be another view).
  const bytes = new Uint8Array(task.piece.bytes);
  return [{ ...task, piece: { bytes, lineOffset: task.piece.lineOffset } }, [bytes.buffer]];
}
