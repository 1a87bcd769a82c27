/**
 * Large CSV files read in pieces: cut at record boundaries (as bytes for UTF-8, csv-byte-split.ts;
 * else as text), a wide file's pieces converted by this thread and piece threads together
 * (piece-threads.ts) and committed here in file order, so the result is the one reading it whole gives.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { CellReporter } from './cell-reporter.js';
import { mapColumns } from './columns.js';
import { raggedStopOfPieces } from './ragged-rows.js';
import { isUtf8Text, splitCsvBytes, utf8Head } from './csv-byte-split.js';
import { parseCsvPiece, splitCsvText, type CsvRecord, type CsvSplit, type CsvTable } from './csv-table.js';
import type { EncodingOption } from './decode.js';
import { firstCsvRowIsHeader } from './header-row.js';
import { forDelimiter, type FileContext } from './file-context.js';
import { readRows } from './table-rows.js';
import { PIECES_PER_READER, prestartPieceThreads, type PieceThreads } from './piece-threads.js';
import { commitWideRows, widePlan } from './wide-commit.js';
import readWidePiece, { type WidePieceResult, type WidePieceTask } from './wide-rows-worker.js';

/**
 * From this many characters on, a file is read in pieces on several threads (and in one piece,
 * record by record, with `--threads 1`); smaller files are read whole, where starting threads
 * would cost more than it saves.
 */
const LARGE_FILE_CHARS = 8 * 1024 * 1024;

/** The threads reading a text of `chars` characters, this one included: `--threads`, else one per core (up to 4) for a large file. */
function readerCount(chars: number, threads: number | undefined): number {
  return threads ?? (chars >= LARGE_FILE_CHARS ? Math.min(availableParallelism(), 4) : 1);
}

/** The pieces for `readers` threads: a few each, shared out as they become free (piece-threads.ts); one for a single reader. */
function pieceCount(readers: number): number {
  return readers > 1 ? readers * PIECES_PER_READER : 1;
}

/** `text` cut into pieces, when it is large (or `--threads` asks for threads) and can be cut safely. */
export function splitLargeCsv(text: string, file: string, threads: number | undefined): CsvSplit | undefined {
  const readers = readerCount(text.length, threads);
  return readers > 1 || text.length >= LARGE_FILE_CHARS ? splitCsvText(text, file, pieceCount(readers)) : undefined;
}

/**
 * A large UTF-8 file cut as bytes (csv-byte-split.ts), when it can be read as reading it decoded
 * would: the encoding is UTF-8 (given, or detected as `decodeText` detects it) and the header is
 * its first line (with title rows above it, it is decoded and read whole). Large means 8 MB here:
 * a UTF-8 character is at least a byte, so a file cut this way may be one of fewer characters
 * than the text rule's; the result is the same, only read on more threads.
 */
export function splitLargeUtf8Csv(bytes: Uint8Array, file: string, threads: number | undefined, encoding: EncodingOption, isHeader?: (fields: readonly string[]) => boolean): CsvSplit | undefined {
  if (encoding !== 'auto' && encoding !== 'utf8') return undefined;
  const readers = readerCount(bytes.length, threads);
  if (readers <= 1 && bytes.length < LARGE_FILE_CHARS) return undefined;
  if (!isUtf8Text(bytes)) return undefined;
  if (isHeader && !firstCsvRowIsHeader(utf8Head(bytes), isHeader)) return undefined;
  return splitCsvBytes(bytes, file, pieceCount(readers));
}

/**
 * The piece threads a CSV file of `bytes` bytes will want, to start before it is decoded and cut
 * (a character takes at least one byte, so a file too small in bytes is too small in characters;
 * one large in bytes but not in characters starts threads it does not use, which are ended).
 */
export function pieceThreadsWanted(bytes: number, threads: number | undefined): number {
  return readerCount(bytes, threads) - 1;
}

/**
 * Starts the piece threads the CSV files at `paths` will want, ahead of reading them (the CLI
 * calls it before it parses the framework): the largest file's count, by size on disk. A path
 * that cannot be read, or names a workbook, wants none; reading it later says why.
 */
export function prestartForFiles(paths: readonly string[], threads: number | undefined): void {
  let wanted = 0;
  for (const path of paths) {
    if (/\.xlsx$/iu.test(path)) continue;
    try {
      wanted = Math.max(wanted, pieceThreadsWanted(statSync(path).size, threads));
    } catch {
      // Unreadable: reported when it is read.
    }
  }
  if (wanted > 0) prestartPieceThreads(wanted);
}

/**
 * A split CSV file: a wide file's pieces are parsed and converted by this thread and the piece
 * threads together (a single piece in this thread alone, record by record), then committed here
 * in file order — the same rows and diagnostics, in the same order, as reading it whole.
 * Anything else (a long file, unnamed columns to check) is parsed piece after piece here and read
 * as a whole table.
 */
export async function readSplitRows(split: CsvSplit, file: string, fileContext: FileContext, threads?: PieceThreads): Promise<void> {
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
  const results = await readPieces(tasks, threads);
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

/** The pieces, read by the threads and this thread together (see piece-threads.ts), or here alone; in piece order. */
async function readPieces(tasks: readonly WidePieceTask[], threads: PieceThreads | undefined): Promise<WidePieceResult[]> {
  return threads && threads.size > 0 && tasks.length > 1 ? threads.readAll(tasks) : tasks.map(readWidePiece);
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
