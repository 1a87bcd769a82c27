/**
 * The result formats of `dgmi score --format …`. The registry's keys are the `--format`
 * choices; every entry has the one `ResultFormatter` shape.
 */
import { csvResultChunks, formatCsv } from './csv.js';
import { formatHtml } from './html.js';
import type { ResultFormatter } from './formatter.js';
import { formatJson, jsonResultChunks } from './json.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { ResultFormatOptions } from './formatter.js';
import { formatMarkdown } from './markdown.js';
import { formatNdjson, ndjsonResultChunks } from './ndjson.js';
import { formatParquet, parquetChunks } from './parquet.js';
import { formatTable } from './table.js';
import { formatXlsx, xlsxChunks } from './xlsx.js';

export const RESULT_FORMATS = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  markdown: formatMarkdown,
  ndjson: formatNdjson,
  html: formatHtml,
} as const satisfies Readonly<Record<string, ResultFormatter>>;

export type ResultFormat = keyof typeof RESULT_FORMATS;

/**
 * Formats that can also be produced in chunks, for outputs too large to hold as one string
 * (township-scale JSON is over a gigabyte); a chunk is text or UTF-8 bytes. The CLI prefers
 * these when present.
 */
export const RESULT_STREAMS: Partial<Record<ResultFormat, (table: ScoreTable, options: ResultFormatOptions) => Iterable<string | Uint8Array>>> = {
  json: jsonResultChunks,
  ndjson: ndjsonResultChunks,
  csv: csvResultChunks,
};

/**

 * Formats that are bytes, not text (Parquet, an XLSX workbook), as pieces to write out as they
 * come: to a file or a pipe, never to a terminal. Their libraries are imported on first use, so
 * listing them here costs nothing at start-up.
 */
export const BINARY_RESULT_FORMATS = {
  parquet: parquetChunks,
  xlsx: xlsxChunks,
} as const satisfies Readonly<Record<string, (table: ScoreTable, options: ResultFormatOptions) => AsyncIterable<Uint8Array>>>;

/** Every `dgmi score --format` choice: text formats and binary ones. */
export type ScoreFormat = ResultFormat | keyof typeof BINARY_RESULT_FORMATS;

export function isBinaryResultFormat(format: string): format is keyof typeof BINARY_RESULT_FORMATS {
  return Object.hasOwn(BINARY_RESULT_FORMATS, format);
}

/** The `--format` choices, in help order. */
export const RESULT_FORMAT_NAMES = Object.keys(RESULT_FORMATS) as ResultFormat[];

export type { ResultFormatOptions, ResultFormatter } from './formatter.js';
export { RESULT_FORMAT_ID } from './json.js';
export { jsonResultChunks };
export { selectRows, splitByPeriod } from './select.js';
export type { PeriodRows, RowSelection } from './select.js';
export { formatCsv, formatHtml, formatJson, formatMarkdown, formatNdjson, formatParquet, formatTable, formatXlsx, ndjsonResultChunks, parquetChunks, xlsxChunks };
export { DEFAULT_DETAIL, RESULT_DETAILS, type ResultDetail } from './detail.js';
