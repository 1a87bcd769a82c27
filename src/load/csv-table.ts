/**
 * CSV text → a header and records, each with the 1-based line it starts on. Syntax problems
 * (an unclosed quote, a row with the wrong number of fields) are diagnostics with a line, never
 * exceptions. csv-parse does the parsing; we pick the delimiter ourselves because its
 * `delimiter_auto` crashes on non-ASCII input, and Chinese headers are the norm here.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { RAGGED_ROWS_LIMIT, RaggedRowsStop, raggedRowsStopped } from './ragged-rows.js';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export interface CsvRecord {
  /** Fields as written (not trimmed); may be shorter or longer than the header when `isRagged`. */
  readonly fields: readonly string[];
  /** 1-based line the record starts on. */
  readonly line: number;
  /** The field count does not fit the header: values cannot be matched to columns. */
  readonly isRagged: boolean;
}

export interface CsvTable {
  readonly delimiter: Delimiter;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Data records, blank ones (every field empty or spaces) left out. */
  readonly records: readonly CsvRecord[];
}

export interface CsvTableResult {
  /** Absent when the file is empty or has no readable header. */
  readonly table?: CsvTable;
  readonly diagnostics: Diagnostic[];
}

/** Excel writes `sep=;` as a first line to say which delimiter follows. */
const SEP_LINE = /^sep=(.)\s*$/i;

/**
 * The delimiter of a header line: whichever of comma, semicolon and tab occurs most often
 * outside double quotes (comma on a tie or when none occurs: a one-column file).
 */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let isQuoted = false;
  for (const char of headerLine) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === ',' || char === ';' || char === '\t')) counts[char]++;
  }
  let best: Delimiter = ',';
  for (const delimiter of DELIMITERS) if (counts[delimiter] > counts[best]) best = delimiter;
  return best;
}

export interface CsvTableOptions {
  /**
   * The 1-based line of the header (`--header-row`): lines above it (an export's title rows)
   * are not read. By default the first non-blank line after a `sep=` line.
   */
  readonly headerRow?: number | undefined;
}

/** Parse CSV `text` of `file` into a header and records. Pure. */
export function parseCsvTable(text: string, file: string, options: CsvTableOptions = {}): CsvTableResult {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.trim() === '') return { diagnostics: [makeDiagnostic('file-empty', { path: file }, { file })] };
  const sep = SEP_LINE.exec(lineAt(source, 0));
  const sepDelimiter = DELIMITERS.find((d) => d === sep?.[1]);
  const firstIndex = Math.max(sep ? 1 : 0, (options.headerRow ?? 1) - 1);
  const delimiter = sepDelimiter ?? detectDelimiter(firstNonBlankLine(source, firstIndex));
  const parsed = parseRecords(source, file, { delimiter, fromLine: firstIndex + 1, lineOffset: 0 });
  if ('failure' in parsed) return { diagnostics: [parsed.failure] };
  const { header, headerLine, records, diagnostics } = parsed;
  if (header === undefined) {
    if (options.headerRow !== undefined) diagnostics.push(makeDiagnostic('header-row-missing', { row: options.headerRow }, { file }));
    else if (diagnostics.length === 0) diagnostics.push(makeDiagnostic('file-empty', { path: file }, { file }));
    return { diagnostics };
  }
  if (records.length === 0) diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: headerLine }));
  return { table: { delimiter, header, headerLine, records }, diagnostics };
}

/** How a CSV text that {@link splitCsvText} cut into pieces is read. */
export interface CsvDialect {
  readonly delimiter: Delimiter;
  /** What csv-parse detected in the whole text; given explicitly to every piece. */
  readonly recordDelimiter: '\n' | '\r\n';
}

/** A piece of a split CSV text; `lineOffset` is the number of lines before it. */
export interface TextPiece {
  readonly text: string;
  readonly lineOffset: number;
}

/** A piece of a large UTF-8 file cut as bytes (csv-byte-split.ts), parsed from its bytes. */
export interface BytesPiece {
  readonly bytes: Uint8Array;
  readonly lineOffset: number;
}

export type CsvPiece = TextPiece | BytesPiece;

/** A large CSV file cut after its header into pieces that parse independently. */
export interface CsvSplit<P extends CsvPiece = CsvPiece> {
  readonly dialect: CsvDialect;
  readonly header: readonly string[];
  readonly headerLine: number;
  /** Consecutive pieces of the data lines. */
  readonly pieces: readonly P[];
}

/** What csv-parse reads of a piece: its text, or its bytes as a Buffer (a view; a piece sent to a thread arrives as a plain Uint8Array). */
export function pieceSource(piece: CsvPiece): string | Buffer {
  return 'text' in piece ? piece.text : Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength);
}

/**
 * Cuts `text` after its header into `count` pieces at line breaks, so they can be parsed in
 * parallel with exactly the records, lines and diagnostics {@link parseCsvTable} gives. Returns
 * undefined when that cannot be guaranteed — the text has a double quote (a line break may sit
 * inside a quoted field), ends lines with a bare CR, ends in a line break other than its record
 * delimiter, or has no header followed by data — and the caller parses it whole.
 */
export function splitCsvText(text: string, file: string, count: number): CsvSplit<TextPiece> | undefined {
  // Only the last of `count` pieces takes the rest of the text: a fractional count would drop it.
  if (!Number.isInteger(count) || count < 1) return undefined;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (source.includes('"')) return undefined;
  const firstBreak = source.search(/[\r\n]/u);
  if (firstBreak === -1) return undefined;
  const recordDelimiter = source[firstBreak] === '\n' ? '\n' : source[firstBreak + 1] === '\n' ? '\r\n' : undefined;
  if (recordDelimiter === undefined) return undefined;
  // A last record ending in a stray CR or LF gets its line from a guess in `parseRecords` that
  // depends on whether blank lines precede it in the text parsed, which a cut can change.
  const last = source.at(-1);
  if ((last === '\r' || last === '\n') && !source.endsWith(recordDelimiter)) return undefined;
  // The header and everything before it (a `sep=` line, blank lines), parsed the ordinary way.
  const sep = SEP_LINE.exec(lineAt(source, 0));
  const delimiter = DELIMITERS.find((d) => d === sep?.[1]) ?? detectDelimiter(firstNonBlankLine(source, sep ? 1 : 0));
  let headerStart = 0;
  let headEnd = 0;
  let headLines = 0;
  for (;;) {
    const end = source.indexOf(recordDelimiter, headEnd);
    if (end === -1) return undefined;
    const line = source.slice(headEnd, end);
    headerStart = headEnd;
    headEnd = end + recordDelimiter.length;
    headLines++;
    if (!(headLines === 1 && sep) && line.split(delimiter).some((field) => field.trim() !== '')) break;
  }
  const head = parseCsvTable(source.slice(0, headEnd), file);
  const headerLine = 1 + linesCountedIn(source.slice(0, headerStart), recordDelimiter);
  if (!head.table || head.table.headerLine !== headerLine || head.table.delimiter !== delimiter) return undefined;
  const pieces: { text: string; lineOffset: number }[] = [];
  let start = headEnd;
  let lineOffset = linesCountedIn(source.slice(0, headEnd), recordDelimiter);
  for (let i = 1; i <= count && start < source.length; i++) {
    // Near the i-th equal share of the data; the last piece takes the rest.
    const cut = i === count ? -1 : source.indexOf(recordDelimiter, Math.max(start, headEnd + Math.floor(((source.length - headEnd) * i) / count)));
    const end = cut === -1 ? source.length : cut + recordDelimiter.length;
    const piece = source.slice(start, end);
    pieces.push({ text: piece, lineOffset });
    lineOffset += linesCountedIn(piece, recordDelimiter);
    start = end;
  }
  if (pieces.length === 0) return undefined;
  return { dialect: { delimiter, recordDelimiter }, header: head.table.header, headerLine: head.table.headerLine, pieces };
}

/**
 * The records of one piece of a {@link splitCsvText} split, with their lines in the whole file.
 * With `onRecord`, each record goes there as soon as it is parsed instead of into `records`.
 */
export function parseCsvPiece(
  piece: CsvPiece,
  file: string,
  dialect: CsvDialect,
  header: readonly string[],
  onRecord?: (record: CsvRecord) => void,
): { records: CsvRecord[]; diagnostics: Diagnostic[] } {
  const options = { delimiter: dialect.delimiter, recordDelimiter: dialect.recordDelimiter, fromLine: 1, lineOffset: piece.lineOffset, header };
  const parsed = parseRecords(pieceSource(piece), file, options, onRecord);
  // A piece that hit the ragged-rows limit keeps its findings before the stop, from which
  // `raggedStopOfPieces` works out where reading the whole file would have stopped.
  if ('failure' in parsed) return { records: [], diagnostics: [...(parsed.before ?? []), parsed.failure] };
  return { records: parsed.records, diagnostics: parsed.diagnostics };
}

/**
 * The lines csv-parse counts in a quote-free `text`, which are what reading the file whole
 * numbers records by: it counts every CR and every LF it steps on and steps over the LF of a
 * CRLF record delimiter. So in a file with mixed line ends (LF, then a CRLF line; or CRLF with a
 * stray LF or CR), a line break that is not the record delimiter still counts, and a piece must
 * start its numbering where the whole file's numbering stands, not at its count of delimiters.
 */
function linesCountedIn(text: string, recordDelimiter: '\n' | '\r\n'): number {
  const breaks = countOf(text, '\n') + countOf(text, '\r');
  return recordDelimiter === '\r\n' ? breaks - countOf(text, '\r\n') : breaks;
}

function countOf(text: string, needle: string): number {
  let count = 0;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) count++;
  return count;
}

interface RecordsOptions {
  readonly delimiter: Delimiter;
  readonly recordDelimiter?: string;
  readonly fromLine: number;
  /** Lines of the file before `source` (for a piece of a split file). */
  readonly lineOffset: number;
  /** Known already (a piece after the header): every non-blank record is data. */
  readonly header?: readonly string[];
}

interface ParsedRecords {
  readonly header: readonly string[] | undefined;
  readonly headerLine: number;
  readonly records: CsvRecord[];
  readonly diagnostics: Diagnostic[];
}

/**
 * csv-parse over `source`; the first non-blank record is the header unless one is given. Data
 * records are collected, or with `onRecord` handed over one by one as csv-parse produces them.
 */
function parseRecords(
  source: string | Buffer,
  file: string,
  options: RecordsOptions,
  onRecord?: (record: CsvRecord) => void,
): ParsedRecords | { failure: Diagnostic; before?: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const records: CsvRecord[] = [];
  let header = options.header;
  let headerLine = 0;
  let previousEnd = options.fromLine - 1;
  const ends: number[] = [];
  let raggedRows = 0;
  let firstRaggedLine = 0;
  const take = (record: string[], end: number) => {
    // A record spanning several lines (quoted line breaks) or after skipped blank lines: count back.
    const line = (end > previousEnd + 1 ? end - lineBreaksIn(record) : end) + options.lineOffset;
    previousEnd = end;
    ends.push(end);
    if (isBlank(record)) return;
    if (header === undefined) {
      header = record;
      headerLine = line;
      return;
    }
    const isRagged = !fitsHeader(record, header);
    if (isRagged) {
      diagnostics.push(makeDiagnostic('csv-field-count', { expected: header.length, actual: record.length }, { file, line }));
      if (raggedRows++ === 0) firstRaggedLine = line;
      if (raggedRows === RAGGED_ROWS_LIMIT) throw new RaggedRowsStop(line);
    }
    if (onRecord) onRecord({ fields: record, line, isRagged });
    else records.push({ fields: record, line, isRagged });
  };

  const skipped: { code: string; lines: number }[] = [];
  try {
    parse(source, {
      delimiter: options.delimiter,
      ...(options.recordDelimiter === undefined ? {} : { record_delimiter: options.recordDelimiter }),
      // Each record taken as csv-parse produces it and dropped from its result (undefined filters
      // it out), so a file of ragged rows can be stopped part-way (see ragged-rows.ts).
      on_record: (record: string[], context: { lines: number }) => void take(record, context.lines),
      relax_column_count: true,
      // A stray quote inside an unquoted field (`5"`, `"A"区`) is kept as text for the cell to judge.
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      from_line: options.fromLine,
      on_skip: (error) => {
        if (error) skipped.push({ code: error.code, lines: Number(error['lines'] ?? 0) });
        return undefined;
      },
    });
  } catch (error) {
    if (error instanceof RaggedRowsStop) {
      return { failure: raggedRowsStopped(file, header?.length ?? 0, firstRaggedLine, error.line), before: diagnostics.filter((d) => d.code === 'csv-field-count') };
    }
    const reason = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : String(error);
    return { failure: makeDiagnostic('csv-syntax', { reason }, { file, line: options.lineOffset + 1 }) };
  }

  if (skipped.length > 0) {
    // Rare (quote problems, which a piece cut as bytes, having no quotes, cannot have): only then is the text needed.
    const text = typeof source === 'string' ? source : source.toString('utf8');
    for (const skip of skipped) diagnostics.push(skipDiagnostic(skip, text, ends, file, options.lineOffset));
  }
  return { header, headerLine, records, diagnostics };
}

function skipDiagnostic(skip: { code: string; lines: number }, source: string, ends: readonly number[], file: string, lineOffset: number): Diagnostic {
  // csv-parse reports the line where it gave up (the end of the file for an unclosed quote);
  // people need the line where the broken record starts: the first non-blank line after the
  // last record that ended before it.
  const before = ends.filter((end) => end < skip.lines).at(-1) ?? 0;
  const line = firstNonBlankLineAfter(source, before) ?? skip.lines;
  const at = { file, line: line + lineOffset, ...(skip.lines > line ? { endLine: skip.lines + lineOffset } : {}) };
  if (skip.code === 'CSV_QUOTE_NOT_CLOSED') return makeDiagnostic('csv-quote-unclosed', {}, at);
  return makeDiagnostic('csv-syntax', { reason: skip.code }, at);
}

function firstNonBlankLineAfter(source: string, line: number): number | undefined {
  const lines = source.split(/\r\n|\r|\n/u);
  for (let i = line; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return undefined;
}

/** Line `index` (0-based) without splitting a 70 MB text into lines. */
function lineAt(source: string, index: number): string {
  const start = lineStart(source, index);
  if (start === -1) return '';
  const end = source.indexOf('\n', start);
  return source.slice(start, end === -1 ? source.length : end).replace(/\r$/u, '');
}

/** The first non-blank line from line `from` (0-based) on: the header, for delimiter detection. */
function firstNonBlankLine(source: string, from: number): string {
  for (let start = lineStart(source, from); start !== -1 && start <= source.length; ) {
    const end = source.indexOf('\n', start);
    const line = source.slice(start, end === -1 ? source.length : end);
    if (line.trim() !== '') return line;
    start = end === -1 ? -1 : end + 1;
  }
  return '';
}

/** Offset where line `index` (0-based) starts, or -1 past the end. */
function lineStart(source: string, index: number): number {
  let start = 0;
  for (let i = 0; i < index; i++) {
    const end = source.indexOf('\n', start);
    if (end === -1) return -1;
    start = end + 1;
  }
  return start;
}

/**
 * csv-parse counts each CR and each LF inside a quoted field as a line, so subtracting the same
 * count recovers the line the record starts on.
 */
function lineBreaksIn(record: readonly string[]): number {
  let count = 0;
  for (const field of record) {
    for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) count++;
    for (let i = field.indexOf('\r'); i !== -1; i = field.indexOf('\r', i + 1)) count++;
  }
  return count;
}

/** Every field empty or spaces, like the `,,,,` rows a spreadsheet exports below the data. */
function isBlank(record: readonly string[]): boolean {
  for (const field of record) if (field.trim() !== '') return false;
  return true;
}

/**
 * A record fits the header when it has as many fields, or differs only by blank fields under
 * blank headers (a spreadsheet's padding at the right edge).
 */
function fitsHeader(record: readonly string[], header: readonly string[]): boolean {
  if (record.length === header.length) return true;
  if (record.length > header.length) {
    for (let i = header.length; i < record.length; i++) if ((record[i] ?? '').trim() !== '') return false;
    return true;
  }
  for (let i = record.length; i < header.length; i++) if ((header[i] ?? '').trim() !== '') return false;
  return true;
}
