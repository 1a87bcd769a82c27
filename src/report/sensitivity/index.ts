/** The output formats of `dgmi sensitivity --format …`; the keys are the `--format` choices. */
import { formatSensitivityCsv } from './csv.js';
import type { SensitivityFormatter } from './formatter.js';
import { formatSensitivityJson } from './json.js';
import { formatSensitivityMarkdown } from './markdown.js';
import { formatSensitivityTable } from './table.js';

export const SENSITIVITY_FORMATS = {
  table: formatSensitivityTable,
  json: formatSensitivityJson,
  csv: formatSensitivityCsv,
  markdown: formatSensitivityMarkdown,
} as const satisfies Readonly<Record<string, SensitivityFormatter>>;

export type SensitivityFormat = keyof typeof SENSITIVITY_FORMATS;
export type { SensitivityFormatter };
export { formatSensitivityCsv, formatSensitivityJson, formatSensitivityMarkdown, formatSensitivityTable };
