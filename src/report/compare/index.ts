/**
 * The output formats of `dgmi compare --format …`: the same four as `dgmi score`. The
 * registry's keys are the `--format` choices; every entry has the one `CompareFormatter` shape.
 */
import { formatCompareCsv } from './csv.js';
import type { CompareFormatter } from './formatter.js';
import { formatCompareJson } from './json.js';
import { formatCompareMarkdown } from './markdown.js';
import { formatCompareTable } from './table.js';

export const COMPARE_FORMATS = {
  table: formatCompareTable,
  json: formatCompareJson,
  csv: formatCompareCsv,
  markdown: formatCompareMarkdown,
} as const satisfies Readonly<Record<string, CompareFormatter>>;

export type CompareFormat = keyof typeof COMPARE_FORMATS;

export type { CompareFormatOptions, CompareFormatter, Comparison } from './formatter.js';
export { COMPARE_FORMAT_ID } from './json.js';
export { compareDocument } from './document.js';
export { formatCompareCsv, formatCompareJson, formatCompareMarkdown, formatCompareTable };
