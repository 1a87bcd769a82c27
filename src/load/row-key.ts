/**
 * The (region, period) key of a data row, read from the row columns of a record, and the line →
 * row map `dgmi validate --data` reports per region from.
 */
import { makeDiagnostic } from '../diagnostics/messages.js';
import { listedRegion } from '../regions/region-matching.js';
import { normaliseText } from './cells.js';
import type { RowColumns } from './columns.js';
import type { CsvRecord } from './csv-table.js';
import type { FileContext } from './file-context.js';

/** The (region, period) row a data line belongs to; the region as canonicalised (or as written, when it is not listed). */
export interface RowRef {
  readonly region: string;
  readonly period: string;
}

export type RowLines = ReadonlyMap<string, readonly (RowRef | undefined)[]>;

export interface RowKey {
  readonly region: string;
  readonly period: string;
  readonly name: string;
  readonly group: string;
  /** The region is not in the framework's region list: the row is kept (as written) but unscored. */
  readonly isUnlisted: boolean;
}

/** The row columns of a record; `undefined` (after an error) when the region cell is empty. */
export function rowKeyOf(record: CsvRecord, rows: RowColumns & { readonly region: number }, file: string, context: FileContext): RowKey | undefined {
  const cell = (column: number | undefined) => (column === undefined ? '' : (record.fields[column] ?? ''));
  const written = normaliseText(cell(rows.region));
  if (written === '') {
    context.diagnostics.push(makeDiagnostic('region-empty', {}, { file, line: record.line, column: rows.region + 1 }));
    return undefined;
  }
  const region = context.regions ? listedRegion(written, context.regions, { file, line: record.line, column: rows.region + 1 }, context.diagnostics) : written;
  // Names and groups stay as written (formula-looking text included): they are data, never evaluated.
  const key: RowKey = {
    region: region ?? written,
    period: normaliseText(cell(rows.period)),
    name: cell(rows.name).trim(),
    group: normaliseText(cell(rows.group)),
    isUnlisted: region === undefined,
  };
  if (context.rowLines && context.rowRefs) trackRowLine(key, file, record.line, context.rowLines, context.rowRefs);
  return key;
}

export function trackRowLine(key: RowKey, file: string, line: number, rowLines: Map<string, (RowRef | undefined)[]>, rowRefs: Map<string, RowRef>): void {
  const keyText = rowKeyText(key);
  let ref = rowRefs.get(keyText);
  if (!ref) {
    ref = { region: key.region, period: key.period };
    rowRefs.set(keyText, ref);
  }
  let lines = rowLines.get(file);
  if (!lines) {
    lines = [];
    rowLines.set(file, lines);
  }
  lines[line] = ref;
}

export function rowKeyText(key: RowKey): string {
  return `${key.region}\u0000${key.period}`;
}
