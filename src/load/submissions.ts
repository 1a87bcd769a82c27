/**
 * Submission files → one Dataset. Each file is decoded, parsed as CSV, its header mapped onto
 * the framework (wide: one column per indicator; long: region, indicator, value), and its rows
 * merged by (region, period). A bad cell never stops the run: it becomes a located diagnostic
 * and its row is kept but marked `excluded`, so the region shows up unscored rather than scored
 * on a silent zero. `parseSubmissions` reads no files (it may start worker threads for a large
 * one, with the same result as without); `loadSubmissions` adds the file reading.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset, RowSource } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { cellSpecOf, normaliseText, parseCell, type CellProblem, type CellSpec } from './cells.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import { columnLetter, findIndicator, indicatorIndex, indicatorNames, indicatorsMissing, mapColumns, type LongLayout, type RowColumns, type WideLayout } from './columns.js';
import { parseCsvPiece, parseCsvTable, splitCsvText, type CsvRecord, type CsvSplit, type CsvTable } from './csv-table.js';
import readWidePiece, { type WidePieceResult, type WidePieceTask } from './wide-rows-worker.js';
import { convertWideRecords, type WideRows, type WideRowsPlan } from './wide-rows.js';
import { attachDenominators } from './denominators.js';
import { decodeFailureDiagnostic, decodeText, type EncodingOption } from './decode.js';
import { DEFAULT_DATA_MAX_BYTES, readInputFile, type LoadedFile } from './file.js';
import { addCellAddresses, oleFileDiagnostic, readXlsxTable, sniffSubmission, type XlsxTable } from './xlsx-table.js';
import { regionListFromTable } from '../regions/region-list.js';
import { BUILTIN_REGION_TABLES, builtinRegionReference, regionKey, regionMatcher, type ReferenceRegion, type RegionMatch, type RegionReference } from '../regions/region-reference.js';

export interface ParseSubmissionsOptions {
  /** Force a text encoding; `auto` (default) detects BOM, UTF-8 or GB18030 per file. */
  readonly encoding?: EncodingOption;
  /** The sheet of .xlsx submissions to read (`--sheet`); the first sheet when absent. */
  readonly sheet?: string;
  /**
   * Cell diagnostics listed one by one per file; the rest are counted in one summary. A file
   * exported with the wrong delimiter would otherwise produce millions of identical findings.
   */
  readonly maxCellDiagnostics?: number;
  /**
   * The region list rows are matched against (codes, full and short names → the code). Default:
   * the framework's built-in table (`regions: cn-provinces`), if it declares one; `null`: regions
   * are free-form codes whatever the framework declares (its list could not be read).
   */
  readonly regions?: RegionReference | null;
  /** Also return {@link SubmissionsResult.rowLines}, for a report per region (`dgmi validate --data`). */
  readonly trackRowLines?: boolean;
  /**
   * Worker threads for large CSV files: 1 reads in this thread; more splits a file into that
   * many pieces read in parallel. By default, files of 8 MB and more are read on up to 4 threads
   * when the machine has more than one core.
   */
  readonly threads?: number;
}

export interface LoadSubmissionsOptions extends ParseSubmissionsOptions {
  /** Refuse files larger than this (default {@link DEFAULT_DATA_MAX_BYTES}). */
  readonly maxBytes?: number;
}

export interface SubmissionsResult {
  /** Absent only when nothing usable was read (no row in any file). */
  readonly dataset?: Dataset;
  readonly diagnostics: Diagnostic[];
  /** With `trackRowLines`: per file, the row each data line belongs to, indexed by 1-based line. */
  readonly rowLines?: RowLines;
  /** The region list the rows were checked against (loadSubmissions only), for reuse by a second load. */
  readonly regions?: RegionReference;
}

/** The (region, period) row a data line belongs to; the region as canonicalised (or as written, when it is not listed). */
export interface RowRef {
  readonly region: string;
  readonly period: string;
}

export type RowLines = ReadonlyMap<string, readonly (RowRef | undefined)[]>;

export const DEFAULT_MAX_CELL_DIAGNOSTICS = 1000;

/**
 * Read the submission files at `paths` and merge them into one Dataset. Unreadable files
 * (missing, too large, a directory) are diagnostics; the others are still read.
 */
export async function loadSubmissions(
  framework: ResolvedFramework,
  paths: readonly string[],
  options: LoadSubmissionsOptions = {},
): Promise<SubmissionsResult> {
  const diagnostics: Diagnostic[] = [];
  let regions = options.regions;
  if (regions === undefined) {
    // The framework's region list (built-in table or its own CSV), read once for all files.
    const loaded = await loadRegionReference(framework, options);
    diagnostics.push(...loaded.diagnostics);
    regions = loaded.reference ?? null;
  }
  const files: LoadedFile[] = [];
  for (const path of paths) {
    const read = await readInputFile(path, options.maxBytes ?? DEFAULT_DATA_MAX_BYTES);
    diagnostics.push(...read.diagnostics);
    if (read.file) files.push(read.file);
  }
  const parsed = await parseSubmissions(framework, files, { ...options, regions });
  return { ...parsed, diagnostics: [...diagnostics, ...parsed.diagnostics], ...(regions ? { regions } : {}) };
}

export interface RegionReferenceResult {
  /** Absent when the framework declares no list, or its list could not be read. */
  readonly reference?: RegionReference;
  readonly diagnostics: Diagnostic[];
}

/**
 * The region list the framework declares: the built-in table it names, or its regions CSV read
 * from next to the framework file. Nothing when it declares none.
 */
export async function loadRegionReference(framework: ResolvedFramework, options: LoadSubmissionsOptions = {}): Promise<RegionReferenceResult> {
  const declared = framework.regions;
  if (declared === undefined) return { diagnostics: [] };
  if (declared.kind === 'builtin') {
    const reference = builtinRegionReference(declared.name);
    if (reference) return { reference, diagnostics: [] };
    const tables = Object.keys(BUILTIN_REGION_TABLES);
    const at = { file: framework.file ?? '', path: ['regions'] };
    return { diagnostics: [makeDiagnostic('regions-unknown-table', { name: declared.name, tables: tables.join(', '), suggestion: suggestClosest(declared.name, tables) ?? '' }, at)] };
  }
  const read = await readInputFile(declared.file, options.maxBytes ?? DEFAULT_DATA_MAX_BYTES);
  if (!read.file) return { diagnostics: read.diagnostics };
  const diagnostics: Diagnostic[] = [];
  // The list ships with the framework, not with the submissions: --encoding is not about it.
  const table = await readTable(read.file, 'auto', diagnostics);
  if (!table) return { diagnostics };
  const list = regionListFromTable(table, declared.file);
  return { ...(list.reference ? { reference: list.reference } : {}), diagnostics: [...diagnostics, ...list.diagnostics] };
}

/**
 * Decode, parse and merge already-read submission files. Pure (no file system); asynchronous
 * only because the XLSX reader is.
 */
export async function parseSubmissions(
  framework: ResolvedFramework,
  files: readonly LoadedFile[],
  options: ParseSubmissionsOptions = {},
): Promise<SubmissionsResult> {
  const diagnostics: Diagnostic[] = [];
  const regions = options.regions === undefined ? defaultRegions(framework) : (options.regions ?? undefined);
  const builder = new DatasetBuilder(framework.indicators.length, diagnostics, regions);
  const rowLines = options.trackRowLines === true ? new Map<string, (RowRef | undefined)[]>() : undefined;
  const context: FileContext = {
    framework,
    specs: framework.indicators.map(cellSpecOf),
    indicatorOf: indicatorFinder(framework),
    indicatorNames: indicatorNames(framework),
    builder,
    diagnostics,
    maxCellDiagnostics: options.maxCellDiagnostics ?? DEFAULT_MAX_CELL_DIAGNOSTICS,
    ...(regions ? { regions: { reference: regions, match: regionMatcher(regions), reported: new Set<string>() } } : {}),
    ...(rowLines ? { rowLines, rowRefs: new Map<string, RowRef>() } : {}),
  };
  const seen = new Map<string, string>();
  for (const file of files) {
    const first = seen.get(file.sha256);
    if (first !== undefined) {
      diagnostics.push(makeDiagnostic('input-duplicate', { path: file.path, first }, { file: file.path }));
      continue;
    }
    seen.set(file.sha256, file.path);
    const start = diagnostics.length;
    const source = await readSource(file, options.encoding ?? 'auto', diagnostics, options.sheet, (text) => splitLargeCsv(text, file.path, options.threads));
    if (source && 'pieces' in source) await readSplitRows(source, file.path, context);
    else if (source) readRows(source, file.path, context);
    if (source && 'sheet' in source) addCellAddresses(diagnostics, start, file.path, source.sheet);
  }
  const dataset = builder.finish(files.map((f) => ({ path: f.path, sha256: f.sha256 })));
  const result = { ...(dataset.rowCount > 0 ? { dataset } : {}), diagnostics, ...(rowLines ? { rowLines } : {}) };
  // Denominator columns (issue 10): a second pass over the same files; its framework has none, so it stops there.
  return attachDenominators(framework, files, result, (f, fs) => parseSubmissions(f, fs, { ...options, regions: regions ?? null, trackRowLines: false }));
}

/**
 * From this many characters on, a file is read in pieces, one per thread (and in one piece,
 * record by record, with `--threads 1`); smaller files are read whole, where starting threads
 * would cost more than it saves.
 */
const LARGE_FILE_CHARS = 8 * 1024 * 1024;

/** `text` cut into pieces, when it is large (or `--threads` asks for threads) and can be cut safely. */
function splitLargeCsv(text: string, file: string, threads: number | undefined): CsvSplit | undefined {
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
async function readSplitRows(split: CsvSplit, file: string, context: FileContext): Promise<void> {
  const mapping = mapColumns(context.framework, split.header, { file, line: split.headerLine }, { regionFromName: context.regions !== undefined });
  const layout = mapping.layout;
  if (layout?.kind !== 'wide' || mapping.unnamedColumns.length > 0) {
    readRows(joinPieces(split, file, context.diagnostics), file, context);
    return;
  }
  const plan = widePlan(layout, context);
  const tasks = split.pieces.map((piece) => ({ piece, file, dialect: split.dialect, header: split.header, plan }));
  const results = tasks.length === 1 || !existsSync(WIDE_PIECE_WORKER) ? tasks.map(readWidePiece) : await readPiecesOnThreads(tasks);
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

/** One thread per piece; the pool ends as soon as the file is read, and the threads' heaps with it. */
async function readPiecesOnThreads(tasks: readonly WidePieceTask[]): Promise<WidePieceResult[]> {
  const threads = tasks.length;
  const pool = new Piscina<WidePieceTask, WidePieceResult>({ filename: WIDE_PIECE_WORKER.href, minThreads: threads, maxThreads: threads });
  try {
    return await Promise.all(tasks.map((task) => pool.run(task)));
  } finally {
    await pool.destroy();
  }
}

/** A split file's pieces parsed here, one after another, into the table reading it whole gives. */
function joinPieces(split: CsvSplit, file: string, diagnostics: Diagnostic[]): CsvTable {
  const records: CsvRecord[] = [];
  for (const piece of split.pieces) {
    const parsed = parseCsvPiece(piece, file, split.dialect, split.header);
    records.push(...parsed.records);
    diagnostics.push(...parsed.diagnostics);
  }
  if (records.length === 0) diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: split.headerLine }));
  return { delimiter: split.dialect.delimiter, header: split.header, headerLine: split.headerLine, records };
}

/** The built-in table a framework names; a regions CSV needs reading, which is loadSubmissions' part. */
function defaultRegions(framework: ResolvedFramework): RegionReference | undefined {
  return framework.regions?.kind === 'builtin' ? builtinRegionReference(framework.regions.name) : undefined;
}

/** A submission's bytes → a table: an .xlsx sheet by its magic number (or name), otherwise decoded CSV text. */
async function readTable(file: LoadedFile, encoding: EncodingOption, diagnostics: Diagnostic[], sheet?: string): Promise<CsvTable | XlsxTable | undefined> {
  const source = await readSource(file, encoding, diagnostics, sheet, () => undefined);
  return source && 'pieces' in source ? undefined : source;
}

/**
 * {@link readTable}, or for CSV text that `split` cuts into pieces (a large file, to be read on
 * worker threads), the pieces unparsed.
 */
async function readSource(
  file: LoadedFile,
  encoding: EncodingOption,
  diagnostics: Diagnostic[],
  sheet: string | undefined,
  split: (text: string) => CsvSplit | undefined,
): Promise<CsvTable | XlsxTable | CsvSplit | undefined> {
  const format = sniffSubmission(file.bytes, file.path);
  if (format === 'ole') {
    diagnostics.push(oleFileDiagnostic(file.bytes, file.path));
    return undefined;
  }
  if (format === 'xlsx') {
    const parsed = await readXlsxTable(file.bytes, file.path, { sheet });
    diagnostics.push(...parsed.diagnostics);
    return parsed.table;
  }
  const decoded = decodeText(file.bytes, encoding);
  if ('kind' in decoded) {
    diagnostics.push(decodeFailureDiagnostic(decoded, file.path));
    return undefined;
  }
  const pieces = split(decoded.text);
  if (pieces) return pieces;
  const parsed = parseCsvTable(decoded.text, file.path);
  diagnostics.push(...parsed.diagnostics);
  return parsed.table;
}

interface FileContext {
  readonly framework: ResolvedFramework;
  readonly specs: readonly CellSpec[];
  /** An indicator cell of a long file → the indicator it names (memoised: see {@link indicatorFinder}). */
  readonly indicatorOf: (text: string) => number | undefined;
  readonly indicatorNames: readonly string[];
  readonly builder: DatasetBuilder;
  readonly diagnostics: Diagnostic[];
  readonly maxCellDiagnostics: number;
  /** Present when rows name regions from a list rather than free-form codes. */
  readonly regions?: RegionContext;
  readonly rowLines?: Map<string, (RowRef | undefined)[]>;
  /** One RowRef object per (region, period), shared by every line of that row. */
  readonly rowRefs?: Map<string, RowRef>;
}

interface RegionContext {
  readonly reference: RegionReference;
  readonly match: (text: string) => RegionMatch;
  /** `file\0text` of every unlisted region already reported (a long file repeats it on every line). */
  readonly reported: Set<string>;
}

function readRows(table: CsvTable, file: string, context: FileContext): void {
  const mapping = mapColumns(context.framework, table.header, { file, line: table.headerLine }, { regionFromName: context.regions !== undefined });
  context.diagnostics.push(...mapping.diagnostics);
  for (const column of mapping.unnamedColumns) {
    if (table.records.some((r) => (r.fields[column] ?? '').trim() !== '')) {
      context.diagnostics.push(makeDiagnostic('column-unnamed', { columnLetter: columnLetter(column) }, { file, line: table.headerLine, column: column + 1 }));
    }
  }
  const layout = mapping.layout;
  if (!layout) return;
  const cells = new CellReporter(file, table.header, context);
  if (layout.kind === 'wide') readWideRows(table, file, layout, mapping.isAmbiguous, cells, context);
  else readLongRows(table, file, layout, mapping.isAmbiguous, cells, context);
  cells.finish();
}

/** Cell diagnostics of one file, capped at `maxCellDiagnostics` with a count of the rest. */
class CellReporter {
  private unlisted = 0;
  private listed = 0;

  constructor(
    private readonly file: string,
    private readonly header: readonly string[],
    private readonly context: FileContext,
  ) {}

  report(problem: CellProblem, text: string, line: number, column: number, indicator: string): void {
    if (this.listed >= this.context.maxCellDiagnostics) {
      this.unlisted++;
      return;
    }
    this.listed++;
    const header = this.header[column] ?? '';
    this.context.diagnostics.push(
      makeDiagnostic(
        problem.code,
        { text, header, columnLetter: columnLetter(column), indicator, ...problem.args },
        { file: this.file, line, column: column + 1, path: [header] },
      ),
    );
  }

  /** Problems found and counted elsewhere (on a worker thread) but not kept. */
  countUnlisted(count: number): void {
    this.unlisted += count;
  }

  finish(): void {
    if (this.unlisted > 0) {
      this.context.diagnostics.push(makeDiagnostic('cell-errors-truncated', { path: this.file, count: this.unlisted }, { file: this.file }));
    }
  }
}

interface RowKey {
  readonly region: string;
  readonly period: string;
  readonly name: string;
  readonly group: string;
  /** The region is not in the framework's region list: the row is kept (as written) but unscored. */
  readonly isUnlisted: boolean;
}

/** The row columns of a record; `undefined` (after an error) when the region cell is empty. */
function rowKeyOf(record: CsvRecord, rows: RowColumns & { readonly region: number }, file: string, context: FileContext): RowKey | undefined {
  const cell = (column: number | undefined) => (column === undefined ? '' : (record.fields[column] ?? ''));
  const written = normaliseText(cell(rows.region));
  if (written === '') {
    context.diagnostics.push(makeDiagnostic('region-empty', {}, { file, line: record.line, column: rows.region + 1 }));
    return undefined;
  }
  const region = context.regions ? listedRegion(written, context.regions, { file, line: record.line, column: rows.region + 1 }, context.diagnostics) : written;
  // Names and groups stay as written (formula-looking text included): they are data, never evaluated.
  const key: RowKey = {
    region: region ?? written,
    period: normaliseText(cell(rows.period)),
    name: cell(rows.name).trim(),
    group: normaliseText(cell(rows.group)),
    isUnlisted: region === undefined,
  };
  if (context.rowLines && context.rowRefs) trackRowLine(key, file, record.line, context.rowLines, context.rowRefs);
  return key;
}

/**
 * The code of the listed region `written` names (`浙江` → `330000`), or undefined after an error
 * when it names none, or several (reported once per file and text).
 */
function listedRegion(written: string, regions: RegionContext, at: SourceLocation & { file: string }, diagnostics: Diagnostic[]): string | undefined {
  const match = regions.match(written);
  if (match.kind === 'found') return match.region.code;
  const reportKey = `${at.file}\u0000${written}`;
  if (regions.reported.has(reportKey)) return undefined;
  regions.reported.add(reportKey);
  diagnostics.push(
    match.kind === 'ambiguous'
      ? makeDiagnostic('region-name-ambiguous', { text: written, candidates: match.candidates.map(describeRegion).join(', ') }, at)
      : makeDiagnostic(
          'region-not-listed',
          { text: written, list: regions.reference.id, suggestion: match.suggestion?.text ?? '', suggestionCode: match.suggestion?.region.code ?? '' },
          at,
        ),
  );
  return undefined;
}

function describeRegion(region: ReferenceRegion): string {
  return region.name === region.code ? region.code : `${region.code} ${region.name}`;
}

function trackRowLine(key: RowKey, file: string, line: number, rowLines: Map<string, (RowRef | undefined)[]>, rowRefs: Map<string, RowRef>): void {
  const keyText = rowKeyText(key);
  let ref = rowRefs.get(keyText);
  if (!ref) {
    ref = { region: key.region, period: key.period };
    rowRefs.set(keyText, ref);
  }
  let lines = rowLines.get(file);
  if (!lines) {
    lines = [];
    rowLines.set(file, lines);
  }
  lines[line] = ref;
}

function readWideRows(table: CsvTable, file: string, layout: WideLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  commitWideRows([convertWideRecords(table.records, widePlan(layout, context))], file, layout, isAmbiguous, cells, context);
}

/** What reading a wide file's cells needs, worked out once per file. */
function widePlan(layout: WideLayout, context: FileContext): WideRowsPlan {
  return {
    targets: layout.indicators.map((c) => ({ column: c.column, spec: specAt(context, c.indicator) })),
    rows: layout.rows,
    maxProblems: context.maxCellDiagnostics,
  };
}

/** Where {@link commitWideRows} finds the row cells in the record it rebuilds from {@link WideRows.rowCells}. */
const ROW_CELL_COLUMNS = { region: 0, name: 1, group: 2, period: 3 } as const;

/** Converted records (of one file, in file order) → dataset rows, with their diagnostics in file order. */
function commitWideRows(parts: readonly WideRows[], file: string, layout: WideLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  const { builder } = context;
  const indicators = layout.indicators.map((c) => c.indicator);
  const columnsPerRecord = indicators.length;
  builder.reserve(parts.reduce((sum, part) => sum + part.lines.length, 0));
  for (const part of parts) {
    const { rowCells, problems } = part;
    let next = 0;
    for (let r = 0; r < part.lines.length; r++) {
      const line = part.lines[r] ?? 0;
      const isRagged = part.isRagged[r] === 1;
      const fields = [rowCells.region[r] ?? '', rowCells.name[r] ?? '', rowCells.group[r] ?? '', rowCells.period[r] ?? ''];
      const key = rowKeyOf({ fields, line, isRagged }, ROW_CELL_COLUMNS, file, context);
      if (!key) continue;
      for (let problem = problems[next]; problem !== undefined && problem.record === r; problem = problems[++next]) {
        const target = layout.indicators[problem.target];
        if (target) cells.report(problem.problem, problem.text, line, target.column, specAt(context, target.indicator).indicator);
      }
      const row = builder.beginRow();
      // A ragged row's fields cannot be matched to columns: its values stay missing rather than guessed.
      if (!isRagged) {
        const values = builder.values;
        for (let t = 0; t < columnsPerRecord; t++) {
          const column = values[indicators[t] ?? -1];
          if (column) column[row] = part.values[r * columnsPerRecord + t] ?? Number.NaN;
        }
      }
      builder.commitRow(key, { file, line }, isRagged || isAmbiguous || part.hasBadCell[r] === 1);
    }
    cells.countUnlisted(part.moreProblems);
  }
}

function specAt(context: FileContext, indicator: number): CellSpec {
  const spec = context.specs[indicator];
  if (!spec) throw new Error(`no cell spec for indicator ${indicator}`);
  return spec;
}

function readLongRows(table: CsvTable, file: string, layout: LongLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  const { builder, diagnostics, framework } = context;
  /** Rows this file opened, by key; `undefined` marks a key another file already had (its lines are still checked). */
  const fileRows = new Map<string, number | undefined>();
  const valueLines = new Map<string, number>();
  const unknownIndicators = new Set<string>();
  const present = new Set<number>();

  for (const record of table.records) {
    const key = rowKeyOf(record, layout.rows, file, context);
    if (!key) continue;
    const keyText = rowKeyText(key);
    let row: number | undefined;
    if (fileRows.has(keyText)) {
      row = fileRows.get(keyText);
      if (row !== undefined) builder.noteRegion(key, { file, line: record.line });
    } else {
      builder.beginRow();
      row = builder.commitRow(key, { file, line: record.line }, isAmbiguous);
      fileRows.set(keyText, row);
    }
    if (record.isRagged) {
      if (row !== undefined) builder.exclude(row);
      continue;
    }
    const value = readLongValue(record, layout, key, keyText, { valueLines, unknownIndicators, present }, file, cells, context);
    if (row === undefined || value === undefined) continue;
    if (value === 'error') builder.exclude(row);
    else builder.setValue(value.indicator, row, value.value);
  }
  const absent = framework.indicators.filter((i) => !present.has(i.index)).map((i) => i.id);
  if (absent.length > 0 && table.records.length > 0) diagnostics.push(indicatorsMissing(file, absent, { file, line: table.headerLine }));
}

interface LongFileState {
  /** Line of each (region, period, indicator) already given. */
  readonly valueLines: Map<string, number>;
  /** Unknown indicator texts already warned about (one warning each per file). */
  readonly unknownIndicators: Set<string>;
  /** Indicators the file mentions at all. */
  readonly present: Set<number>;
}

/**
 * One long-format line: the indicator and its parsed value; `'error'` when the line makes its
 * row unscorable (a bad value, a repeated indicator); `undefined` when it is ignored.
 */
function readLongValue(
  record: CsvRecord,
  layout: LongLayout,
  key: RowKey,
  keyText: string,
  state: LongFileState,
  file: string,
  cells: CellReporter,
  context: FileContext,
): { indicator: number; value: number } | 'error' | undefined {
  const indicatorText = record.fields[layout.indicatorColumn] ?? '';
  const valueText = record.fields[layout.valueColumn] ?? '';
  const indicator = context.indicatorOf(indicatorText);
  if (indicator === undefined) {
    if ((indicatorText.trim() !== '' || valueText.trim() !== '') && !state.unknownIndicators.has(indicatorText)) {
      state.unknownIndicators.add(indicatorText);
      context.diagnostics.push(
        makeDiagnostic(
          'long-indicator-unknown',
          { text: indicatorText, suggestion: suggestClosest(indicatorText, context.indicatorNames) ?? '' },
          { file, line: record.line, column: layout.indicatorColumn + 1 },
        ),
      );
    }
    return undefined;
  }
  state.present.add(indicator);
  const spec = specAt(context, indicator);
  const valueKey = `${keyText}\u0000${indicator}`;
  const firstLine = state.valueLines.get(valueKey);
  if (firstLine !== undefined) {
    context.diagnostics.push(
      makeDiagnostic(
        'long-value-duplicate',
        { region: key.region, period: key.period, indicator: spec.indicator, first: `${file}:${firstLine}`, second: `${file}:${record.line}` },
        { file, line: record.line, column: layout.indicatorColumn + 1 },
      ),
    );
    return 'error';
  }
  state.valueLines.set(valueKey, record.line);
  const value = parseCell(valueText, spec);
  if (typeof value === 'number') return { indicator, value };
  cells.report(value, valueText, record.line, layout.valueColumn, spec.indicator);
  return 'error';
}

/**
 * {@link findIndicator} with a memory: a long file names each indicator once per region and
 * period, and the match (NFKC, a bracket pattern) need only run once per distinct text.
 */
function indicatorFinder(framework: ResolvedFramework): (text: string) => number | undefined {
  const index = indicatorIndex(framework);
  const found = new Map<string, number | undefined>();
  return (text) => {
    if (found.has(text)) return found.get(text);
    const indicator = findIndicator(text, index);
    found.set(text, indicator);
    return indicator;
  };
}

function rowKeyText(key: RowKey): string {
  return `${key.region}\u0000${key.period}`;
}

function place(source: RowSource): string {
  return `${source.file}:${source.line}`;
}

interface RegionFacts {
  name: string;
  nameAt: RowSource;
  group: string;
  groupAt: RowSource;
  readonly warned: Set<string>;
}

/**
 * Grows the columns as rows arrive (files are read one after another, and a long file's row
 * count is only known at its end) and enforces one row per (region, period).
 */
class DatasetBuilder {
  values: Float64Array[];
  private capacity = 0;
  private count = 0;
  /** The row opened by `beginRow` may hold values from a row that was never committed. */
  private isOpenRowDirty = false;
  private excluded = new Uint8Array(0);
  private readonly region: string[] = [];
  private readonly period: string[] = [];
  private readonly sources: RowSource[] = [];
  private readonly rowByKey = new Map<string, number>();
  private readonly regions = new Map<string, RegionFacts>();

  constructor(
    indicatorCount: number,
    private readonly diagnostics: Diagnostic[],
    /** Fills in the name and group a region's rows all leave empty. */
    private readonly reference?: RegionReference,
  ) {
    this.values = Array.from({ length: indicatorCount }, () => new Float64Array(0));
  }

  /** Make room for `rows` more rows at once, so a large file grows the columns once. */
  reserve(rows: number): void {
    const needed = this.count + rows;
    if (needed <= this.capacity) return;
    const capacity = Math.max(needed, this.capacity * 2, 16);
    this.values = this.values.map((old) => {
      const grown = new Float64Array(capacity).fill(Number.NaN);
      grown.set(old.subarray(0, this.count));
      return grown;
    });
    const excluded = new Uint8Array(capacity);
    excluded.set(this.excluded.subarray(0, this.count));
    this.excluded = excluded;
    this.capacity = capacity;
  }

  /** Open the next row, every value missing; its index is where the caller writes values. */
  beginRow(): number {
    this.reserve(1);
    const row = this.count;
    if (this.isOpenRowDirty) for (const column of this.values) column[row] = Number.NaN;
    this.isOpenRowDirty = true;
    return row;
  }

  /**
   * Keep the open row under `key`, or drop it when the key is taken: then both places are named
   * and the first row is excluded, since which of the two is right cannot be told.
   */
  commitRow(key: RowKey, source: RowSource, hasError: boolean): number | undefined {
    const keyText = rowKeyText(key);
    const first = this.rowByKey.get(keyText);
    if (first !== undefined) {
      const firstSource = this.sources[first] ?? source;
      this.diagnostics.push(
        makeDiagnostic('row-duplicate', { region: key.region, period: key.period, first: place(firstSource), second: place(source) }, source),
      );
      this.exclude(first);
      return undefined;
    }
    const row = this.count++;
    this.isOpenRowDirty = false;
    this.rowByKey.set(keyText, row);
    this.region.push(key.region);
    this.period.push(key.period);
    this.sources.push(source);
    if (hasError || key.isUnlisted) this.exclude(row);
    this.noteRegion(key, source);
    return row;
  }

  exclude(row: number): void {
    this.excluded[row] = 1;
  }

  setValue(indicator: number, row: number, value: number): void {
    const column = this.values[indicator];
    if (column) column[row] = value;
  }

  /** Remember a region's name and group; a different one later is a warning (once per value). */
  noteRegion(key: RowKey, source: RowSource): void {
    const facts = this.regions.get(key.region);
    if (!facts) {
      this.regions.set(key.region, { name: key.name, nameAt: source, group: key.group, groupAt: source, warned: new Set() });
      return;
    }
    this.compare(facts, key, 'name', source);
    this.compare(facts, key, 'group', source);
  }

  private compare(facts: RegionFacts, key: RowKey, field: 'name' | 'group', source: RowSource): void {
    const given = key[field];
    if (given === '') return;
    const atField = field === 'name' ? 'nameAt' : 'groupAt';
    if (facts[field] === '') {
      facts[field] = given;
      facts[atField] = source;
      return;
    }
    if (facts[field] === given || facts.warned.has(`${field}\u0000${given}`)) return;
    facts.warned.add(`${field}\u0000${given}`);
    const location: SourceLocation = source;
    this.diagnostics.push(
      makeDiagnostic(
        field === 'name' ? 'region-name-conflict' : 'region-group-conflict',
        { region: key.region, first: facts[field], firstAt: place(facts[atField]), second: given },
        location,
      ),
    );
  }

  finish(inputs: Dataset['inputs']): Dataset {
    const rowCount = this.count;
    // Every row of a region carries the region's first name and group, so one region never shows
    // two names. Worked out per region, not per row: a region has a row in every period.
    const shown = new Map<string, { readonly name: string; readonly group: string }>();
    for (const [region, facts] of this.regions) {
      const listed = this.reference?.byCode.get(regionKey(region));
      shown.set(region, { name: facts.name || listed?.label || '', group: facts.group || listed?.group || '' });
    }
    const name = this.region.map((r) => shown.get(r)?.name ?? '');
    const group = this.region.map((r) => shown.get(r)?.group ?? '');
    return {
      rowCount,
      region: this.region,
      name,
      group,
      period: this.period,
      values: this.values.map((column) => column.slice(0, rowCount)),
      sources: this.sources,
      excluded: this.excluded.slice(0, rowCount),
      inputs,
    };
  }
}
