/** The output formats of `dgmi weights --format …`; the keys are the `--format` choices. */
import { formatWeightsCsv } from './csv.js';
import { formatWeightsJson } from './json.js';
import { formatWeightsMarkdown } from './markdown.js';
import { formatWeightsTable } from './table.js';
import type { WeightsFormatter } from './view.js';

export const WEIGHTS_FORMATS = {
  table: formatWeightsTable,
  json: formatWeightsJson,
  csv: formatWeightsCsv,
  markdown: formatWeightsMarkdown,
} as const satisfies Readonly<Record<string, WeightsFormatter>>;

export type WeightsFormat = keyof typeof WEIGHTS_FORMATS;

export type { WeightsReport, WeightsFormatter } from './view.js';
export { WEIGHTS_FORMAT_ID, weightEntries } from './json.js';
