/**
 * A worker thread of `parseSubmissions` for large wide CSV files: parses one piece of the file
 * (csv-parse, as in one thread) and converts its cells, so a file's pieces are read in parallel.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseCsvPiece, type CsvDialect } from './csv-table.js';
import { countRecordLines, WideRowsBuilder, type WideRows, type WideRowsPlan } from './wide-rows.js';

export interface WidePieceTask {
  readonly piece: { readonly text: string; readonly lineOffset: number };
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
  const rows = new WideRowsBuilder(task.plan, countRecordLines(task.piece.text));
  const { diagnostics } = parseCsvPiece(task.piece, task.file, task.dialect, task.header, (record) => rows.add(record));
  return { rows: rows.finish(), diagnostics };
}
