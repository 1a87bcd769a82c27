/**
 * The per-cell part of reading a wide submission: every record's cells parsed into numbers,
 * with each bad cell kept as a problem. It needs nothing but the records and a plan, so a large
 * file's pieces can go through it on worker threads (`wide-rows-worker.ts`); turning the result
 * into dataset rows (region lookup, duplicates, diagnostics) stays on the calling thread.
 */
import { normaliseText, parseCell, type CellProblem, type CellSpec } from './cells.js';
import type { CsvRecord } from './csv-table.js';
import type { RowColumns } from './columns.js';

export interface WideRowsPlan {
  /** Indicator columns, in the order their values are stored per record. */
  readonly targets: readonly { readonly column: number; readonly spec: CellSpec }[];
  readonly rows: RowColumns & { readonly region: number };
  /** Problems kept in full; beyond this many only their number is kept. */
  readonly maxProblems: number;
}

export interface WideProblem {
  readonly record: number;
  readonly target: number;
  readonly problem: CellProblem;
  readonly text: string;
}

/** Records as parallel arrays; `values` holds `targets.length` numbers per record (NaN: missing or bad). */
export interface WideRows {
  readonly lines: number[];
  readonly isRagged: Uint8Array;
  /** The region, name, group and period cells of each record, as written. */
  readonly rowCells: { readonly region: string[]; readonly name: string[]; readonly group: string[]; readonly period: string[] };
  readonly values: Float64Array;
  /** 1 where a cell of the record was bad. */
  readonly hasBadCell: Uint8Array;
  /** In record order, then column order; at most `maxProblems`. */
  readonly problems: WideProblem[];
  /** Problems beyond those kept. */
  readonly moreProblems: number;
}

export function convertWideRecords(records: readonly CsvRecord[], plan: WideRowsPlan): WideRows {
  const { targets, rows } = plan;
  const count = records.length;
  const values = new Float64Array(count * targets.length).fill(Number.NaN);
  const hasBadCell = new Uint8Array(count);
  const isRagged = new Uint8Array(count);
  const lines: number[] = [];
  const rowCells = { region: [] as string[], name: [] as string[], group: [] as string[], period: [] as string[] };
  const problems: WideProblem[] = [];
  let moreProblems = 0;
  const cell = (fields: readonly string[], column: number | undefined) => (column === undefined ? '' : (fields[column] ?? ''));
  for (let r = 0; r < count; r++) {
    const record = records[r];
    if (!record) continue;
    const { fields } = record;
    lines.push(record.line);
    isRagged[r] = record.isRagged ? 1 : 0;
    const region = cell(fields, rows.region);
    rowCells.region.push(region);
    rowCells.name.push(cell(fields, rows.name));
    rowCells.group.push(cell(fields, rows.group));
    rowCells.period.push(cell(fields, rows.period));
    // A record without a region is reported and skipped by the caller; a ragged record's
    // fields cannot be matched to columns. Neither has its cells read.
    if (record.isRagged || normaliseText(region) === '') continue;
    for (let t = 0, at = r * targets.length; t < targets.length; t++, at++) {
      const target = targets[t];
      if (!target) continue;
      const text = fields[target.column] ?? '';
      const value = parseCell(text, target.spec);
      if (typeof value === 'number') {
        values[at] = value;
        continue;
      }
      hasBadCell[r] = 1;
      if (problems.length < plan.maxProblems) problems.push({ record: r, target: t, problem: value, text });
      else moreProblems++;
    }
  }
  return { lines, isRagged, rowCells, values, hasBadCell, problems, moreProblems };
}

/** The columns (of `columns`) that hold any non-blank text in `records`. */
export function columnsWithText(records: readonly CsvRecord[], columns: readonly number[]): number[] {
  return columns.filter((column) => records.some((r) => (r.fields[column] ?? '').trim() !== ''));
}
