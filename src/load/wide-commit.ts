/**
 * A wide file (one column per indicator) → dataset rows. The cells are converted by
 * {@link convertWideRecords} (here, or per piece on worker threads); this commits the converted
 * rows in file order, with their row keys and cell diagnostics.
 */
import type { CellReporter } from './cell-reporter.js';
import type { WideLayout } from './columns.js';
import type { CsvTable } from './csv-table.js';
import { specAt, type FileContext } from './file-context.js';
import { rowKeyOf } from './row-key.js';
import { convertWideRecords, type WideRows, type WideRowsPlan } from './wide-rows.js';

export function readWideRows(table: CsvTable, file: string, layout: WideLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  commitWideRows([convertWideRecords(table.records, widePlan(layout, context))], file, layout, isAmbiguous, cells, context);
}

/** What reading a wide file's cells needs, worked out once per file. */
export function widePlan(layout: WideLayout, context: FileContext): WideRowsPlan {
  return {
    targets: layout.indicators.map((c) => ({ column: c.column, spec: specAt(context, c.indicator) })),
    rows: layout.rows,
    maxProblems: context.maxCellDiagnostics,
  };
}

/** Where {@link commitWideRows} finds the row cells in the record it rebuilds from {@link WideRows.rowCells}. */
const ROW_CELL_COLUMNS = { region: 0, name: 1, group: 2, period: 3 } as const;

/** Converted records (of one file, in file order) → dataset rows, with their diagnostics in file order. */
export function commitWideRows(parts: readonly WideRows[], file: string, layout: WideLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  const { builder } = context;
  const indicators = layout.indicators.map((c) => c.indicator);
  const columnsPerRecord = indicators.length;
  builder.reserve(parts.reduce((sum, part) => sum + part.lines.length, 0));
  for (const part of parts) {
    const { rowCells, problems } = part;
    // The dataset row of each record whose values are copied; −1: dropped, or ragged (a ragged
    // row's fields cannot be matched to columns: its values stay missing rather than guessed).
    const rowOf = new Int32Array(part.lines.length).fill(-1);
    let next = 0;
    for (let r = 0; r < part.lines.length; r++) {
      const line = part.lines[r] ?? 0;
      const isRagged = part.isRagged[r] === 1;
      const fields = [rowCells.region[r] ?? '', rowCells.name[r] ?? '', rowCells.group[r] ?? '', rowCells.period[r] ?? ''];
      const key = rowKeyOf({ fields, line, isRagged }, ROW_CELL_COLUMNS, file, context);
      if (!key) continue;
      for (let problem = problems[next]; problem !== undefined && problem.record === r; problem = problems[++next]) {
        const target = layout.indicators[problem.target];
        if (target) cells.report(problem.problem, problem.text, line, target.column, specAt(context, target.indicator).indicator);
      }
      builder.beginRow();
      const row = builder.commitRow(key, { file, line }, isRagged || isAmbiguous || part.hasBadCell[r] === 1);
      if (row !== undefined && !isRagged) rowOf[r] = row;
    }
    // The values are copied after the rows are committed (a row's values play no part in
    // committing it, and a row that is not committed is never copied, so its slot stays
    // missing for the next row to take).
    copyValues(part.values, columnsPerRecord, rowOf, indicators.map((indicator) => builder.values[indicator]));
    cells.countUnlisted(part.moreProblems);
  }
}

/**
 * Record-major values (`columnsPerRecord` per record) → the dataset's columns, record r into row
 * `rowOf[r]` (none where −1). Transposed in blocks of records: a block's values of one column
 * are written together, each column's rows staying in cache, which measured about twice as fast
 * as one record at a time at 40,000 × 200.
 */
function copyValues(values: Float64Array, columnsPerRecord: number, rowOf: Int32Array, columns: readonly (Float64Array | undefined)[]): void {
  const BLOCK = 64;
  for (let first = 0; first < rowOf.length; first += BLOCK) {
    const end = Math.min(rowOf.length, first + BLOCK);
    for (let t = 0; t < columnsPerRecord; t++) {
      const column = columns[t];
      if (!column) continue;
      for (let r = first; r < end; r++) {
        const row = rowOf[r]!;
        if (row >= 0) column[row] = values[r * columnsPerRecord + t] ?? Number.NaN;
      }
    }
  }
}
