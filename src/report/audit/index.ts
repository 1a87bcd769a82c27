/**
 * The output formats of `dgmi audit --format …`: the same four as `dgmi score`. The registry's
 * keys are the `--format` choices; every entry has the one `AuditFormatter` shape.
 */
import { formatAuditCsv } from './csv.js';
import type { AuditFormatter } from './formatter.js';
import { formatAuditJson } from './json.js';
import { formatAuditMarkdown } from './markdown.js';
import { formatAuditTable } from './table.js';

export const AUDIT_FORMATS = {
  table: formatAuditTable,
  json: formatAuditJson,
  csv: formatAuditCsv,
  markdown: formatAuditMarkdown,
} as const satisfies Readonly<Record<string, AuditFormatter>>;

export type AuditFormat = keyof typeof AUDIT_FORMATS;

export type { AuditFormatter } from './formatter.js';
export { AUDIT_FORMAT_ID } from './json.js';
export { formatAuditCsv, formatAuditJson, formatAuditMarkdown, formatAuditTable };
