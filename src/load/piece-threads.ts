/**
 * The worker threads that read the pieces of a large CSV file together with this thread (issue
 * 14). They are started as soon as a file is known to be large — before this thread cuts it —
 * so that their start-up (a Node environment; csv-parse and the cell parsers compiled) overlaps
 * that work instead of following it.
 *
 * The file is cut into several pieces per thread and the pieces are shared out as the readers
 * become free: this thread reads one piece after another, and between two it collects what the
 * threads have finished (synchronously, from a MessagePort) and hands each the next piece. A
 * thread that starts late or runs on a busier core so reads fewer pieces, instead of keeping
 * everyone waiting at the end as equal halves did. The results are in piece order whoever read
 * them. Plain `worker_threads`, not a pool (piscina): a pool hands tasks over from this thread's
 * event loop, which is busy reading. Values and flags come back transferred, not copied.
 */
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import readWidePiece, { type WidePieceResult, type WidePieceTask } from './wide-rows-worker.js';

/**
 * The compiled worker. Run from the TypeScript sources (vitest, tsx) there is none, and the
 * pieces are read one after another in this thread instead — the same result, only slower.
 */
const WIDE_PIECE_WORKER = new URL('./wide-rows-worker.js', import.meta.url);

/** Pieces per reader (this thread and each worker): small enough to share out evenly, large enough that a piece's own costs stay small. */
export const PIECES_PER_READER = 4;

/** What a piece thread is given at start-up: the marker that makes the module wait for tasks, and the port its results go to. */
export interface PieceThreadData {
  readonly dgmiWidePieceThread: true;
  readonly results: MessagePort;
}

interface Member {
  readonly worker: Worker;
  /** Where the thread posts its results, read synchronously here. */
  readonly results: MessagePort;
  /**
   * Rejects when the thread fails or ends. Listened to from the start: a thread that dies while
   * this thread awaits another's result must not go unnoticed, or its piece would be awaited forever.
   */
  readonly failed: Promise<never>;
}

function startMember(): Member {
  const { port1, port2 } = new MessageChannel();
  const workerData: PieceThreadData = { dgmiWidePieceThread: true, results: port2 };
  const worker = new Worker(WIDE_PIECE_WORKER, { workerData, transferList: [port2] });
  const failed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`piece thread exited with code ${code}`)));
  });
  // Ending the threads when done (close) rejects it too; only a result awaited meanwhile cares.
  failed.catch(() => undefined);
  return { worker, results: port1, failed };
}

/** Threads started ahead by {@link prestartPieceThreads}, not yet taken; they keep no process alive. */
const prestarted: Member[] = [];

/**
 * Starts `count` piece threads ahead of need, for the CLI to call as soon as it knows a large CSV
 * file is coming — before it parses the framework, so that the threads boot meanwhile. The next
 * {@link PieceThreads.start} takes them; unused, they do not keep the process from ending.
 */
export function prestartPieceThreads(count: number): void {
  if (!existsSync(WIDE_PIECE_WORKER)) return;
  while (prestarted.length < count) {
    const member = startMember();
    member.worker.unref();
    prestarted.push(member);
  }
}

export class PieceThreads {
  private members: Member[];

  private constructor(count: number) {
    const taken = prestarted.splice(0, count);
    for (const member of taken) member.worker.ref();
    this.members = [...taken, ...Array.from({ length: count - taken.length }, startMember)];
  }

  /** `count` threads (those started ahead first), or none where there is no compiled worker to run. */
  static start(count: number): PieceThreads | undefined {
    return count > 0 && existsSync(WIDE_PIECE_WORKER) ? new PieceThreads(count) : undefined;
  }

  /** Threads running. */
  get size(): number {
    return this.members.length;
  }

  /** Reads every task, on the threads and here, and returns the results in task order. */
  async readAll(tasks: readonly WidePieceTask[]): Promise<WidePieceResult[]> {
    const results: WidePieceResult[] = new Array<WidePieceResult>(tasks.length);
    const inFlight = new Map<Member, number>();
    let next = 0;
    const give = (member: Member) => {
      const task = tasks[next];
      if (task === undefined) return;
      inFlight.set(member, next++);
      member.worker.postMessage(...sendable(task));
    };
    for (const member of this.members) give(member);
    while (next < tasks.length) {
      for (const [member, k] of inFlight) {
        const received = receiveMessageOnPort(member.results);
        if (received === undefined) continue;
        results[k] = received.message as WidePieceResult;
        inFlight.delete(member);
        give(member);
      }
      const task = tasks[next];
      if (task !== undefined) results[next++] = readWidePiece(task);
    }
    for (const [member, k] of inFlight) results[k] = await nextResult(member);
    return results;
  }

  /** Ends the threads. */
  async close(): Promise<void> {
    const members = this.members;
    this.members = [];
    for (const member of members) member.results.close();
    await Promise.all(members.map((member) => member.worker.terminate()));
  }
}

/** The thread's next result: one already posted, or the one it is working on (a failure or an early end rejects). */
function nextResult(member: Member): Promise<WidePieceResult> {
  const received = receiveMessageOnPort(member.results);
  if (received !== undefined) return Promise.resolve(received.message as WidePieceResult);
  const answered = new Promise<WidePieceResult>((resolve) => {
    member.results.once('message', (result: WidePieceResult) => {
      // Listening started the port; unref it so that an idle port keeps no process alive.
      member.results.unref();
      resolve(result);
    });
  });
  return Promise.race([answered, member.failed]);
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
