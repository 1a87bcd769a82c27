/**
 * `dgmi score --format xlsx`: the results as a workbook for the offices that live in Excel/WPS —
 * a ranked results sheet (tier cells in the tier's colour, every dimension's score), one sheet
 * per dimension with its groups and indicators (value, normalised, imputed), the diagnostics,
 * and the framework and input provenance. When the framework prepares its data, the dimension
 * sheets also flag treated values and give a screened unit's coverage, and a preparation sheet
 * lists every treated value (before and after) and screened unit (src/report/results/xlsx-preparation.ts).
 *
 * Numbers are numbers (full precision, shown to 2 decimals); every text that came from a file
 * is written as a string cell, which a spreadsheet never evaluates, so a region named
 * `=HYPERLINK(…)` stays text. The header row is frozen; widths are measured with string-width,
 * so Chinese names fit.
 *
 * Byte-identical across runs: workbook dates are fixed and the zip exceljs writes (whose JSZip
 * stamps every entry with the current time) is re-packed by fflate with one fixed timestamp, so a
 * results workbook can be checked into version control.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';
import stringWidth from 'string-width';
import { renderHint, renderMessage } from '../../diagnostics/messages.js';
import type { Lang } from '../../model/i18n.js';
import { pickText } from '../../model/i18n.js';
import type { ResolvedGroup, ResolvedIndicator, ResolvedNode } from '../../model/resolved.js';
import type { ScoreTable } from '../../model/score-table.js';
import { tierColours } from '../html/tier-colours.js';
import { stampWorkbook, workbookBytes } from '../xlsx-workbook.js';
import type { ResultFormatOptions } from './formatter.js';
import { tierLabel } from './labels.js';
import { preparationColumns, preparationSheetRows } from './xlsx-preparation.js';
import { selectRows } from './select.js';


const SCORE_FORMAT = '0.00';
const PERCENT_FORMAT = '0.0%';
const MAX_WIDTH = 60;

/** A cell as written: text from files stays text, numbers stay numbers, a missing value is an empty cell. */
export type XlsxValue = string | number | boolean | null;

interface SheetSpec {
  readonly name: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly XlsxValue[])[];
  /** Columns (0-based) holding scores, shown to 2 decimals. */
  readonly scoreColumns?: ReadonlySet<number>;
  /** Columns (0-based) holding shares, shown as percentages. */
  readonly percentColumns?: ReadonlySet<number>;
  /** Per row, the tier level of the tier column, for its fill. */
  readonly tierColumn?: number;
  readonly tierLevels?: readonly number[];
}

const WORDS = {
  zh: {
    results: '结果',
    diagnostics: '诊断',
    provenance: '来源',
    region: '地区代码',
    name: '名称',
    group: '分组',
    period: '期间',
    score: '得分',
    rank: '排名',
    tier: '等级',
    value: '原始值',
    normalised: '标准化值',
    imputed: '插补',
    severity: '级别',
    code: '代码',
    message: '说明',
    file: '文件',
    line: '行',
    column: '列',
    hint: '提示',
    key: '项目',
    entry: '内容',
    frameworkId: '指标框架 id',
    frameworkName: '指标框架名称',
    version: '版本',
    source: '来源',
    frameworkFile: '框架文件',
    sha256: 'sha256',
    scale: '满分',
    input: '输入文件',
    tool: '生成工具',
  },
  en: {
    results: 'Results',
    diagnostics: 'Diagnostics',
    provenance: 'Provenance',
    region: 'Region code',
    name: 'Name',
    group: 'Group',
    period: 'Period',
    score: 'Score',
    rank: 'Rank',
    tier: 'Tier',
    value: 'value',
    normalised: 'normalised',
    imputed: 'imputed',
    severity: 'Severity',
    code: 'Code',
    message: 'Message',
    file: 'File',
    line: 'Line',
    column: 'Column',
    hint: 'Hint',
    key: 'Item',
    entry: 'Entry',
    frameworkId: 'Framework id',
    frameworkName: 'Framework name',
    version: 'Version',
    source: 'Source',
    frameworkFile: 'Framework file',
    sha256: 'sha256',
    scale: 'Full score',
    input: 'Input file',
    tool: 'Made with',
  },
} as const satisfies Record<Lang, Record<string, string>>;

/** NaN (no value) becomes an empty cell rather than a #NUM! or a text "NaN". */
function num(x: number | undefined): number | null {
  return x === undefined || Number.isNaN(x) ? null : x;
}

/** A sheet name Excel accepts: no `[]:*?/\`, at most 31 characters, unique (case-insensitively) in the workbook. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/gu, ' ').replace(/^'+|'+$/gu, '').trim() || 'Sheet';
  let name = [...clean].slice(0, 31).join('');
  for (let i = 2; taken.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = [...clean].slice(0, 31 - suffix.length).join('') + suffix;
  }
  taken.add(name.toLowerCase());
  return name;
}

function descendants(group: ResolvedGroup): { groups: ResolvedGroup[]; indicators: ResolvedIndicator[] } {
  const groups: ResolvedGroup[] = [];
  const indicators: ResolvedIndicator[] = [];
  const walk = (node: ResolvedNode): void => {
    if (node.kind === 'indicator') indicators.push(node);
    else {
      if (node !== group) groups.push(node);
      node.children.forEach(walk);
    }
  };
  walk(group);
  return { groups, indicators };
}

/** The sheets of the workbook, as plain values (what the tests read back). */
export function xlsxSheets(table: ScoreTable, options: Pick<ResultFormatOptions, 'lang' | 'toolVersion' | 'period' | 'top'>): SheetSpec[] {
  const { framework, dataset, composite } = table;
  const lang = options.lang;
  const w = WORDS[lang];
  const rows = [...selectRows(table, { period: options.period, top: options.top })];
  const taken = new Set<string>();
  const label = (node: { name: Parameters<typeof pickText>[0]; id: string }) => pickText(node.name, lang, node.id);
  const hasTiers = framework.tiers !== undefined;
  const identity = (row: number): XlsxValue[] => [dataset.region[row] ?? '', dataset.name[row] ?? '', dataset.group[row] ?? '', dataset.period[row] ?? ''];

  const resultHeaders = [w.region, w.name, w.group, w.period, w.score, w.rank, ...(hasTiers ? [w.tier] : []), ...framework.dimensions.map(label)];
  const dimensionStart = hasTiers ? 7 : 6;
  const results: SheetSpec = {
    name: sheetName(w.results, taken),
    headers: resultHeaders,
    rows: rows.map((row) => [
      ...identity(row),
      num(composite.score[row]),
      num(composite.rank[row]),
      ...(hasTiers ? [(table.tier[row] ?? -1) >= 0 ? tierLabel(framework, table.tier[row] ?? -1, lang) : null] : []),
      ...framework.dimensions.map((d) => num(table.nodes.get(d.id)?.score[row])),
    ]),
    scoreColumns: new Set([4, ...framework.dimensions.map((_, i) => dimensionStart + i)]),
    ...(hasTiers ? { tierColumn: 6, tierLevels: rows.map((row) => table.tier[row] ?? -1) } : {}),
  };

  const prepared = preparationColumns(table, lang);
  const dimensionSheets = framework.dimensions.map((dimension): SheetSpec => {
    const { groups, indicators } = descendants(dimension);
    // With preparation: a screened unit's coverage after the rank, and a fourth column per indicator.
    const extra = prepared ? 1 : 0;
    const perIndicator = prepared ? 4 : 3;
    const first = 6 + extra + groups.length;
    const headers = [
      w.region,
      w.name,
      w.group,
      w.period,
      `${label(dimension)} ${w.score}`.trim(),
      w.rank,
      ...(prepared ? [prepared.screenedHeader] : []),
      ...groups.map(label),
      ...indicators.flatMap((i) => [
        `${label(i)} · ${w.value}`,
        `${label(i)} · ${w.normalised}`,
        `${label(i)} · ${w.imputed}`,
        ...(prepared ? [`${label(i)} · ${prepared.treatedHeader}`] : []),
      ]),
    ];
    const scoreColumns = new Set<number>([4, ...groups.map((_, i) => 6 + extra + i), ...indicators.map((_, i) => first + perIndicator * i + 1)]);
    return {
      name: sheetName(label(dimension), taken),
      headers,
      scoreColumns,
      ...(prepared ? { percentColumns: new Set([6]) } : {}),
      rows: rows.map((row) => [
        ...identity(row),
        num(table.nodes.get(dimension.id)?.score[row]),
        num(table.nodes.get(dimension.id)?.rank[row]),
        ...(prepared ? [num(prepared.screenedCoverage(row))] : []),
        ...groups.map((g) => num(table.nodes.get(g.id)?.score[row])),
        ...indicators.flatMap((i) => {
          const scores = table.indicators.get(i.id);
          const flags = [num(scores?.value[row]), num(scores?.normalised[row]), scores ? scores.imputed[row] === 1 : null];
          return prepared ? [...flags, prepared.treated(row, i.id)] : flags;
        }),
      ]),
    };
  });

  const diagnostics: SheetSpec = {
    name: sheetName(w.diagnostics, taken),
    headers: [w.severity, w.code, w.message, w.file, w.line, w.column, w.hint],
    rows: table.diagnostics.map((d) => [d.severity, d.code, renderMessage(d, lang), d.file, d.line ?? null, d.column ?? null, renderHint(d, lang) ?? null]),
  };

  const provenance: SheetSpec = {
    name: sheetName(w.provenance, taken),
    headers: [w.key, w.entry, w.sha256],
    rows: [
      [w.frameworkId, framework.id, null],
      [w.frameworkName, pickText(framework.name, lang, framework.id), null],
      [w.version, framework.version ?? null, null],
      [w.source, framework.source ?? null, null],
      [w.frameworkFile, framework.file ?? null, framework.sha256 ?? null],
      [w.scale, framework.scale, null],
      ...dataset.inputs.map((input): XlsxValue[] => [w.input, input.path, input.sha256]),
      [w.tool, `dgmi ${options.toolVersion}`, null],
    ],
  };
  const preparation: SheetSpec[] = prepared
    ? [{ name: sheetName(prepared.sheetName, taken), ...preparationSheetRows(table, lang, new Set(rows)) }]
    : [];
  return [results, ...dimensionSheets, ...preparation, diagnostics, provenance];
}

/** Display width of a cell's text, in Excel's character units (a CJK character is two). */
function cellWidth(value: XlsxValue, isScore: boolean): number {
  if (value === null) return 0;
  if (typeof value === 'number') return isScore ? value.toFixed(2).length : String(value).length;
  return Math.max(...String(value).split('\n').map((line) => stringWidth(line)));
}

function addSheet(workbook: Workbook, spec: SheetSpec, colours: readonly string[]): void {
  const sheet: Worksheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }] });
  sheet.addRow([...spec.headers]).font = { bold: true };
  for (const values of spec.rows) sheet.addRow([...values]);
  spec.headers.forEach((header, c) => {
    const isScore = spec.scoreColumns?.has(c) === true;
    const widest = Math.max(stringWidth(header), ...spec.rows.map((r) => cellWidth(r[c] ?? null, isScore)));
    const column = sheet.getColumn(c + 1);
    column.width = Math.min(MAX_WIDTH, widest + 2);
    if (isScore) column.numFmt = SCORE_FORMAT;
    if (spec.percentColumns?.has(c) === true) column.numFmt = PERCENT_FORMAT;
  });
  if (spec.tierColumn !== undefined && spec.tierLevels) {
    spec.tierLevels.forEach((level, i) => {
      if (level < 0) return;
      const cell: Cell = sheet.getCell(i + 2, (spec.tierColumn ?? 0) + 1);
      const argb = `FF${(colours[level] ?? '#9e9e9e').slice(1).toUpperCase()}`;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb } };
      cell.font = { color: { argb: 'FFFFFFFF' }, bold: true };
    });
  }
}

/** The results workbook as .xlsx bytes. Touches no file. */
export async function formatXlsx(table: ScoreTable, options: ResultFormatOptions): Promise<Uint8Array> {
  // exceljs takes a quarter of a second to load: only `--format xlsx` pays for it.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = stampWorkbook(new ExcelJS.Workbook());
  const colours = tierColours(table.framework);
  for (const spec of xlsxSheets(table, options)) addSheet(workbook, spec, colours);
  return workbookBytes(workbook);
}

/** `--format xlsx` as pieces of bytes: the workbook is built whole (exceljs), then handed over as one piece. */
export async function* xlsxChunks(table: ScoreTable, options: ResultFormatOptions): AsyncIterable<Uint8Array> {
  yield await formatXlsx(table, options);
}
