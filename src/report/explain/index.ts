/**
 * The formats of `dgmi explain --format …`. The registry's keys are the `--format` choices;
 * every entry has the one `ExplainFormatter` shape.
 */
import { formatExplainCsv } from './csv.js';
import type { ExplainFormatter } from './formatter.js';
import { EXPLAIN_FORMAT_ID, formatExplainJson } from './json.js';
import { formatExplainMarkdown } from './markdown.js';
import { formatExplainTable } from './table.js';

export const EXPLAIN_FORMATS = {
  table: formatExplainTable,
  json: formatExplainJson,
  csv: formatExplainCsv,
  markdown: formatExplainMarkdown,
} as const satisfies Readonly<Record<string, ExplainFormatter>>;

export type ExplainFormat = keyof typeof EXPLAIN_FORMATS;

export type { ExplainFormatOptions, ExplainFormatter } from './formatter.js';
export { EXPLAIN_FORMAT_ID, formatExplainCsv, formatExplainJson, formatExplainMarkdown, formatExplainTable };
