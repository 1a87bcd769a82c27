/**
 * The piece threads of a large CSV file, run from the compiled build (`npm test` builds dist/
 * first): from the TypeScript sources there is no worker script, and test/unit/
 * threads-from-sources.test.ts covers that fallback. Here the threads really start, read a piece
 * each and hand back their rows with the typed arrays transferred — which must be the rows, the
 * flags and the findings this thread reads from the same piece.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PieceThreads as PieceThreadsType, prestartPieceThreads as prestartType } from '../../src/load/piece-threads.js';
import type { parseSubmissions as ParseSubmissions } from '../../src/load/submissions.js';
import type readWidePieceType from '../../src/load/wide-rows-worker.js';
import type { WidePieceTask } from '../../src/load/wide-rows-worker.js';
import { projectRoot } from '../cli/run-cli.js';
import { cellSpecOf } from '../../src/load/cells.js';
import { loadTestFramework } from '../fixtures/data/framework.js';

const compiled = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(projectRoot, 'dist', path)).href)) as T;
const { PieceThreads, prestartPieceThreads } = await compiled<{ PieceThreads: typeof PieceThreadsType; prestartPieceThreads: typeof prestartType }>('load/piece-threads.js');
const { parseSubmissions } = await compiled<{ parseSubmissions: typeof ParseSubmissions }>('load/submissions.js');
const { default: readWidePiece } = await compiled<{ default: typeof readWidePieceType }>('load/wide-rows-worker.js');

const HEADER = 'region,name,group,period,online_rate,cdo,has_portal,services';
/** 40 rows: every 7th has a bad percentage, row 12 one field too many. */
const ROWS = Array.from({ length: 40 }, (_, r) => `${100000 + r},地区${r},east,2022,${r % 7 === 0 ? 'abc' : r},${r % 3},是,${r}${r === 12 ? ',extra' : ''}`);

/** A task reading `piece` of a file with {@link HEADER}, every indicator of the load-test framework converted. */
function pieceTask(piece: WidePieceTask['piece']): WidePieceTask {
  return {
    piece,
    file: 'f.csv',
    dialect: { delimiter: ',', recordDelimiter: '\n' },
    header: HEADER.split(','),
    plan: {
      targets: loadTestFramework().indicators.map((indicator, k) => ({ column: 4 + k, spec: cellSpecOf(indicator) })),
      rows: { region: 0, name: 1, group: 2, period: 3 },
      maxProblems: 100,
    },
  };
}

function csvFile(text: string) {
  const bytes = new TextEncoder().encode(text);
  return { path: 'f.csv', bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

describe('piece threads (compiled build)', () => {
  it('start as many threads as asked, and end them when closed', async () => {
    const threads = PieceThreads.start(2);
    expect(threads?.size).toBe(2);
    await threads?.close();
    expect(threads?.size).toBe(0);
    expect(PieceThreads.start(0)).toBeUndefined();
  });

  it('threads started ahead are taken by the next start, and unused they let a process end', async () => {
    prestartPieceThreads(2);
    const threads = PieceThreads.start(3);
    expect(threads?.size).toBe(3);
    const task = pieceTask({ text: `${ROWS.slice(0, 6).join('\n')}\n`, lineOffset: 1 });
    expect(await threads!.readAll([task, task, task, task])).toEqual([task, task, task, task].map(readWidePiece));
    await threads!.close();
    // A process that starts threads ahead and never uses them still ends by itself.
    const url = pathToFileURL(join(projectRoot, 'dist/load/piece-threads.js')).href;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `(await import(${JSON.stringify(url)})).prestartPieceThreads(2); console.log('started')`], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('started\n');
  });

  it('a thread that ends early makes reading fail, instead of waiting for it forever', async () => {
    const task = pieceTask({ text: `${ROWS.slice(0, 3).join('\n')}\n`, lineOffset: 1 });
    const threads = PieceThreads.start(1);
    // Reached into on purpose: a thread that dies (out of memory, say) before it answers.
    const { members } = threads as unknown as { members: { worker: { terminate(): Promise<number> } }[] };
    await members[0]?.worker.terminate();
    await expect(threads!.readAll([task, task, task])).rejects.toThrow(/piece thread exited/u);
    await threads!.close();
  });

  it('pieces read by the threads and this one give what this thread alone reads, arrays and findings alike', async () => {
    const task = pieceTask({ text: `${ROWS.slice(10, 20).join('\n')}\n`, lineOffset: 11 });
    const here = readWidePiece(task);
    const threads = PieceThreads.start(1);
    expect(threads).toBeDefined();
    // Two copies of the task, taken by whichever reader is free first.
    const [there, alsoHere] = await threads!.readAll([task, task]);
    await threads!.close();
    expect(alsoHere).toEqual(here);
    expect(there).toBeDefined();
    if (!there) return;
    expect(there.rows.values).toBeInstanceOf(Float64Array);
    expect(Array.from(there.rows.values)).toEqual(Array.from(here.rows.values));
    expect(Array.from(there.rows.hasBadCell)).toEqual(Array.from(here.rows.hasBadCell));
    expect(Array.from(there.rows.isRagged)).toEqual(Array.from(here.rows.isRagged));
    expect(there.rows.lines).toEqual(here.rows.lines);
    expect(there.rows.problems).toEqual(here.rows.problems);
    expect(there.diagnostics).toEqual(here.diagnostics);
    // Rows 14 (bad cell) and 12 (one field too many) are in this piece, on lines 15 and 13.
    expect(here.rows.lines).toEqual([12, 13, 14, 15, 16, 17, 18, 19, 20, 21]);
    expect(Array.from(here.rows.isRagged)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(here.rows.hasBadCell)).toEqual([0, 0, 0, 0, 1, 0, 0, 0, 0, 0]);
  });

  it('a piece cut as bytes — a view into the whole file — is read by the threads as here, and the file stays whole', async () => {
    const text = `${HEADER}\n${ROWS.join('\n')}\n`;
    const file = Buffer.from(text);
    const start = file.indexOf(`${ROWS[20]}`);
    const end = file.indexOf(`${ROWS[30]}`);
    const task = pieceTask({ bytes: file.subarray(start, end), lineOffset: 21 });
    const here = readWidePiece(task);
    const threads = PieceThreads.start(1);
    const [there] = await threads!.readAll([task, task]);
    await threads!.close();
    if (!there) throw new Error('no result');
    expect(Array.from(there.rows.values)).toEqual(Array.from(here.rows.values));
    expect(there.rows.rowCells).toEqual(here.rows.rowCells);
    expect(here.rows.rowCells.name).toEqual(Array.from({ length: 10 }, (_, i) => `地区${20 + i}`));
    expect(here.rows.lines[0]).toBe(22);
    // The threads read a copy of the piece in shared memory: the file itself is untouched.
    expect(file.toString()).toBe(text);
  });

  it('many pieces shared out between two threads and this one come back in piece order, some read by the threads', async () => {
    // 24 pieces of 2,000 rows: far more than this thread reads before the threads have started.
    const rows = Array.from({ length: 24 * 2000 }, (_, r) => `${200000 + r},地区${r},east,2022,${r % 101},${r % 3},是,${r}`);
    const pieces = Array.from({ length: 24 }, (_, k) => pieceTask({ text: `${rows.slice(2000 * k, 2000 * k + 2000).join('\n')}\n`, lineOffset: 1 + 2000 * k }));
    const threads = PieceThreads.start(2);
    const results = await threads!.readAll(pieces);
    const byThreads = threads!.piecesReadByThreads;
    await threads!.close();
    expect(byThreads).toBeGreaterThan(0);
    expect(results.map((result) => result.rows.rowCells.region[0])).toEqual(Array.from({ length: 24 }, (_, k) => String(200000 + 2000 * k)));
    expect(results.flatMap((result) => result.rows.lines)).toEqual(Array.from({ length: 48000 }, (_, r) => r + 2));
    expect(results).toEqual(pieces.map(readWidePiece));
  });

  it('a thread that has finished while this one still reads is not waited for again', async () => {
    // This thread takes the first piece, a long one; the thread takes the short ones and says it is done meanwhile.
    const rows = Array.from({ length: 150_000 }, (_, r) => `${300000 + r},地区${r},east,2022,${r % 101},${r % 3},是,${r}`);
    const long = pieceTask({ text: `${rows.join('\n')}\n`, lineOffset: 1 });
    const short = Array.from({ length: 6 }, (_, k) => pieceTask({ text: `${ROWS.slice(k, k + 1).join('\n')}\n`, lineOffset: 1 + k }));
    const threads = PieceThreads.start(1);
    const results = await threads!.readAll([long, ...short]);
    await threads!.close();
    expect(results).toHaveLength(7);
    expect(results[0]?.rows.lines).toHaveLength(150_000);
    expect(results.slice(1)).toEqual(short.map(readWidePiece));
  }, 20_000);

  it('a file read in 3 pieces (2 of them on threads) is the file read whole', async () => {
    const framework = loadTestFramework();
    const file = csvFile(`${HEADER}\n${ROWS.join('\n')}\n`);
    const whole = await parseSubmissions(framework, [file], { threads: 1 });
    const pieces = await parseSubmissions(framework, [file], { threads: 3 });
    expect(pieces.diagnostics).toEqual(whole.diagnostics);
    expect(pieces.diagnostics.filter((d) => d.code === 'cell-not-a-number')).toHaveLength(6); // rows 0, 7, …, 35
    expect(pieces.diagnostics.some((d) => d.line === 14)).toBe(true); // row 12's extra field, on line 14
    expect(pieces.dataset).toEqual(whole.dataset);
  });
});
