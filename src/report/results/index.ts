/**
 * The result formats of `dgmi score --format …`. The registry's keys are the `--format`
 * choices; every entry has the one `ResultFormatter` shape.
 */
import { csvResultChunks, formatCsv } from './csv.js';
import type { ResultFormatter } from './formatter.js';
import { formatJson, jsonResultChunks } from './json.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { ResultFormatOptions } from './formatter.js';
import { formatMarkdown } from './markdown.js';
import { formatTable } from './table.js';

export const RESULT_FORMATS = {
  table: formatTable,
  json: formatJson,
  csv: formatCsv,
  markdown: formatMarkdown,
} as const satisfies Readonly<Record<string, ResultFormatter>>;

export type ResultFormat = keyof typeof RESULT_FORMATS;

/**
 * Formats that can also be produced in chunks, for outputs too large to hold as one string
 * (township-scale JSON is over a gigabyte); a chunk is text or UTF-8 bytes. The CLI prefers
 * these when present.
 */
export const RESULT_STREAMS: Partial<Record<ResultFormat, (table: ScoreTable, options: ResultFormatOptions) => Iterable<string | Uint8Array>>> = {
  json: jsonResultChunks,
  csv: csvResultChunks,
};

/** The `--format` choices, in help order. */
export const RESULT_FORMAT_NAMES = Object.keys(RESULT_FORMATS) as ResultFormat[];

export type { ResultFormatOptions, ResultFormatter } from './formatter.js';
export { RESULT_FORMAT_ID } from './json.js';
export { jsonResultChunks };
export { selectRows, splitByPeriod } from './select.js';
export type { PeriodRows, RowSelection } from './select.js';
export { formatCsv, formatJson, formatMarkdown, formatTable };
