/**
 * `--format json`: the `dgmi-diagnostics/1` document, for tools and scripts. Every diagnostic
 * carries the same keys in the same order, with `null` where a value is unknown, so consumers
 * never test for a key's presence and diffs of two runs line up.
 */
import type { RegionFindings } from '../../analyse/submission-summary.js';
import type { Diagnostic, DiagnosticArgs } from '../../diagnostics/diagnostic.js';
import { sortDiagnostics } from '../../diagnostics/diagnostic.js';
import { renderHint, renderMessage } from '../../diagnostics/messages.js';
import type { Lang } from '../../model/i18n.js';
import type { DiagnosticFormatter } from './index.js';

export const DIAGNOSTICS_FORMAT_ID = 'dgmi-diagnostics/1';

export interface DiagnosticEntry {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly hint: string | null;
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  readonly endLine: number | null;
  readonly endColumn: number | null;
  readonly path: readonly (string | number)[] | null;
  readonly args: DiagnosticArgs;
}

/** One diagnostic as every dgmi JSON document writes it (validate, score, compare, explain). */
export function diagnosticEntry(d: Diagnostic, lang: Lang): DiagnosticEntry {
  // Written key by key (not spread from `d`) so the order is the documented one whatever
  // order the rule built its object in.
  return {
    code: d.code,
    severity: d.severity,
    message: renderMessage(d, lang),
    hint: renderHint(d, lang) ?? null,
    file: d.file,
    line: d.line ?? null,
    column: d.column ?? null,
    endLine: d.endLine ?? null,
    endColumn: d.endColumn ?? null,
    path: d.path ?? null,
    args: d.args,
  };
}

/** Key by key, in the documented order, like the diagnostics. */
function regionEntry(r: RegionFindings): RegionFindings {
  return { region: r.region, name: r.name, errors: r.errors, warnings: r.warnings, infos: r.infos };
}

/**
 * `{ format, files, summary: { errors, warnings, infos[, regions] }, diagnostics: [...] }`, sorted by
 * file and position, messages and hints in `options.lang`, indented by two spaces and ending
 * in a newline.
 */
export const json: DiagnosticFormatter = (diagnostics, options) => {
  const count = (severity: Diagnostic['severity']): number =>
    diagnostics.filter((d) => d.severity === severity).length;
  const document = {
    format: DIAGNOSTICS_FORMAT_ID,
    files: options.files,
    summary: {
      errors: count('error'),
      warnings: count('warning'),
      infos: count('info'),
      ...(options.regions ? { regions: options.regions.map(regionEntry) } : {}),
    },
    diagnostics: sortDiagnostics(diagnostics).map((d) => diagnosticEntry(d, options.lang)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
};
