/**
 * How a cell's content reads as text, the way a person sees it in Excel: `85%` for a number in
 * a percent style, `2022-03-01` for a date, `TRUE` for a boolean, and sheet names and addresses
 * written as Excel writes them. No XML here: the values come from read-excel-file or the
 * XML parser (xlsx-xml.ts).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { columnLetter } from './columns.js';

/** `Sheet1!D7`, quoting the sheet name as Excel does when it is not a plain word (`'第 1 季'!D7`). */
export function cellAddress(sheet: string, column: number, row: number): string {
  const name = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replaceAll("'", "''")}'`;
  return `${name}!${columnLetter(column)}${row}`;
}

/** OOXML escapes characters XML cannot hold as `_x000D_`, in sheet names as in cells. */
export function decodeOoxml(value: string): string {
  return value.replace(/_x([0-9a-f]{4})_/giu, (_whole, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/** Whether a number format code scales by 100 and shows `%` (a quoted or escaped `%` does neither). */
export function isPercentFormat(code: string): boolean {
  return code
    .replace(/"[^"]*"/gu, '')
    .replace(/\\./gu, '')
    .replace(/_./gu, '')
    .replace(/\[[^\]]*\]/gu, '')
    .includes('%');
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
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateCellText(value);
  return String(value);
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
