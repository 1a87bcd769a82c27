/**
 * The per-cell part of reading a wide submission: every record's cells parsed into numbers,
 * with each bad cell kept as a problem. It needs nothing but the records and a plan, so a large
 * file's pieces can go through it on worker threads (`wide-rows-worker.ts`), record by record
 * as csv-parse produces them; turning the result into dataset rows (region lookup, duplicates,
 * diagnostics) stays on the calling thread.
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

/** Converts records one at a time, so a caller need not hold a file's records (millions of strings) at once. */
export class WideRowsBuilder {
  private count = 0;
  private values: Float64Array;
  private hasBadCell: Uint8Array;
  private isRagged: Uint8Array;
  private readonly lines: number[] = [];
  private readonly rowCells = { region: [] as string[], name: [] as string[], group: [] as string[], period: [] as string[] };
  private readonly problems: WideProblem[] = [];
  private moreProblems = 0;

  /** `expectedRecords`: the records to make room for at once (from the line count: {@link countRecordLines}); more are room made for by doubling. */
  constructor(
    private readonly plan: WideRowsPlan,
    expectedRecords = 1024,
  ) {
    const capacity = Math.max(1, expectedRecords);
    this.values = new Float64Array(capacity * plan.targets.length).fill(Number.NaN);
    this.hasBadCell = new Uint8Array(capacity);
    this.isRagged = new Uint8Array(capacity);
  }

  add(record: CsvRecord): void {
    const { targets, rows } = this.plan;
    if (this.count === this.hasBadCell.length) this.grow();
    const r = this.count++;
    const { fields } = record;
    const cell = (column: number | undefined) => (column === undefined ? '' : (fields[column] ?? ''));
    this.lines.push(record.line);
    this.isRagged[r] = record.isRagged ? 1 : 0;
    const region = cell(rows.region);
    this.rowCells.region.push(region);
    this.rowCells.name.push(cell(rows.name));
    this.rowCells.group.push(cell(rows.group));
    this.rowCells.period.push(cell(rows.period));
    // A record without a region is reported and skipped by the caller; a ragged record's
    // fields cannot be matched to columns. Neither has its cells read.
    if (record.isRagged || normaliseText(region) === '') return;
    const values = this.values;
    for (let t = 0, at = r * targets.length; t < targets.length; t++, at++) {
      const target = targets[t];
      if (!target) continue;
      const text = fields[target.column] ?? '';
      const value = parseCell(text, target.spec);
      if (typeof value === 'number') {
        values[at] = value;
        continue;
      }
      this.hasBadCell[r] = 1;
      if (this.problems.length < this.plan.maxProblems) this.problems.push({ record: r, target: t, problem: value, text });
      else this.moreProblems++;
    }
  }

  finish(): WideRows {
    const n = this.count;
    // Sized right (from the record or line count), the arrays are handed over as they are: a
    // copy of the values would be 64 MB at township scale.
    const isFull = n === this.hasBadCell.length;
    return {
      lines: this.lines,
      isRagged: isFull ? this.isRagged : this.isRagged.slice(0, n),
      rowCells: this.rowCells,
      values: isFull ? this.values : this.values.slice(0, n * this.plan.targets.length),
      hasBadCell: isFull ? this.hasBadCell : this.hasBadCell.slice(0, n),
      problems: this.problems,
      moreProblems: this.moreProblems,
    };
  }

  private grow(): void {
    const capacity = 2 * this.hasBadCell.length;
    const values = new Float64Array(capacity * this.plan.targets.length).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
    const hasBadCell = new Uint8Array(capacity);
    hasBadCell.set(this.hasBadCell);
    this.hasBadCell = hasBadCell;
    const isRagged = new Uint8Array(capacity);
    isRagged.set(this.isRagged);
    this.isRagged = isRagged;
  }
}

/**
 * How many records a piece of CSV text (or its UTF-8 bytes) without quoted line breaks holds at
 * most: its line breaks, plus a last line without one. CRLF counts once (by its LF); a text whose
 * lines end in a bare CR counts as one line, and the builder grows as it reads. Blank lines are
 * counted though csv-parse skips them, so the estimate errs high, and `finish` trims.
 */
export function countRecordLines(source: string | Uint8Array): number {
  if (typeof source === 'string') return recordLines(source.length, (from) => source.indexOf('\n', from));
  const bytes = Buffer.from(source.buffer, source.byteOffset, source.byteLength);
  return recordLines(bytes.length, (from) => bytes.indexOf(0x0a, from));
}

/** The line breaks `nextBreak` finds in a text of `length`, plus a last line without one. */
function recordLines(length: number, nextBreak: (from: number) => number): number {
  let lines = 0;
  let last = -1;
  for (let at = nextBreak(0); at !== -1; at = nextBreak(at + 1)) {
    lines++;
    last = at;
  }
  return last === length - 1 ? lines : lines + 1;
}

export function convertWideRecords(records: readonly CsvRecord[], plan: WideRowsPlan): WideRows {
  const builder = new WideRowsBuilder(plan, records.length);
  for (const record of records) builder.add(record);
  return builder.finish();
}
