/** A parsed table (CSV or one XLSX sheet) → dataset rows: its header mapped onto the framework, then read wide or long. */
import { makeDiagnostic } from '../diagnostics/messages.js';
import { CellReporter } from './cell-reporter.js';
import { columnLetter, mapColumns } from './columns.js';
import type { CsvTable } from './csv-table.js';
import { forDelimiter, type FileContext } from './file-context.js';
import { readLongRows } from './long-rows.js';
import { readWideRows } from './wide-commit.js';

export function readRows(table: CsvTable, file: string, fileContext: FileContext): void {
  const context = forDelimiter(fileContext, table.delimiter);
  const mapping = mapColumns(context.framework, table.header, { file, line: table.headerLine }, { regionFromName: context.regions !== undefined });
  context.diagnostics.push(...mapping.diagnostics);
  for (const column of mapping.unnamedColumns) {
    if (table.records.some((r) => (r.fields[column] ?? '').trim() !== '')) {
      context.diagnostics.push(makeDiagnostic('column-unnamed', { columnLetter: columnLetter(column) }, { file, line: table.headerLine, column: column + 1 }));
    }
  }
  const layout = mapping.layout;
  if (!layout) return;
  const cells = new CellReporter(file, table.header, context);
  if (layout.kind === 'wide') readWideRows(table, file, layout, mapping.isAmbiguous, cells, context);
  else readLongRows(table, file, layout, mapping.isAmbiguous, cells, context);
  cells.finish();
}
