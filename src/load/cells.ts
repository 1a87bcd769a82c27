/**
 * One cell's text → a number, NaN for a value marked missing, or a problem. Submissions are
 * typed by hand in Excel by many offices, so the accepted forms are generous (full-width digits,
 * thousands separators, `85%` for percent units, 是/否, level names) — but anything that is not
 * clearly a value becomes a problem, never a silent zero or a silent missing value.
 *
 * This runs once per cell (8 million for a township-scale file), so a plain ASCII number takes a
 * fast path with no normalisation, no regular expression and no allocation.
 */
import { suggestClosest } from '../diagnostics/suggest.js';
import type { DiagnosticArgs } from '../diagnostics/diagnostic.js';
import type { ResolvedIndicator } from '../model/resolved.js';

/** How a cell of one indicator is read, worked out once per indicator rather than per cell. */
export interface CellSpec {
  readonly indicator: string;
  readonly kind: 'number' | 'percent' | 'boolean' | 'levels';
  /** Level name (NFKC, trimmed) → value; empty unless `kind` is `levels`. */
  readonly levels: ReadonlyMap<string, number>;
  /** Inclusive valid range; ±Infinity when the indicator has none. */
  readonly min: number;
  readonly max: number;
  /**
   * The file is semicolon-delimited, as European Excel exports are, where `12,5` is twelve and
   * a half and `1.234,5` has a thousands dot. Set per file (see `forDelimiter` in file-context.ts).
   */
  readonly decimalComma?: boolean;
}

export type CellProblemCode =
  | 'cell-not-a-number'
  | 'cell-not-finite'
  | 'cell-date'
  | 'cell-spreadsheet-error'
  | 'cell-thousands-grouping'
  | 'cell-percent-not-allowed'
  | 'cell-not-boolean'
  | 'cell-not-a-level'
  | 'value-out-of-range';

/** Why a cell was rejected; `args` are merged into the diagnostic's args by the caller. */
export interface CellProblem {
  readonly code: CellProblemCode;
  readonly args: DiagnosticArgs;
}

const PERCENT_UNITS = new Set(['percent', '%', 'pct', '百分比']);
const BOOLEAN_UNITS = new Set(['boolean', 'bool']);

/** Markers people write for "no value", compared after NFKC, trim and lower-casing. */
const MISSING_MARKERS = new Set(['', 'na', 'n/a', '-', '--', '—', '——', '–', '/', '无数据']);

const BOOLEAN_WORDS: ReadonlyMap<string, number> = new Map([
  ['是', 1],
  ['否', 0],
  ['yes', 1],
  ['no', 0],
  ['true', 1],
  ['false', 0],
  ['y', 1],
  ['n', 0],
]);

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** Commas every three digits from the left-most group of one to three digits. */
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
/** A decimal comma, with optional thousands dots (`12,5`, `1.234,5`): numbers of semicolon files. */
const DECIMAL_COMMA = /^[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+),\d+$/;
/** Digits and commas that are *not* a valid grouping (checked after GROUPED failed). */
const COMMA_NUMBER = /^[+-]?[\d,]+(?:\.\d*)?$/;
const NOT_FINITE = /^[+-]?(?:inf|infinity|nan|∞)$/i;
const SPREADSHEET_ERROR = /^#(?:N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;
const DATE_LIKE = [
  /^\d{4}[-/.年]\d{1,2}月?(?:[-/.]?\d{1,2}日?)?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/,
  /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/,
  /^\d{1,2}-[a-z]{3}(?:-\d{2,4})?$/i,
  /^[a-z]{3}-\d{2,4}$/i,
  /^\d{1,2}:\d{2}(?::\d{2})?$/,
];

/** Work out once how cells of `indicator` are read. */
export function cellSpecOf(indicator: ResolvedIndicator): CellSpec {
  const unit = indicator.unit === undefined ? '' : normaliseText(indicator.unit).toLowerCase();
  const levels = new Map<string, number>();
  for (const [name, value] of Object.entries(indicator.levels ?? {})) levels.set(normaliseText(name), value);
  const kind = levels.size > 0 ? 'levels' : PERCENT_UNITS.has(unit) ? 'percent' : BOOLEAN_UNITS.has(unit) ? 'boolean' : 'number';
  return {
    indicator: indicator.id,
    kind,
    levels,
    min: indicator.range?.[0] ?? Number.NEGATIVE_INFINITY,
    max: indicator.range?.[1] ?? Number.POSITIVE_INFINITY,
  };
}

/** NFKC (full-width digits and punctuation to ASCII) and trim; ASCII text skips the normalisation. */
export function normaliseText(text: string): string {
  return (/[^\x00-\x7f]/.test(text) ? text.normalize('NFKC') : text).trim();
}

/**
 * Parse one cell. Returns the value (levels and booleans mapped, percent as percentage points),
 * NaN when the cell is marked missing, or a {@link CellProblem}.
 */
export function parseCell(text: string, spec: CellSpec): number | CellProblem {
  if (spec.kind !== 'levels') {
    const simple = parseSimpleDecimal(text);
    if (simple === simple) return checkNumber(simple, text, spec);
    if (isPlainAsciiNumber(text)) return checkNumber(Number(text), text, spec);
  }
  return parseCellSlowly(text, spec);
}

const POWERS_OF_TEN = Array.from({ length: 16 }, (_, k) => 10 ** k);

/**
 * `-12.34` without `Number`: at most 15 significant digits make an exact integer mantissa, and
 * one division by an exact power of ten is correctly rounded, so the result is bit for bit what
 * `Number` gives (Clinger's fast path) at several times the speed. NaN for anything else.
 */
function parseSimpleDecimal(text: string): number {
  const length = text.length;
  if (length === 0 || length > 17) return Number.NaN;
  let i = 0;
  const sign = text.charCodeAt(0);
  if (sign === 45 || sign === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let fractionDigits = -1;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (fractionDigits >= 0) fractionDigits++;
    } else if (c === 46 && fractionDigits < 0) {
      fractionDigits = 0;
    } else {
      return Number.NaN;
    }
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const value = fractionDigits > 0 ? mantissa / (POWERS_OF_TEN[fractionDigits] ?? Number.NaN) : mantissa;
  return sign === 45 ? -value : value;
}

/**
 * `12`, `-3.5`, `.5`, `1e3`: first character a digit, sign or dot, last a digit, no `0x`/`0b`/`0o`
 * prefix. `Number` then accepts or rejects the middle (`1 2` and `1,234` give NaN and go the slow way).
 */
function isPlainAsciiNumber(text: string): boolean {
  const length = text.length;
  if (length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(length - 1);
  if (last < 48 || last > 57) return false;
  if (!((first >= 48 && first <= 57) || first === 45 || first === 43 || first === 46)) return false;
  if (first === 48 && length > 2) {
    const second = text.charCodeAt(1) | 0x20;
    if (second === 120 || second === 98 || second === 111) return false;
  }
  return true;
}

function checkNumber(value: number, text: string, spec: CellSpec): number | CellProblem {
  // Number('1 2') and friends: let the slow path classify the text.
  if (value !== value) return parseCellSlowly(text, spec);
  if (value === Number.POSITIVE_INFINITY || value === Number.NEGATIVE_INFINITY) return { code: 'cell-not-finite', args: {} };
  if (spec.kind === 'boolean' && value !== 0 && value !== 1) return { code: 'cell-not-boolean', args: {} };
  if (spec.kind === 'levels' && !isLevelValue(value, spec)) return notALevel(text, spec);
  if (value < spec.min || value > spec.max) return { code: 'value-out-of-range', args: { value, min: spec.min, max: spec.max } };
  return value;
}

function isLevelValue(value: number, spec: CellSpec): boolean {
  for (const level of spec.levels.values()) if (level === value) return true;
  return false;
}

function notALevel(text: string, spec: CellSpec): CellProblem {
  const names = [...spec.levels.keys()];
  return { code: 'cell-not-a-level', args: { levels: names.join(', '), suggestion: suggestClosest(text, names) ?? '' } };
}

function parseCellSlowly(raw: string, spec: CellSpec): number | CellProblem {
  const text = normaliseText(raw).replaceAll('\u2212', '-');
  if (spec.kind === 'levels') {
    const level = spec.levels.get(text);
    if (level !== undefined) return checkRange(level, spec);
  }
  const lower = text.toLowerCase();
  if (MISSING_MARKERS.has(lower)) return Number.NaN;
  if (spec.kind === 'boolean') {
    const answer = BOOLEAN_WORDS.get(lower);
    if (answer !== undefined) return checkRange(answer, spec);
  }
  let body = text;
  const isPercent = body.endsWith('%');
  if (isPercent) body = body.slice(0, -1).trimEnd();
  const value = spec.decimalComma === true && DECIMAL_COMMA.test(body) ? Number(body.replaceAll('.', '').replace(',', '.')) : parseDecimal(body);
  if (typeof value !== 'number') return value ?? classifyText(text, spec);
  if (isPercent && spec.kind !== 'percent') return { code: 'cell-percent-not-allowed', args: {} };
  return checkNumber(value, text, spec);
}

/** A decimal with optional valid thousands grouping; a problem for a bad grouping; undefined for other text. */
function parseDecimal(body: string): number | CellProblem | undefined {
  if (body.includes(',')) {
    if (GROUPED.test(body)) return Number(body.replaceAll(',', ''));
    return COMMA_NUMBER.test(body) ? { code: 'cell-thousands-grouping', args: {} } : undefined;
  }
  return DECIMAL.test(body) ? Number(body) : undefined;
}

function checkRange(value: number, spec: CellSpec): number | CellProblem {
  if (value < spec.min || value > spec.max) return { code: 'value-out-of-range', args: { value, min: spec.min, max: spec.max } };
  return value;
}

/** Name the kind of text that is not a value, so the hint can say what to do about it. */
function classifyText(text: string, spec: CellSpec): CellProblem {
  if (NOT_FINITE.test(text)) return { code: 'cell-not-finite', args: {} };
  if (SPREADSHEET_ERROR.test(text)) return { code: 'cell-spreadsheet-error', args: {} };
  if (DATE_LIKE.some((pattern) => pattern.test(text))) return { code: 'cell-date', args: {} };
  if (spec.kind === 'levels') return notALevel(text, spec);
  if (spec.kind === 'boolean') return { code: 'cell-not-boolean', args: {} };
  return { code: 'cell-not-a-number', args: {} };
}
