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
      const row = builder.beginRow();
      // A ragged row's fields cannot be matched to columns: its values stay missing rather than guessed.
      if (!isRagged) {
        const values = builder.values;
        for (let t = 0; t < columnsPerRecord; t++) {
          const column = values[indicators[t] ?? -1];
          if (column) column[row] = part.values[r * columnsPerRecord + t] ?? Number.NaN;
        }
      }
      builder.commitRow(key, { file, line }, isRagged || isAmbiguous || part.hasBadCell[r] === 1);
    }
    cells.countUnlisted(part.moreProblems);
  }
}
