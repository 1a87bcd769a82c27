/**
 * A long file (region, period, indicator, value per line) → dataset rows: one row per (region,
 * period), opened at its first line; a repeated indicator or a bad value makes the row unscorable.
 */
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import type { ResolvedFramework } from '../model/resolved.js';
import type { CellReporter } from './cell-reporter.js';
import { parseCell } from './cells.js';
import { findIndicator, indicatorIndex, indicatorsMissing, type LongLayout } from './columns.js';
import type { CsvRecord, CsvTable } from './csv-table.js';
import { specAt, type FileContext } from './file-context.js';
import { rowKeyOf, rowKeyText, type RowKey } from './row-key.js';

export function readLongRows(table: CsvTable, file: string, layout: LongLayout, isAmbiguous: boolean, cells: CellReporter, context: FileContext): void {
  const { builder, diagnostics, framework } = context;
  /** Rows this file opened, by key; `undefined` marks a key another file already had (its lines are still checked). */
  const fileRows = new Map<string, number | undefined>();
  const valueLines = new Map<string, number>();
  const unknownIndicators = new Set<string>();
  const present = new Set<number>();

  for (const record of table.records) {
    const key = rowKeyOf(record, layout.rows, file, context);
    if (!key) continue;
    const keyText = rowKeyText(key);
    let row: number | undefined;
    if (fileRows.has(keyText)) {
      row = fileRows.get(keyText);
      if (row !== undefined) builder.noteRegion(key, { file, line: record.line });
    } else {
      builder.beginRow();
      row = builder.commitRow(key, { file, line: record.line }, isAmbiguous);
      fileRows.set(keyText, row);
    }
    if (record.isRagged) {
      if (row !== undefined) builder.exclude(row);
      continue;
    }
    const value = readLongValue(record, layout, key, keyText, { valueLines, unknownIndicators, present }, file, cells, context);
    if (row === undefined || value === undefined) continue;
    if (value === 'error') builder.exclude(row);
    else builder.setValue(value.indicator, row, value.value);
  }
  const absent = framework.indicators.filter((i) => !present.has(i.index)).map((i) => i.id);
  if (absent.length > 0 && table.records.length > 0) diagnostics.push(indicatorsMissing(file, absent, { file, line: table.headerLine }));
}

interface LongFileState {
  /** Line of each (region, period, indicator) already given. */
  readonly valueLines: Map<string, number>;
  /** Unknown indicator texts already warned about (one warning each per file). */
  readonly unknownIndicators: Set<string>;
  /** Indicators the file mentions at all. */
  readonly present: Set<number>;
}

/**
 * One long-format line: the indicator and its parsed value; `'error'` when the line makes its
 * row unscorable (a bad value, a repeated indicator); `undefined` when it is ignored.
 */
function readLongValue(
  record: CsvRecord,
  layout: LongLayout,
  key: RowKey,
  keyText: string,
  state: LongFileState,
  file: string,
  cells: CellReporter,
  context: FileContext,
): { indicator: number; value: number } | 'error' | undefined {
  const indicatorText = record.fields[layout.indicatorColumn] ?? '';
  const valueText = record.fields[layout.valueColumn] ?? '';
  const indicator = context.indicatorOf(indicatorText);
  if (indicator === undefined) {
    if ((indicatorText.trim() !== '' || valueText.trim() !== '') && !state.unknownIndicators.has(indicatorText)) {
      state.unknownIndicators.add(indicatorText);
      context.diagnostics.push(
        makeDiagnostic(
          'long-indicator-unknown',
          { text: indicatorText, suggestion: suggestClosest(indicatorText, context.indicatorNames) ?? '' },
          { file, line: record.line, column: layout.indicatorColumn + 1 },
        ),
      );
    }
    return undefined;
  }
  state.present.add(indicator);
  const spec = specAt(context, indicator);
  const valueKey = `${keyText}\u0000${indicator}`;
  const firstLine = state.valueLines.get(valueKey);
  if (firstLine !== undefined) {
    context.diagnostics.push(
      makeDiagnostic(
        'long-value-duplicate',
        { region: key.region, period: key.period, indicator: spec.indicator, first: `${file}:${firstLine}`, second: `${file}:${record.line}` },
        { file, line: record.line, column: layout.indicatorColumn + 1 },
      ),
    );
    return 'error';
  }
  state.valueLines.set(valueKey, record.line);
  const value = parseCell(valueText, spec);
  if (typeof value === 'number') return { indicator, value };
  cells.report(value, valueText, record.line, layout.valueColumn, spec.indicator);
  return 'error';
}

/**
 * {@link findIndicator} with a memory: a long file names each indicator once per region and
 * period, and the match (NFKC, a bracket pattern) need only run once per distinct text.
 */
export function indicatorFinder(framework: ResolvedFramework): (text: string) => number | undefined {
  const index = indicatorIndex(framework);
  const found = new Map<string, number | undefined>();
  return (text) => {
    if (found.has(text)) return found.get(text);
    const indicator = findIndicator(text, index);
    found.set(text, indicator);
    return indicator;
  };
}
