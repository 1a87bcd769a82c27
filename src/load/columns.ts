/**
 * A submission's header → which column is the region, name, group and period, and which column
 * holds which indicator (wide), or which hold the indicator and the value (long). Headers are
 * compared after NFKC, trimming and lower-casing, so `Region`, ` region ` and `ｒｅｇｉｏｎ` all
 * match; an indicator column is recognised by its id or its zh/en name.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../diagnostics/messages.js';
import type { ResolvedFramework } from '../model/resolved.js';
import { normaliseText } from './cells.js';
import { suggestClosest } from '../diagnostics/suggest.js';

export const ROW_ROLES = ['region', 'name', 'group', 'period'] as const;
export type RowRole = (typeof ROW_ROLES)[number];

/** Chinese headers people use for the row columns, besides the framework's `columns`. */
const ROLE_ALIASES: Readonly<Record<RowRole, readonly string[]>> = {
  region: ['region', '地区代码', '行政区划代码', '代码'],
  name: ['name', '地区', '地区名称', '名称'],
  group: ['group', '分组', '区域'],
  period: ['period', '年份', '年度', '期间'],
};

/** Headers of the long layout's own columns: `region, indicator, value[, period][, name][, group]`. */
const LONG_ALIASES: Readonly<Record<'indicator' | 'value', readonly string[]>> = {
  indicator: ['indicator', '指标', '指标代码', '指标编码', '指标名称'],
  value: ['value', '值', '数值', '取值'],
};

export type RowColumns = Readonly<Partial<Record<RowRole, number>>>;

export interface WideLayout {
  readonly kind: 'wide';
  readonly rows: RowColumns & { readonly region: number };
  /** Indicator columns: `column` (0-based field index) holds `framework.indicators[indicator]`. */
  readonly indicators: readonly { readonly column: number; readonly indicator: number }[];
}

export interface LongLayout {
  readonly kind: 'long';
  readonly rows: RowColumns & { readonly region: number };
  readonly indicatorColumn: number;
  readonly valueColumn: number;
}

export interface ColumnMapping {
  /** Absent when the file cannot be read (no region column). */
  readonly layout?: WideLayout | LongLayout;
  /** Two columns claim the same role or indicator: no row of the file can be trusted. */
  readonly isAmbiguous: boolean;
  /** Columns with an empty header: ignored, and worth a warning only if they hold data. */
  readonly unnamedColumns: readonly number[];
  readonly diagnostics: Diagnostic[];
}

/** Spreadsheet letter of a 0-based column: 0 → `A`, 25 → `Z`, 26 → `AA`. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** How headers and indicator cells are compared: NFKC, trimmed, inner spaces collapsed, lower case. */
export function headerKey(text: string): string {
  return normaliseText(text).replace(/\s+/gu, ' ').toLowerCase();
}

/**
 * Indicator lookup by id or zh/en name (compared with {@link headerKey}). A name two indicators
 * share is left out rather than guessed; ids always win over names.
 */
export function indicatorIndex(framework: ResolvedFramework): ReadonlyMap<string, number> {
  // Built once per framework: every submission's header (and every row tried as one) looks it up.
  let index = indexByFramework.get(framework);
  if (index === undefined) {
    index = buildIndicatorIndex(framework);
    indexByFramework.set(framework, index);
  }
  return index;
}

const indexByFramework = new WeakMap<ResolvedFramework, ReadonlyMap<string, number>>();

function buildIndicatorIndex(framework: ResolvedFramework): ReadonlyMap<string, number> {
  const byName = new Map<string, number | 'ambiguous'>();
  for (const indicator of framework.indicators) {
    for (const name of [indicator.name.zh, indicator.name.en]) {
      if (name === undefined) continue;
      const key = headerKey(name);
      const known = byName.get(key);
      byName.set(key, known === undefined || known === indicator.index ? indicator.index : 'ambiguous');
    }
  }
  const index = new Map<string, number>();
  for (const [key, value] of byName) if (value !== 'ambiguous') index.set(key, value);
  for (const indicator of framework.indicators) index.set(headerKey(indicator.id), indicator.index);
  return index;
}

/** Find an indicator by id or name; a header like `首席数据官制度（chief_data_officer）` or `rate (%)` also matches by either part. */
export function findIndicator(text: string, index: ReadonlyMap<string, number>): number | undefined {
  const key = headerKey(text);
  const direct = index.get(key);
  if (direct !== undefined) return direct;
  const parts = /^(.*?)\s*\((.*)\)$/u.exec(key);
  if (!parts) return undefined;
  return index.get((parts[1] ?? '').trim()) ?? index.get((parts[2] ?? '').trim());
}

/** Everything a header or an indicator cell may be meant to say, for "did you mean". */
export function indicatorNames(framework: ResolvedFramework): string[] {
  return framework.indicators.flatMap((i) => [i.id, i.name.zh, i.name.en].filter((n): n is string => n !== undefined));
}

const roleKeysByFramework = new WeakMap<ResolvedFramework, ReadonlyMap<string, RowRole>>();

function roleKeys(framework: ResolvedFramework): ReadonlyMap<string, RowRole> {
  let keys = roleKeysByFramework.get(framework);
  if (keys === undefined) {
    keys = buildRoleKeys(framework);
    roleKeysByFramework.set(framework, keys);
  }
  return keys;
}

function buildRoleKeys(framework: ResolvedFramework): ReadonlyMap<string, RowRole> {
  const keys = new Map<string, RowRole>();
  // The framework's own names first, so they win over an alias that happens to coincide.
  for (const role of ROW_ROLES) keys.set(headerKey(framework.columns[role]), role);
  for (const role of ROW_ROLES) for (const alias of ROLE_ALIASES[role]) if (!keys.has(headerKey(alias))) keys.set(headerKey(alias), role);
  return keys;
}

function longRoleOf(key: string): 'indicator' | 'value' | undefined {
  if (LONG_ALIASES.indicator.includes(key)) return 'indicator';
  if (LONG_ALIASES.value.includes(key)) return 'value';
  return undefined;
}

export interface MapColumnsOptions {
  /**
   * Regions are looked up in a region list, which knows their names: a file with a name column
   * (地区: 浙江) but no code column is then read by name rather than refused.
   */
  readonly regionFromName?: boolean;
}

/**
 * Map a header onto the framework. Pure; `at` places the diagnostics on the header line.
 * A header with `indicator` and `value` columns is long; any other is wide.
 */
export function mapColumns(framework: ResolvedFramework, header: readonly string[], at: { file: string; line: number }, options: MapColumnsOptions = {}): ColumnMapping {
  const diagnostics: Diagnostic[] = [];
  const roles = roleKeys(framework);
  const index = indicatorIndex(framework);
  const rows: Partial<Record<RowRole, number>> = {};
  const long: Partial<Record<'indicator' | 'value', number>> = {};
  const claimed = new Map<string, number>();
  const unnamedColumns: number[] = [];
  const unknown: number[] = [];
  const indicators: { column: number; indicator: number }[] = [];
  let isAmbiguous = false;

  /** Record that `column` holds `target`; a second column for the same target is an error. */
  const claim = (target: string, display: string, column: number): boolean => {
    const first = claimed.get(target);
    if (first === undefined) {
      claimed.set(target, column);
      return true;
    }
    isAmbiguous = true;
    diagnostics.push(
      makeDiagnostic(
        'column-duplicate',
        { target: display, header: header[column] ?? '', columnLetter: columnLetter(column), firstLetter: columnLetter(first) },
        { ...at, column: column + 1, path: [header[column] ?? ''] },
      ),
    );
    return false;
  };

  header.forEach((text, column) => {
    const key = headerKey(text);
    if (key === '') {
      unnamedColumns.push(column);
      return;
    }
    const role = roles.get(key);
    if (role !== undefined) {
      if (claim(`row:${role}`, framework.columns[role], column)) rows[role] = column;
      return;
    }
    const longRole = longRoleOf(key);
    if (longRole !== undefined) {
      if (claim(`long:${longRole}`, longRole, column)) long[longRole] = column;
      return;
    }
    const indicator = findIndicator(text, index);
    if (indicator !== undefined) {
      const id = framework.indicators[indicator]?.id ?? '';
      if (claim(`indicator:${id}`, id, column)) indicators.push({ column, indicator });
      return;
    }
    unknown.push(column);
  });

  const candidates = indicatorNames(framework);
  const region = rows.region ?? (options.regionFromName === true ? rows.name : undefined);
  if (region === undefined) {
    const guess = header.map((h) => suggestClosest(h, [framework.columns.region, ...ROLE_ALIASES.region])).find((s) => s !== undefined);
    diagnostics.push(makeDiagnostic('column-region-missing', { expected: framework.columns.region, suggestion: guess ?? '' }, at));
    return { isAmbiguous, unnamedColumns, diagnostics };
  }
  const isLong = long.indicator !== undefined && long.value !== undefined;
  // A long file's values are in its value column; an indicator column beside it would be silently unread.
  if (isLong) unknown.push(...indicators.map((c) => c.column));
  for (const column of unknown.sort((a, b) => a - b)) {
    const text = header[column] ?? '';
    diagnostics.push(
      makeDiagnostic(
        'column-unknown',
        { header: text, columnLetter: columnLetter(column), suggestion: suggestClosest(text, candidates) ?? '' },
        { ...at, column: column + 1, path: [text] },
      ),
    );
  }
  if (isLong) {
    return {
      layout: { kind: 'long', rows: { ...rows, region }, indicatorColumn: long.indicator ?? 0, valueColumn: long.value ?? 0 },
      isAmbiguous,
      unnamedColumns,
      diagnostics,
    };
  }
  // Without the long layout, a lone `indicator` or `value` column is just an unknown column.
  for (const column of [long.indicator, long.value]) {
    if (column === undefined) continue;
    const text = header[column] ?? '';
    diagnostics.push(makeDiagnostic('column-unknown', { header: text, columnLetter: columnLetter(column), suggestion: '' }, { ...at, column: column + 1, path: [text] }));
  }
  const present = new Set(indicators.map((c) => c.indicator));
  const absent = framework.indicators.filter((i) => !present.has(i.index)).map((i) => i.id);
  if (absent.length > 0) diagnostics.push(indicatorsMissing(at.file, absent, at));
  return { layout: { kind: 'wide', rows: { ...rows, region }, indicators }, isAmbiguous, unnamedColumns, diagnostics };
}

/** One diagnostic per file for every indicator it lacks (a list, not one line each: files may lack hundreds). */
export function indicatorsMissing(path: string, ids: readonly string[], at: { file: string; line?: number }): Diagnostic {
  const shown = ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, …` : ids.join(', ');
  return makeDiagnostic('column-indicator-missing', { path, count: ids.length, indicators: shown }, at);
}
