/**
 * The worker threads that read the pieces of a large CSV file together with this thread (issue
 * 14). They are started as soon as a file is known to be large — before the framework is parsed
 * and the file cut — so that their start-up (a Node environment; csv-parse and the cell parsers
 * compiled) overlaps that work instead of following it.
 *
 * The file is cut into several pieces per reader, and every reader — this thread and each
 * worker — takes the next piece not yet taken, by an atomic counter in shared memory, until none
 * is left. The pieces' bytes are copied once into shared memory, so a worker reads any of them
 * without a message per piece: a thread that starts late or runs on a busier core simply takes
 * fewer pieces, and nobody waits for a hand-over (handing pieces over from this thread, between
 * two of its own, left the worker idle for a third of the time). The results are in piece order
 * whoever read them. Plain `worker_threads`, not a pool (piscina): a pool hands tasks over from
 * this thread's event loop, which is busy reading. Values and flags come back transferred.
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
export const PIECES_PER_READER = 16;

/** What a piece thread is given at start-up: the marker that makes the module wait for work, and the port its results go to. */
export interface PieceThreadData {
  readonly dgmiWidePieceThread: true;
  readonly results: MessagePort;
}

/** The work a piece thread is given: every piece (their bytes in shared memory) and the counter the readers take pieces by. */
export interface PieceWork {
  readonly tasks: readonly WidePieceTask[];
  /** `next[0]`: the index of the next piece to take (Atomics.add). */
  readonly next: Int32Array;
}

/** What a piece thread posts: a piece's result, then `done` when no piece is left. */
export type PieceMessage = { readonly piece: number; readonly result: WidePieceResult } | { readonly done: true };

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
  /** Pieces the threads (not this one) read in the last {@link readAll}. */
  piecesReadByThreads = 0;

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
    const work: PieceWork = { tasks: inSharedMemory(tasks), next: new Int32Array(new SharedArrayBuffer(4)) };
    for (const member of this.members) member.worker.postMessage(work);
    const results: WidePieceResult[] = new Array<WidePieceResult>(tasks.length);
    this.piecesReadByThreads = 0;
    const finished = new Set<Member>();
    const take = (member: Member, message: PieceMessage) => {
      if ('done' in message) {
        finished.add(member);
        return;
      }
      results[message.piece] = message.result;
      this.piecesReadByThreads++;
    };
    for (let k = Atomics.add(work.next, 0, 1); k < tasks.length; k = Atomics.add(work.next, 0, 1)) {
      const task = work.tasks[k];
      if (task) results[k] = readWidePiece(task);
      // Collected as they come, so their transferred arrays are not all queued at the end.
      for (const member of this.members) for (let m = receiveMessageOnPort(member.results); m; m = receiveMessageOnPort(member.results)) take(member, m.message as PieceMessage);
    }
    // Each thread ends its work with `done`, after its last result (some may have said so already).
    for (const member of this.members) while (!finished.has(member)) take(member, await nextMessage(member));
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

/** The thread's next message: one already posted, or the next it posts (a failure or an early end rejects). */
function nextMessage(member: Member): Promise<PieceMessage> {
  const received = receiveMessageOnPort(member.results);
  if (received !== undefined) return Promise.resolve(received.message as PieceMessage);
  const answered = new Promise<PieceMessage>((resolve) => {
    member.results.once('message', (message: PieceMessage) => {
      // Listening started the port; unref it so that an idle port keeps no process alive.
      member.results.unref();
      resolve(message);
    });
  });
  return Promise.race([answered, member.failed]);
}

/**
 * The tasks with their pieces' bytes copied into one block of shared memory, which every thread
 * reads without a copy of its own (a text piece — a file in another encoding — is encoded as
 * UTF-8, which is what csv-parse parses it as anyway).
 */
function inSharedMemory(tasks: readonly WidePieceTask[]): WidePieceTask[] {
  const sizes = tasks.map(({ piece }) => ('text' in piece ? Buffer.byteLength(piece.text) : piece.bytes.byteLength));
  const memory = Buffer.from(new SharedArrayBuffer(sizes.reduce((sum, size) => sum + size, 0)));
  let at = 0;
  return tasks.map((task, k) => {
    const { piece } = task;
    const size = sizes[k] ?? 0;
    if ('text' in piece) memory.write(piece.text, at, 'utf8');
    else memory.set(piece.bytes, at);
    const bytes = memory.subarray(at, at + size);
    at += size;
    return { ...task, piece: { bytes, lineOffset: piece.lineOffset } };
  });
}
