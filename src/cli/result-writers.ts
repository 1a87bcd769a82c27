/**
 * The writer of one `dgmi score --format`, with only that format's module loaded (issue 15).
 * The registries in `report/results/index.ts` import every formatter — cli-table3 for the
 * table, exceljs and fflate for XLSX, the HTML report — so `score --format csv` loading them
 * paid for all of them. Here each format imports its own module when asked for; the writer
 * returned is the very function the registries hold (the chunked one where there is one, as
 * `runScore` always preferred), which test/unit/result-writers.test.ts checks for every format.
 */
import type { ScoreTable } from '../model/score-table.js';
import type { ResultFormatOptions } from '../report/results/formatter.js';
import type { BINARY_RESULT_FORMATS, ResultFormat, ScoreFormat } from '../report/results/index.js';
import { BINARY_RESULT_FORMAT_CHOICES } from './choices.js';

export type BinaryResultFormat = keyof typeof BINARY_RESULT_FORMATS;

/** A text format's writer: one string, or chunks (text or UTF-8 bytes) for the large ones. */
export type ResultWriter = (table: ScoreTable, options: ResultFormatOptions) => string | Iterable<string | Uint8Array>;

/** One loader per text format; the mapped type makes a format left out a type error. */
const TEXT_WRITERS: { readonly [F in ResultFormat]: () => Promise<ResultWriter> } = {
  table: async () => (await import('../report/results/table.js')).formatTable,
  json: async () => (await import('../report/results/json.js')).jsonResultChunks,
  csv: async () => (await import('../report/results/csv.js')).csvResultChunks,
  markdown: async () => (await import('../report/results/markdown.js')).formatMarkdown,
  ndjson: async () => (await import('../report/results/ndjson.js')).ndjsonResultChunks,
  html: async () => (await import('../report/results/html.js')).formatHtml,
};

export function isBinaryFormat(format: ScoreFormat): format is BinaryResultFormat {
  return (BINARY_RESULT_FORMAT_CHOICES as readonly string[]).includes(format);
}

/** The writer of text format `format`, its module imported now. */
export async function loadResultWriter(format: ResultFormat): Promise<ResultWriter> {
  return TEXT_WRITERS[format]();
}

type BinaryWriter = (typeof BINARY_RESULT_FORMATS)[BinaryResultFormat];

/** One loader per binary format; Parquet's also loads its library, so that loading it early takes it off the critical path. */
const BINARY_WRITERS: { readonly [F in BinaryResultFormat]: () => Promise<BinaryWriter> } = {
  parquet: async () => {
    const parquet = await import('../report/results/parquet.js');
    await parquet.loadParquetLibrary();
    return parquet.parquetChunks;
  },
  xlsx: async () => (await import('../report/results/xlsx.js')).xlsxChunks,
};

/** The writer of binary format `format` (Parquet, XLSX), its module imported now. */
export async function loadBinaryResultWriter(format: BinaryResultFormat): Promise<BinaryWriter> {
  return BINARY_WRITERS[format]();
}

/** A writer being loaded, told apart by kind: binary writers go to a file or a pipe, text ones anywhere. */
export type LoadingWriter = { readonly kind: 'binary'; readonly writer: Promise<BinaryWriter> } | { readonly kind: 'text'; readonly writer: Promise<ResultWriter> };

/**
 * Starts loading the writer of `format`, to await once the table is scored: while a command
 * reads large inputs on worker threads its main thread is idle, and loading the writer's modules
 * (hyparquet-writer, cli-table3, …) then costs nothing (issue 14). A failed load surfaces where
 * the writer is awaited, never as an unhandled rejection when the command ends before that.
 */
export function startLoadingWriter(format: ScoreFormat): LoadingWriter {
  const loading: LoadingWriter = isBinaryFormat(format) ? { kind: 'binary', writer: loadBinaryResultWriter(format) } : { kind: 'text', writer: loadResultWriter(format) };
  loading.writer.catch(() => undefined);
  return loading;
}
