/**
 * Which row is the header. Usually the first non-blank one; Excel exports often put a title, a
 * date or notes above it. `--header-row N` names it; otherwise, when the first row matches no
 * column of the framework, the next few rows are tried and the first that does is taken, with a
 * warning that says which row it was and how to state it.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import { detectDelimiter } from './csv-table.js';

export interface HeaderChoice {
  /** The 1-based row (line) of the header, as given by `--header-row`. */
  readonly headerRow?: number | undefined;
  /** Whether a row's cells can be the header (the framework finds its columns in them); detection is off without it. */
  readonly isHeader?: ((fields: readonly string[]) => boolean) | undefined;
}

export interface LeadingRow {
  /** 1-based line (CSV) or row number (XLSX). */
  readonly line: number;
  readonly fields: readonly string[];
}

/** Rows tried as the header after the first: a title block is a few rows, never a page. */
export const HEADER_SEARCH_ROWS = 10;

/**
 * The index into `rows` (the non-blank rows, in order) of the header, with the diagnostics of
 * the choice: `header-row-missing` when `--header-row` is past the last row (index -1), or
 * `header-row-detected` when detection skipped rows.
 */
export function chooseHeader(rows: readonly LeadingRow[], choice: HeaderChoice, file: string): { index: number; diagnostics: Diagnostic[] } {
  const { headerRow, isHeader } = choice;
  if (headerRow !== undefined) {
    const index = rows.findIndex((row) => row.line >= headerRow);
    return index === -1 ? { index, diagnostics: [makeDiagnostic('header-row-missing', { row: headerRow }, { file })] } : { index, diagnostics: [] };
  }
  const first = rows[0];
  if (!isHeader || !first || isHeader(first.fields)) return { index: 0, diagnostics: [] };
  const limit = Math.min(rows.length, HEADER_SEARCH_ROWS + 1);
  for (let index = 1; index < limit; index++) {
    const row = rows[index];
    if (row && isHeader(row.fields)) {
      return { index, diagnostics: [makeDiagnostic('header-row-detected', { line: row.line, skipped: index }, { file, line: row.line })] };
    }
  }
  return { index: 0, diagnostics: [] };
}

/**
 * The header line of CSV `text` when detection moves it below the first non-blank line, with
 * the warning saying so; undefined when the first line is the header (or no later one fits).
 */
export function detectCsvHeaderRow(text: string, isHeader: (fields: readonly string[]) => boolean, file: string): { line: number; diagnostics: Diagnostic[] } | undefined {
  // Nearly every file's first row is its header, and then `chooseHeader` looks at no other:
  // split that row alone first (each row split is a csv-parse call, up to eleven per file before).
  const [first] = leadingCsvRows(text, 1);
  if (!first || isHeader(first.fields)) return undefined;
  const rows = leadingCsvRows(text, HEADER_SEARCH_ROWS + 1);
  const { index, diagnostics } = chooseHeader(rows, { isHeader }, file);
  const row = rows[index];
  return index > 0 && row ? { line: row.line, diagnostics } : undefined;
}

/** Whether the first non-blank line of CSV `text` is the header (detection would look no further). */
export function firstCsvRowIsHeader(text: string, isHeader: (fields: readonly string[]) => boolean): boolean {
  const [first] = leadingCsvRows(text, 1);
  return first !== undefined && isHeader(first.fields);
}

/** The first `count` non-blank lines of CSV text, each split on the delimiter its own cells suggest (a title line has few). */
function leadingCsvRows(text: string, count: number): LeadingRow[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: LeadingRow[] = [];
  let start = 0;
  for (let line = 1; rows.length < count && start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const lineText = source.slice(start, end === -1 ? source.length : end).replace(/\r$/u, '');
    start = end === -1 ? source.length : end + 1;
    if (lineText.trim() === '' || (line === 1 && /^sep=.\s*$/iu.test(lineText))) continue;
    rows.push({ line, fields: splitLine(lineText) });
  }
  return rows;
}

function splitLine(line: string): string[] {
  try {
    // A line holds no '\n'; without a '\r' either, csv-parse's search for the line ending (which
    // allocates three buffers per character of a header ~900 characters long) can find none, so
    // naming one that is absent gives the same single record without the search.
    const noBreak = line.includes('\r') ? {} : { record_delimiter: '\n' };
    const [fields] = parse(line, { delimiter: detectDelimiter(line), relax_column_count: true, relax_quotes: true, ...noBreak }) as string[][];
    return fields ?? [];
  } catch {
    // An unclosed quote, say: not a header the framework could match.
    return [];
  }
}
