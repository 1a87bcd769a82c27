/**
 * Large CSV files read in pieces: cut at record boundaries, a wide file's pieces converted on
 * worker threads and committed here in file order, so the result is the one reading it whole gives.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { CellReporter } from './cell-reporter.js';
import { mapColumns } from './columns.js';
import { raggedStopOfPieces } from './ragged-rows.js';
import { parseCsvPiece, splitCsvText, type CsvRecord, type CsvSplit, type CsvTable } from './csv-table.js';
import { forDelimiter, type FileContext } from './file-context.js';
import { readRows } from './table-rows.js';
import { commitWideRows, widePlan } from './wide-commit.js';
import readWidePiece, { type WidePieceResult, type WidePieceTask } from './wide-rows-worker.js';

/**
 * From this many characters on, a file is read in pieces, one per thread (and in one piece,
 * record by record, with `--threads 1`); smaller files are read whole, where starting threads
 * would cost more than it saves.
 */
const LARGE_FILE_CHARS = 8 * 1024 * 1024;

/** `text` cut into pieces, when it is large (or `--threads` asks for threads) and can be cut safely. */
export function splitLargeCsv(text: string, file: string, threads: number | undefined): CsvSplit | undefined {
  const isLarge = text.length >= LARGE_FILE_CHARS;
  const count = threads ?? (isLarge ? Math.min(availableParallelism(), 4) : 1);
  return count > 1 || isLarge ? splitCsvText(text, file, count) : undefined;
}

/**
 * A split CSV file: a wide file's pieces are parsed and converted on worker threads (a single
 * piece in this thread, record by record), then committed here in file order — the same rows
 * and diagnostics, in the same order, as reading it whole. Anything else (a long file, unnamed
 * columns to check) is parsed piece after piece here and read as a whole table.
 */
export async function readSplitRows(split: CsvSplit, file: string, fileContext: FileContext): Promise<void> {
  const context = forDelimiter(fileContext, split.dialect.delimiter);
  const mapping = mapColumns(context.framework, split.header, { file, line: split.headerLine }, { regionFromName: context.regions !== undefined });
  const layout = mapping.layout;
  if (layout?.kind !== 'wide' || mapping.unnamedColumns.length > 0) {
    const table = joinPieces(split, file, context.diagnostics);
    if (table) readRows(table, file, context);
    return;
  }
  const plan = widePlan(layout, context);
  const tasks = split.pieces.map((piece) => ({ piece, file, dialect: split.dialect, header: split.header, plan }));
  const results = tasks.length === 1 || !existsSync(WIDE_PIECE_WORKER) ? tasks.map(readWidePiece) : await readPiecesOnThreads(tasks);
  const stop = raggedStopOfPieces(results.flatMap((result) => result.diagnostics), file, split.header.length);
  if (stop) {
    context.diagnostics.push(stop);
    return;
  }
  for (const result of results) context.diagnostics.push(...result.diagnostics);
  if (results.every((result) => result.rows.lines.length === 0)) {
    context.diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: split.headerLine }));
  }
  context.diagnostics.push(...mapping.diagnostics);
  const cells = new CellReporter(file, split.header, context);
  commitWideRows(
    results.map((result) => result.rows),
    file,
    layout,
    mapping.isAmbiguous,
    cells,
    context,
  );
  cells.finish();
}

/**
 * The compiled worker. Run from the TypeScript sources (vitest, tsx) there is none, and the
 * pieces are read one after another in this thread instead — the same result, only slower.
 */
const WIDE_PIECE_WORKER = new URL('./wide-rows-worker.js', import.meta.url);

/**
 * One thread per piece; the pool ends as soon as the file is read, and the threads' heaps with it.
 * piscina is imported here, not at the top: most runs read no file large enough for threads,
 * and `score` and `validate --data` should not pay for loading it (issue 15).
 */
async function readPiecesOnThreads(tasks: readonly WidePieceTask[]): Promise<WidePieceResult[]> {
  const threads = tasks.length;
  const { Piscina } = await import('piscina');
  const pool = new Piscina<WidePieceTask, WidePieceResult>({ filename: WIDE_PIECE_WORKER.href, minThreads: threads, maxThreads: threads });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task)));
  } finally {
    await pool.destroy();
  }
}

/** A split file's pieces parsed here, one after another, into the table reading it whole gives (none when its ragged rows stop it). */
function joinPieces(split: CsvSplit, file: string, diagnostics: Diagnostic[]): CsvTable | undefined {
  const records: CsvRecord[] = [];
  const found: Diagnostic[] = [];
  for (const piece of split.pieces) {
    const parsed = parseCsvPiece(piece, file, split.dialect, split.header);
    records.push(...parsed.records);
    found.push(...parsed.diagnostics);
  }
  const stop = raggedStopOfPieces(found, file, split.header.length);
  if (stop) {
    diagnostics.push(stop);
    return undefined;
  }
  diagnostics.push(...found);
  if (records.length === 0) diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: split.headerLine }));
  return { delimiter: split.dialect.delimiter, header: split.header, headerLine: split.headerLine, records };
}
