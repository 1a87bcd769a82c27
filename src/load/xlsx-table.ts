/**
 * An .xlsx sheet → the table shape `parseCsvTable` returns, so the rest of the loader treats a
 * workbook exactly like a CSV file: `line` is the sheet's row number and a field's index is its
 * column (0 = A), which together give the cell address (`Sheet1!D7`).
 *
 * read-excel-file reads the sheet (shared and inline strings, escapes, phonetic runs, dates).
 * Before it does, xlsx-guard.ts checks and unpacks the archive. After it, one scan of the sheet's
 * XML restores what the library does not report but a person sees in Excel, so that every cell
 * goes through the same `parseCell` checks as a CSV cell:
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
import { archiveKind, DEFAULT_XLSX_LIMITS, listArchive, repack, unpackParts, type GuardStep, type XlsxLimits } from './xlsx-guard.js';

export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './xlsx-guard.js';

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

/** What a submission's bytes are, by magic number first and extension second. */
export type SubmissionFormat = 'xlsx' | 'ole' | 'text';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const XLSX_EXTENSION = /\.(?:xlsx|xlsm|xltx|xltm)$/iu;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/**
 * `xlsx` for a zip (or a file named .xlsx that is not one: the reader then says it is damaged),
 * `ole` for an OLE compound file (an encrypted workbook or an old .xls, whatever its name),
 * `text` for everything else.
 */
export function sniffSubmission(bytes: Uint8Array, path: string): SubmissionFormat {
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE_MAGIC)) return 'ole';
  return XLSX_EXTENSION.test(path) ? 'xlsx' : 'text';
}

/**
 * The diagnostic for an OLE compound file. Office stores a password-protected .xlsx in one,
 * with an `EncryptedPackage` stream; anything else in that container is a legacy .xls.
 */
export function oleFileDiagnostic(bytes: Uint8Array, path: string): Diagnostic {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isEncrypted = buffer.indexOf(Buffer.from('EncryptedPackage', 'utf16le')) !== -1;
  return makeDiagnostic(isEncrypted ? 'xlsx-encrypted' : 'xlsx-legacy-xls', { path }, { file: path });
}

/** `Sheet1!D7`, quoting the sheet name as Excel does when it is not a plain word (`'第 1 季'!D7`). */
export function cellAddress(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

/**
 * Add `sheet` and `cell` (`Sheet1!D7`) to the args of the diagnostics from `start` on that
 * point at a cell of `file`, so a reader can jump to the cell in Excel.
 */
export function addCellAddresses(diagnostics: Diagnostic[], start: number, file: string, sheet: string): void {
  for (let i = start; i < diagnostics.length; i++) {
    const d = diagnostics[i];
    if (!d || d.file !== file || d.line === undefined || d.column === undefined || 'cell' in d.args) continue;
    diagnostics[i] = { ...d, args: { ...d.args, sheet, cell: cellAddress(sheet, d.column - 1, d.line) } };
  }
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
  const workbook = readWorkbook(text(book.ok.get(WORKBOOK)), text(book.ok.get(WORKBOOK_RELS)));
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
  const overlay = scanSheet(sheetXml, chosen.ok.name, percentStyles(text(styles) ?? ''));

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

// ─── workbook: sheets and parts ──────────────────────────────────────────────────────────

interface SheetRef {
  readonly name: string;
  /** The part, as read-excel-file resolves the relationship's target. */
  readonly path: string;
}

interface Workbook {
  readonly sheets: readonly SheetRef[];
  readonly styles?: string | undefined;
  readonly strings?: string | undefined;
}

/** The worksheets in tab order (chart sheets hold no cells and are not offered) and the styles and strings parts. */
function readWorkbook(workbookXml = '', relsXml = ''): Workbook {
  const targets = new Map<string, { type: string; path: string }>();
  for (const [, tag = ''] of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b([^>]*)>/gu)) {
    const a = attributes(tag);
    const target = a.get('Target') ?? '';
    targets.set(a.get('Id') ?? '', { type: a.get('Type') ?? '', path: target.startsWith('/') ? target.slice(1) : `xl/${target}` });
  }
  const sheets: SheetRef[] = [];
  for (const [, tag = ''] of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b([^>]*)>/gu)) {
    const a = attributes(tag);
    const target = targets.get(a.get('id') ?? '');
    if (target && /\/worksheet$/u.test(target.type)) sheets.push({ name: decodeOoxml(a.get('name') ?? ''), path: target.path });
  }
  const all = [...targets.values()];
  return {
    sheets,
    styles: all.find((r) => /\/styles$/u.test(r.type))?.path,
    strings: all.find((r) => /\/sharedStrings$/u.test(r.type))?.path,
  };
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

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/gu;

/** Attributes of a tag, entities decoded; a prefixed name is also stored under its local name (`r:id` → `id`). */
function attributes(tag: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1] ?? '';
    const value = decodeXml(m[2] ?? m[3] ?? '');
    map.set(name, value);
    const colon = name.indexOf(':');
    if (colon !== -1 && !map.has(name.slice(colon + 1))) map.set(name.slice(colon + 1), value);
  }
  return map;
}

const ENTITY = /&(?:#(\d+)|#x([0-9a-f]+)|(amp|lt|gt|quot|apos));/giu;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeXml(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    const code = dec !== undefined ? Number(dec) : hex !== undefined ? Number.parseInt(hex, 16) : undefined;
    if (code === undefined) return NAMED[name ?? ''] ?? whole;
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** OOXML escapes characters XML cannot hold as `_x000D_`, in sheet names as in cells. */
function decodeOoxml(value: string): string {
  return value.replace(/_x([0-9a-f]{4})_/giu, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

// ─── what the library does not report ────────────────────────────────────────────────────

/** Built-in number formats 9 (`0%`) and 10 (`0.00%`). */
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);

/** Whether a number format code scales by 100 and shows `%` (a quoted or escaped `%` does neither). */
export function isPercentFormat(code: string): boolean {
  return code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/_./gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .includes('%');
}

/** Indexes of the cell styles (`<c s="…">`) that show a number as a percentage. */
function percentStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const [, tag = ''] of stylesXml.matchAll(/<(?:[\w.-]+:)?numFmt\b([^>]*)>/gu)) {
    const a = attributes(tag);
    custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
  }
  const cellXfs = /<(?:[\w.-]+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:[\w.-]+:)?cellXfs>/u.exec(stylesXml)?.[1] ?? '';
  const styles = new Set<number>();
  [...cellXfs.matchAll(/<(?:[\w.-]+:)?xf\b([^>]*)>/gu)].forEach(([, tag = ''], index) => {
    const id = Number(attributes(tag).get('numFmtId') ?? 0);
    const code = custom.get(id);
    if (code === undefined ? BUILTIN_PERCENT_FORMATS.has(id) : isPercentFormat(code)) styles.add(index);
  });
  return styles;
}

interface CellRange {
  readonly ref: string;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface SheetOverlay {
  /** Cell text that replaces what the library read, by row number then 0-based column. */
  readonly cells: ReadonlyMap<number, ReadonlyMap<number, string>>;
  readonly uncachedFormulas: number;
  readonly firstUncachedFormula: string;
  readonly merges: readonly CellRange[];
}

const CELL = /<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/gu;
const VALUE = /<(?:[\w.-]+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?v>)/u;
const FORMULA = /<(?:[\w.-]+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?f>)/u;
const HAS_FORMULA = /<(?:[\w.-]+:)?f[\s>/]/u;
const HAS_ERROR = /\bt\s*=\s*["']e["']/u;
const CELL_ATTRIBUTE = /\b([rst])\s*=\s*["']([^"']*)["']/gu;
const REFERENCE = /^([a-z]{1,3})(\d{1,7})$/iu;

/**
 * One pass over the sheet's cells — only when it has error cells, formulas or percent styles —
 * for the text a person sees where the library reads something else, and the merged ranges.
 */
function scanSheet(xml: string, sheet: string, percent: ReadonlySet<number>): SheetOverlay {
  const cells = new Map<number, Map<number, string>>();
  let uncachedFormulas = 0;
  let firstUncachedFormula = '';
  if (percent.size > 0 || HAS_ERROR.test(xml) || HAS_FORMULA.test(xml)) {
    for (const [, tag = '', body = ''] of xml.matchAll(CELL)) {
      const a: Partial<Record<string, string>> = {};
      for (const [, name = '', value = ''] of tag.matchAll(CELL_ATTRIBUTE)) a[name] = value;
      const at = REFERENCE.exec(a['r'] ?? '');
      if (!at) continue;
      const value = VALUE.exec(body);
      let shown: string | undefined;
      if (a['t'] === 'e') {
        shown = decodeXml(value?.[1] ?? '');
      } else if (!value && HAS_FORMULA.test(body)) {
        shown = `=${decodeXml(FORMULA.exec(body)?.[1] ?? '')}`;
        if (uncachedFormulas++ === 0) firstUncachedFormula = cellAddress(sheet, columnIndex(at[1] ?? ''), Number(at[2]));
      } else if ((a['t'] ?? 'n') === 'n' && a['s'] !== undefined && percent.has(Number(a['s'])) && value?.[1]) {
        shown = percentText(value[1].trim());
      }
      if (shown === undefined || shown === '') continue;
      const line = Number(at[2]);
      const row = cells.get(line) ?? new Map<number, string>();
      row.set(columnIndex(at[1] ?? ''), shown);
      cells.set(line, row);
    }
  }
  return { cells, uncachedFormulas, firstUncachedFormula, merges: mergedRanges(xml) };
}

/** 0-based column of letters like `AB`. */
function columnIndex(letters: string): number {
  let column = 0;
  for (const char of letters.toUpperCase()) column = column * 26 + (char.charCodeAt(0) - 64);
  return column - 1;
}

/** `<mergeCell ref="A1:C1"/>` elements. */
function mergedRanges(xml: string): CellRange[] {
  if (!xml.includes('mergeCell')) return [];
  const refs = xml.matchAll(/<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["'](([a-z]+)(\d+):([a-z]+)(\d+))["']/giu);
  return [...refs].map(([, ref = '', left = '', top = '', right = '', bottom = '']) => ({
    ref,
    top: Number(top),
    bottom: Number(bottom),
    left: columnIndex(left),
    right: columnIndex(right),
  }));
}

/** `0.0725` → `7.25%` by moving the decimal point in the text, so no floating-point error creeps in. */
export function percentText(value: string, n = Number(value)): string {
  const m = /^([+-]?)(\d+)(?:\.(\d*))?$/u.exec(value);
  if (!m) return Number.isFinite(n) ? `${String(Number((n * 100).toPrecision(15)))}%` : value;
  const sign = m[1] === '-' ? '-' : '';
  const integer = m[2] ?? '';
  const fraction = (m[3] ?? '').padEnd(2, '0');
  const whole = `${integer}${fraction.slice(0, 2)}`.replace(/^0+(?=\d)/u, '');
  const rest = fraction.slice(2).replace(/0+$/u, '');
  return `${sign}${whole}${rest === '' ? '' : `.${rest}`}%`;
}

/** A date cell as `2022-03-01`, `2022-03-01 08:30:00`, or `08:30:00` for a time of day without a date. */
export function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  // Excel's day 0 (1899-12-30 in the library's reckoning) is how a time without a date is stored.
  if (day === '1899-12-30') return time;
  return time === '00:00:00' ? day : `${day} ${time}`;
}

/** A value as read-excel-file returns it (numbers kept as their text), as the text a person sees. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  return String(value);
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
