/**
 * Submission files → one Dataset. Each file is decoded, parsed as CSV, its header mapped onto
 * the framework (wide: one column per indicator; long: region, indicator, value), and its rows
 * merged by (region, period). A bad cell never stops the run: it becomes a located diagnostic
 * and its row is kept but marked `excluded`, so the region shows up unscored rather than scored
 * on a silent zero. `parseSubmissions` reads no files (it may start worker threads for a large
 * one, with the same result as without); `loadSubmissions` adds the file reading.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { defaultRegions, regionContext } from '../regions/region-matching.js';
import type { RegionReference } from '../regions/region-reference.js';
import { cellSpecOf } from './cells.js';
import { indicatorNames, mapColumns } from './columns.js';
import { DatasetBuilder } from './dataset-builder.js';
import type { EncodingOption } from './decode.js';
import { attachDenominators } from './denominators.js';
import { DEFAULT_DATA_MAX_BYTES, readInputFile, type LoadedFile } from './file.js';
import type { FileContext } from './file-context.js';
import { indicatorFinder } from './long-rows.js';
import { pieceThreadsWanted, readSplitRows, splitLargeCsv, splitLargeUtf8Csv } from './parallel-read.js';
import { PieceThreads } from './piece-threads.js';
import { loadRegionReference } from './region-list-file.js';
import type { RowLines, RowRef } from './row-key.js';
import { readSource } from './submission-source.js';
import { readRows } from './table-rows.js';
import { addCellAddresses } from './xlsx-cell-text.js';
import { sniffSubmission } from './xlsx-sniff.js';

export { loadRegionReference, type RegionReferenceResult } from './region-list-file.js';
export type { RowLines, RowRef } from './row-key.js';

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
   * Threads reading large CSV files, this one included: 1 reads in this thread; N cuts a file into
   * pieces that this thread and N − 1 worker threads read together. By default, files of 8 MB and
   * more are read by up to 4 threads when the machine has more than one core.
   */
  readonly threads?: number;
  /**
   * The 1-based row of the header in every submission (`--header-row`), for exports with title
   * rows above it. When absent, a first row that matches no column of the framework makes the
   * loader look for the header in the next rows (with a warning naming the row it took).
   */
  readonly headerRow?: number | undefined;
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
    ...(regions ? { regions: regionContext(regions) } : {}),
    ...(rowLines ? { rowLines, rowRefs: new Map<string, RowRef>() } : {}),
  };
  const header = { headerRow: options.headerRow, isHeader: headerMatcher(framework, regions !== undefined) };
  const seen = new Map<string, string>();
  for (const file of files) {
    const first = seen.get(file.sha256);
    if (first !== undefined) {
      diagnostics.push(makeDiagnostic('input-duplicate', { path: file.path, first }, { file: file.path }));
      continue;
    }
    seen.set(file.sha256, file.path);
    const start = diagnostics.length;
    // Started before the file is decoded and cut, so that they start up meanwhile.
    const threads = sniffSubmission(file.bytes, file.path) !== 'text' ? undefined : PieceThreads.start(pieceThreadsWanted(file.bytes.length, options.threads));
    try {
      const encoding = options.encoding ?? 'auto';
      const split = {
        bytes: (bytes: Uint8Array) => splitLargeUtf8Csv(bytes, file.path, options.threads, encoding, header.isHeader),
        text: (text: string) => splitLargeCsv(text, file.path, options.threads),
      };
      const source = await readSource(file, encoding, diagnostics, options.sheet, split, header);
      if (source && 'pieces' in source) await readSplitRows(source, file.path, context, threads);
      else if (source) readRows(source, file.path, context);
      if (source && 'sheet' in source) addCellAddresses(diagnostics, start, file.path, source.sheet);
    } finally {
      await threads?.close();
    }
  }
  const dataset = builder.finish(files.map((f) => ({ path: f.path, sha256: f.sha256 })));
  const result = { ...(dataset.rowCount > 0 ? { dataset } : {}), diagnostics, ...(rowLines ? { rowLines } : {}) };
  // Denominator columns (issue 10): a second pass over the same files; its framework has none, so it stops there.
  return attachDenominators(framework, files, result, (f, fs) => parseSubmissions(f, fs, { ...options, regions: regions ?? null, trackRowLines: false }));
}

/** Whether a row can be the header: the framework finds its columns (the region column at least) in it. */
function headerMatcher(framework: ResolvedFramework, regionFromName: boolean): (fields: readonly string[]) => boolean {
  return (fields) => mapColumns(framework, fields, { file: '', line: 0 }, { regionFromName }).layout !== undefined;
}
