/**
 * A submission check as the offices that send the data read it: which values are missing (and
 * what the score would do about each), and how many findings each region has — "广西: 3 errors,
 * 1 warning" — so a coordinator sees at once whose return to send back. Pure: it works on the
 * loaded dataset, the loader's diagnostics and its line → row map.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { RowLines, RowRef } from '../load/submissions.js';
import type { Dataset } from '../model/dataset.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { regionKey, type RegionReference } from '../regions/region-reference.js';

/** Missing-value findings listed one by one per file before the rest are only counted. */
export const DEFAULT_MAX_MISSING_PER_FILE = 1000;

/** Codes that make a whole row (or file) unreadable: its values are not missing, they were never read. */
const ROW_UNREADABLE = new Set(['csv-field-count']);
const FILE_UNREADABLE = new Set(['column-duplicate']);

function rowAt(rowLines: RowLines, file: string, line: number | undefined): RowRef | undefined {
  return line === undefined ? undefined : rowLines.get(file)?.[line];
}

const rowText = (region: string, period: string): string => `${region}\u0000${period}`;

/**
 * One finding per missing value (NaN) of `dataset`, following the indicator's `missing` policy:
 * `value-missing-fail` (an error: the score would leave the region unscored) under `fail`,
 * otherwise `value-missing` (a warning naming the policy: the score would reweight or impute).
 * A value that is missing because its cell was rejected (`diagnostics` already has an error on
 * that cell), or whose row could not be read at all, is not reported twice. At most `maxPerFile`
 * findings are listed per file; the rest are counted in one `value-missing-truncated`.
 */
export function missingValueDiagnostics(
  framework: ResolvedFramework,
  dataset: Dataset,
  diagnostics: readonly Diagnostic[],
  rowLines: RowLines,
  maxPerFile = DEFAULT_MAX_MISSING_PER_FILE,
): Diagnostic[] {
  const rejectedCells = new Set<string>();
  const unreadableRows = new Set<string>();
  const unreadableFiles = new Set<string>();
  for (const d of diagnostics) {
    if (FILE_UNREADABLE.has(d.code)) unreadableFiles.add(d.file);
    const row = rowAt(rowLines, d.file, d.line);
    if (!row) continue;
    const indicator = d.args['indicator'];
    if (typeof indicator === 'string') rejectedCells.add(`${rowText(row.region, row.period)}\u0000${indicator}`);
    else if (ROW_UNREADABLE.has(d.code)) unreadableRows.add(rowText(row.region, row.period));
  }

  const findings: Diagnostic[] = [];
  const listed = new Map<string, number>();
  const unlisted = new Map<string, number>();
  for (let row = 0; row < dataset.rowCount; row++) {
    const source = dataset.sources[row];
    const region = dataset.region[row] ?? '';
    const period = dataset.period[row] ?? '';
    const key = rowText(region, period);
    if (!source || unreadableFiles.has(source.file) || unreadableRows.has(key)) continue;
    for (const indicator of framework.indicators) {
      const value = dataset.values[indicator.index]?.[row];
      if (value === undefined || !Number.isNaN(value) || rejectedCells.has(`${key}\u0000${indicator.id}`)) continue;
      const count = listed.get(source.file) ?? 0;
      if (count >= maxPerFile) {
        unlisted.set(source.file, (unlisted.get(source.file) ?? 0) + 1);
        continue;
      }
      listed.set(source.file, count + 1);
      const at = { file: source.file, line: source.line, path: [indicator.id] };
      findings.push(
        indicator.missing === 'fail'
          ? makeDiagnostic('value-missing-fail', { region, period, indicator: indicator.id }, at)
          : makeDiagnostic('value-missing', { region, period, indicator: indicator.id, policy: indicator.missing }, at),
      );
    }
  }
  for (const [file, count] of unlisted) findings.push(makeDiagnostic('value-missing-truncated', { path: file, count }, { file }));
  return findings;
}

/** The findings about one region, for the per-region summary of `dgmi validate --data`. */
export interface RegionFindings {
  readonly region: string;
  /** The region's name from the data, else from the region list; '' when neither has one. */
  readonly name: string;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Count `diagnostics` per region: a finding belongs to the region of the row on its line
 * (`rowLines`), or else to the region its `region` argument names (a required region without a
 * row has no line). Findings about a whole file (an unknown column) belong to no region. Every
 * region of the data and every required region of `reference` is listed, clean ones with zero
 * counts, sorted by code.
 */
export function summariseRegions(
  diagnostics: readonly Diagnostic[],
  rowLines: RowLines,
  dataset: Dataset | undefined,
  reference?: RegionReference,
): RegionFindings[] {
  const counts = new Map<string, { errors: number; warnings: number; infos: number }>();
  const tally = (region: string) => {
    let count = counts.get(region);
    if (!count) {
      count = { errors: 0, warnings: 0, infos: 0 };
      counts.set(region, count);
    }
    return count;
  };
  const names = new Map<string, string>();
  if (dataset) {
    for (let row = 0; row < dataset.rowCount; row++) {
      const region = dataset.region[row] ?? '';
      tally(region);
      if (!names.has(region) || names.get(region) === '') names.set(region, dataset.name[row] ?? '');
    }
  }
  for (const listed of reference?.regions ?? []) if (listed.isRequired) tally(listed.code);

  for (const d of diagnostics) {
    const named = d.args['region'];
    const region = rowAt(rowLines, d.file, d.line)?.region ?? (typeof named === 'string' && named !== '' ? named : undefined);
    if (region === undefined) continue;
    const count = tally(region);
    if (d.severity === 'error') count.errors++;
    else if (d.severity === 'warning') count.warnings++;
    else count.infos++;
  }

  const nameOf = (region: string): string => {
    const listed = reference?.byCode.get(regionKey(region));
    return names.get(region) || listed?.label || listed?.name || '';
  };
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([region, count]) => ({ region, name: nameOf(region), ...count }));
}
