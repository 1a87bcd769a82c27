/**
 * An .xlsx sheet → the table shape `parseCsvTable` returns, so the rest of the loader treats a
 * workbook exactly like a CSV file: `line` is the sheet's row number and a field's index is its
 * column (0 = A), which together give the cell address (`Sheet1!D7`).
 *
 * read-excel-file reads the sheet (shared and inline strings, escapes, phonetic runs, dates).
 * Before it does, xlsx-guard.ts checks and unpacks the archive (sizes, CRCs). After it, one pass
 * of an XML parser over the sheet (xlsx-xml.ts) restores what the library does not report but a
 * person sees in Excel, so that every cell goes through the same `parseCell` checks as a CSV cell:
 * - a number in a percent style reads `85%` (0.85 stored), not `0.85`;
 * - a formula that failed reads as its error (`#DIV/0!`), which the library reads as empty;
 * - a formula without a saved result reads as its text (`=A2*2`), with a warning;
 * - merged cells in the header row stop the sheet; below it they are a warning.
 * Dates read `2022-03-01` (an error in a numeric indicator, as in CSV) and booleans TRUE/FALSE.
 */
import type { Diagnostic, SourceLocation } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { suggestClosest } from '../diagnostics/suggest.js';
import { columnLetter } from './columns.js';
import type { CsvRecord, CsvTable } from './csv-table.js';
import { chooseHeader, type HeaderChoice } from './header-row.js';
import { cellAddress, cellText } from './xlsx-cell-text.js';
import { archiveKind, DEFAULT_XLSX_LIMITS, listArchive, repack, unpackParts, type GuardStep, type XlsxLimits } from './xlsx-guard.js';
import { startsWith, ZIP_MAGIC } from './xlsx-sniff.js';
import { percentStyles, readWorkbook, scanSheet, XmlPartError, type CellRange, type SheetOverlay, type SheetRef } from './xlsx-xml.js';

export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-guard.js';
// Format sniffing and cell text have modules of their own; these stay importable from here.
export { oleFileDiagnostic, sniffSubmission, type SubmissionFormat } from './xlsx-sniff.js';
export { addCellAddresses, cellAddress, dateCellText, isPercentFormat, percentText } from './xlsx-cell-text.js';

/** The most characters Excel lets a cell hold; a longer text was not written by Excel. */
export const EXCEL_MAX_TEXT_LENGTH = 32_767;

export interface XlsxTable extends CsvTable {
  /** Name of the sheet that was read. */
  readonly sheet: string;
}

export interface XlsxTableResult {
  readonly table?: XlsxTable;
  readonly diagnostics: Diagnostic[];
}

export interface XlsxTableOptions {
  /** Sheet name (as its tab shows it); the first sheet when absent. */
  readonly sheet?: string | undefined;
  readonly limits?: Partial<XlsxLimits> | undefined;
  /** Where the header row is (`--header-row`), or how to find it below title rows. */
  readonly headerRow?: HeaderChoice['headerRow'];
  readonly isHeader?: HeaderChoice['isHeader'];
}

/** Read one sheet of an .xlsx workbook as a table. Touches no file; the library runs in this thread. */
export async function readXlsxTable(bytes: Uint8Array, file: string, options: XlsxTableOptions = {}): Promise<XlsxTableResult> {
  const prepared = prepareSheet(bytes, file, options);
  if ('failure' in prepared) return { diagnostics: [prepared.failure] };
  let rows: SheetRows;
  try {
    const { readSheet } = await import('read-excel-file/node');
    const { input, sheet } = prepared.ok;
    rows = await readSheet(Buffer.from(input.buffer, input.byteOffset, input.byteLength), sheet, { trim: false, parseNumber: (text: string) => text });
  } catch (error) {
    return { diagnostics: [libraryFailure(file, error)] };
  }
  return finishTable(rows, prepared.ok);
}

/** What read-excel-file returns with `parseNumber` kept as text: strings, booleans, Dates, nulls. */
type SheetRows = readonly (readonly unknown[])[];

/** Everything known about the sheet before the library reads it. */
interface PreparedSheet {
  readonly file: string;
  readonly sheet: string;
  /** The checked parts, repacked: all the library gets to see. */
  readonly input: Uint8Array;
  readonly overlay: SheetOverlay;
  readonly maxCells: number;
  readonly header: HeaderChoice;
}

// read-excel-file reads these two parts at these paths, whatever `_rels/.rels` says.
const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';

/** Guard, choose the sheet, unpack what is needed and scan it for what the library leaves out. */
function prepareSheet(bytes: Uint8Array, file: string, options: XlsxTableOptions): GuardStep<PreparedSheet> {
  const limits = { ...DEFAULT_XLSX_LIMITS, ...options.limits };
  if (!startsWith(bytes, ZIP_MAGIC)) return { failure: corrupt(file, 'not a zip archive') };
  const listing = listArchive(bytes, file, limits);
  if ('failure' in listing) return listing;
  if (!listing.ok.has(WORKBOOK)) return { failure: makeDiagnostic('xlsx-not-a-workbook', { path: file, kind: archiveKind(listing.ok) }, { file }) };

  const book = unpackParts(bytes, file, listing.ok, [WORKBOOK, WORKBOOK_RELS]);
  if ('failure' in book) return book;
  let workbook;
  try {
    workbook = readWorkbook(text(book.ok.get(WORKBOOK)) ?? '', text(book.ok.get(WORKBOOK_RELS)) ?? '', { workbook: WORKBOOK, rels: WORKBOOK_RELS });
  } catch (error) {
    return { failure: xmlFailure(file, error) };
  }
  const chosen = chooseSheet(workbook.sheets, options.sheet, file);
  if ('failure' in chosen) return chosen;

  const extra = [workbook.styles, workbook.strings, chosen.ok.path].filter((p): p is string => p !== undefined);
  const parts = unpackParts(bytes, file, listing.ok, extra.map((p) => p.toLowerCase()));
  if ('failure' in parts) return parts;
  const sheetBytes = parts.ok.get(chosen.ok.path.toLowerCase());
  if (!sheetBytes) return { failure: corrupt(file, `the part '${chosen.ok.path}' of sheet '${chosen.ok.name}' is missing`) };
  const sheetXml = text(sheetBytes);
  if (sheetXml === undefined) return { failure: corrupt(file, `sheet '${chosen.ok.name}' is too large to decode`) };
  const styles = workbook.styles === undefined ? undefined : parts.ok.get(workbook.styles.toLowerCase());
  let overlay: SheetOverlay;
  try {
    overlay = scanSheet(sheetXml, chosen.ok.name, percentStyles(text(styles) ?? '', workbook.styles ?? ''), chosen.ok.path);
  } catch (error) {
    return { failure: xmlFailure(file, error) };
  }

  // Stored under the names the library resolves them to, so letter case in the archive cannot matter.
  const input = new Map<string, Uint8Array>();
  for (const [name, part] of [...book.ok, ...parts.ok]) input.set(extra.find((p) => p.toLowerCase() === name) ?? name, part);
  return { ok: { file, sheet: chosen.ok.name, input: repack(input), overlay, maxCells: limits.maxCells, header: { headerRow: options.headerRow, isHeader: options.isHeader } } };
}

/** XML bytes → text (UTF-8, a BOM dropped); undefined when absent or past V8's string limit. */
function text(bytes: Uint8Array | undefined): string | undefined {
  if (!bytes) return undefined;
  try {
    return new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A part the XML parser refused: the file is damaged (anything else is a bug, and rethrown). */
function xmlFailure(file: string, error: unknown): Diagnostic {
  if (error instanceof XmlPartError) return corrupt(file, error.message);
  throw error;
}

function corrupt(file: string, reason: string): Diagnostic {
  return makeDiagnostic('xlsx-corrupt', { path: file, reason }, { file });
}

/** The library's words for a cell it refuses (`<c/> at row 2, col 1: VALUE_INVALID`), located. */
const CELL_PROBLEMS: Readonly<Record<string, string>> = {
  VALUE_INVALID: 'holds a value its type does not allow (such as a missing shared string)',
  VALUE_MISSING: 'has no value',
  FORMAT_INVALID: 'points to a cell style that is not there',
  TYPE_INVALID: 'has an unknown cell type',
};

function libraryFailure(file: string, error: unknown): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const cell = /^<c\/> at row (\d+), col (\d+): (\w+)$/u.exec(message);
  if (!cell) return corrupt(file, message);
  const [, row = '', column = '', problem = ''] = cell;
  return corrupt(file, `cell ${columnLetter(Number(column) - 1)}${row} ${CELL_PROBLEMS[problem] ?? problem}`);
}

function chooseSheet(sheets: readonly SheetRef[], wanted: string | undefined, file: string): GuardStep<SheetRef> {
  const first = sheets[0];
  if (!first) return { failure: corrupt(file, 'the workbook has no worksheet') };
  if (wanted === undefined) return { ok: first };
  const key = (name: string) => name.normalize('NFKC').trim().toLowerCase();
  const found = sheets.find((s) => s.name === wanted) ?? sheets.find((s) => key(s.name) === key(wanted));
  if (found) return { ok: found };
  const names = sheets.map((s) => s.name);
  return {
    failure: makeDiagnostic(
      'xlsx-sheet-not-found',
      { path: file, sheet: wanted, sheets: names.join(', '), suggestion: suggestClosest(wanted, names) ?? '' },
      { file },
    ),
  };
}

// ─── the table ───────────────────────────────────────────────────────────────────────────

interface SheetRow {
  readonly line: number;
  readonly fields: string[];
}

/** The library's rows with the overlay applied, checked against the limits, as a table. */
function finishTable(rows: SheetRows, prepared: PreparedSheet): XlsxTableResult {
  const { file, sheet, overlay } = prepared;
  const lines = new Map<number, string[]>();
  // The library's first row is row 1: gaps above and between come back as empty rows.
  rows.forEach((row, index) => lines.set(index + 1, row.map(cellText)));
  for (const [line, shown] of overlay.cells) {
    const fields = lines.get(line) ?? [];
    for (const [column, value] of shown) {
      while (fields.length < column) fields.push('');
      fields[column] = value;
    }
    lines.set(line, fields);
  }
  const sheetRows: SheetRow[] = [];
  let cells = 0;
  for (const line of [...lines.keys()].sort((a, b) => a - b)) {
    const fields = lines.get(line) ?? [];
    while (fields.length > 0 && fields[fields.length - 1] === '') fields.pop();
    for (const field of fields) {
      if (field === '') continue;
      if (++cells > prepared.maxCells) return { diagnostics: [makeDiagnostic('xlsx-too-many-cells', { path: file, sheet, max: prepared.maxCells }, { file })] };
      if (field.length > EXCEL_MAX_TEXT_LENGTH) return { diagnostics: [makeDiagnostic('xlsx-text-too-long', { path: file, length: field.length }, { file })] };
    }
    if (fields.some((f) => f.trim() !== '')) sheetRows.push({ line, fields });
  }
  const diagnostics: Diagnostic[] = [];
  if (overlay.uncachedFormulas > 0) {
    diagnostics.push(makeDiagnostic('xlsx-formula-uncached', { path: file, count: overlay.uncachedFormulas, cell: overlay.firstUncachedFormula }, { file }));
  }
  const table = tableOf(sheetRows, overlay.merges, file, sheet, diagnostics, prepared.header);
  return { ...(table ? { table } : {}), diagnostics };
}

/**
 * The first non-blank row is the header, as in CSV (or the row `header` names or finds below
 * title rows, which are then left out, merged title cells included); merged cells in it make
 * the columns unknowable.
 */
function tableOf(rows: readonly SheetRow[], merges: readonly CellRange[], file: string, sheet: string, diagnostics: Diagnostic[], choice: HeaderChoice): XlsxTable | undefined {
  if (rows.length === 0) {
    diagnostics.push(makeDiagnostic('file-empty', { path: file }, { file }));
    return undefined;
  }
  const chosen = chooseHeader(rows, choice, file);
  diagnostics.push(...chosen.diagnostics);
  const header = rows[chosen.index];
  if (!header) return undefined;
  const inHeader = merges.filter((m) => m.top <= header.line && header.line <= m.bottom);
  for (const merge of inHeader) {
    const cell = cellAddress(sheet, merge.left, merge.top);
    diagnostics.push(makeDiagnostic('xlsx-merged-header', { range: merge.ref, sheet, cell }, at(file, merge.top, merge.left)));
  }
  if (inHeader.length > 0) return undefined;
  const below = merges.filter((m) => m.top > header.line);
  const first = below[0];
  if (first) {
    const ranges = below.slice(0, 5).map((m) => m.ref).join(', ') + (below.length > 5 ? ', …' : '');
    const cell = cellAddress(sheet, first.left, first.top);
    diagnostics.push(makeDiagnostic('xlsx-merged-cells', { count: below.length, ranges, sheet, cell }, at(file, first.top, first.left)));
  }
  const width = rows.slice(chosen.index).reduce((max, row) => Math.max(max, row.fields.length), 0);
  // Wrapped header cells (`名称⏎单位⏎(id)`) are one line in a message; matching ignores the breaks anyway.
  const headerFields = header.fields.map((f) => f.replace(/\s*[\r\n]+\s*/gu, ' '));
  while (headerFields.length < width) headerFields.push('');
  const records: CsvRecord[] = rows.slice(chosen.index + 1).map((row) => ({ fields: row.fields, line: row.line, isRagged: false }));
  if (records.length === 0) diagnostics.push(makeDiagnostic('csv-no-data-rows', { path: file }, { file, line: header.line }));
  return { delimiter: ',', header: headerFields, headerLine: header.line, records, sheet };
}

function at(file: string, line: number, column: number): SourceLocation {
  return { file, line, column: column + 1 };
}
