/**
 * `--format csv`: one row per selected result for spreadsheets. RFC 4180 with CRLF line ends
 * (what Excel writes and expects), an optional BOM so Excel reads UTF-8, stable ids in the
 * header, numbers unrounded. Text that came from submissions is defused against formula
 * injection (OWASP "CSV Injection"): a cell that starts with = + - @ tab or CR gets a leading '.
 *
 * Written as UTF-8 chunks (`csvResultChunks`), which the CLI writes as they fill: at township
 * scale the document is tens of megabytes, and building it as strings first cost more than
 * scoring (issue 15). `formatCsv` is the same bytes as one string.
 */
import { CSV_CHUNK_BYTES, CsvByteWriter, csvNumberCell, csvTextCell } from '../csv-bytes.js';
import type { ScoreTable } from '../../model/score-table.js';
import { hasGroups, hasIndicators } from './detail.js';
import type { ResultFormatOptions, ResultFormatter } from './formatter.js';
import { tierId, tierLabel } from './labels.js';
import { rowPreparation, type RowPreparation } from './preparation.js';
import { selectRows } from './select.js';

export { csvNumberCell, csvTextCell };

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** screened (true/false), coverage (only when screened out), treated indicator ids (;-separated), imputed count. */
function writePreparationCells(out: CsvByteWriter, facts: RowPreparation): void {
  out.comma();
  out.text(facts.screenedCoverage === undefined ? 'false' : 'true');
  out.comma();
  out.number(facts.screenedCoverage);
  out.comma();
  out.text(facts.treated.join(';'));
  out.comma();
  out.number(facts.imputed);
}

/**
 * What the rows of `--format csv` are written from: plain columns (typed arrays and string
 * arrays, no closures), so that worker threads can write batches of rows from the same data and
 * give the same bytes (src/cli/csv-workers.ts). Tier cells are looked up once per level.
 */
export interface CsvResultColumns {
  readonly period: readonly string[];
  readonly region: readonly string[];
  readonly name: readonly string[];
  readonly group: readonly string[];
  readonly rank: Float64Array;
  readonly score: Float64Array;
  readonly tier: Int32Array;
  /** Tier id and label of level `k` at `k + 1` (untiered, level −1, at 0). */
  readonly tierCells: readonly (readonly [id: string, label: string])[];
  /** Dimension and sub-group scores, in header order. */
  readonly groupScores: readonly (Float64Array | undefined)[];
  readonly indicators: readonly ({ readonly value: Float64Array; readonly normalised: Float64Array; readonly imputed: Uint8Array } | undefined)[];
}

/** The groups of the header in order: dimensions first (framework.groups is pre-order, which would interleave them with their sub-groups). */
function csvGroups(table: ScoreTable, options: ResultFormatOptions) {
  const { framework } = table;
  const dimensionIds = new Set(framework.dimensions.map((d) => d.id));
  return hasGroups(options.detail ?? 'groups') ? [...framework.dimensions, ...framework.groups.filter((g) => !dimensionIds.has(g.id))] : [];
}

function csvIndicators(table: ScoreTable, options: ResultFormatOptions) {
  return hasIndicators(options.detail ?? 'groups') ? table.framework.indicators : [];
}

export function csvResultColumns(table: ScoreTable, options: ResultFormatOptions): CsvResultColumns {
  const { framework, dataset, composite } = table;
  const levels = framework.tiers?.levels.length ?? 0;
  return {
    period: dataset.period,
    region: dataset.region,
    name: dataset.name,
    group: dataset.group,
    rank: composite.rank,
    score: composite.score,
    tier: table.tier,
    tierCells: Array.from({ length: levels + 1 }, (_, k) => [tierId(framework, k - 1) ?? '', tierLabel(framework, k - 1, options.lang)] as const),
    groupScores: csvGroups(table, options).map((g) => table.nodes.get(g.id)?.score),
    indicators: csvIndicators(table, options).map((i) => table.indicators.get(i.id)),
  };
}

/** The header row of {@link csvResultChunks}. */
export function csvHeaderCells(table: ScoreTable, options: ResultFormatOptions): string[] {
  return [
    ...['period', 'rank', 'region', 'name', 'group', 'score', 'tier', 'tier_name', ...csvGroups(table, options).map((g) => g.id)],
    ...(rowPreparation(table) ? ['screened', 'coverage', 'treated', 'imputed'] : []),
    ...csvIndicators(table, options).flatMap((i) => [`${i.id}.value`, `${i.id}.normalised`, `${i.id}.imputed`]),
  ];
}

/**
 * Rows `rows[start..end)` of `--format csv` into `out`; with `preparationOf` (a framework that
 * prepares its data, written in one thread), its four cells after the groups.
 */
export function writeCsvRows(
  out: CsvByteWriter,
  columns: CsvResultColumns,
  rows: Uint32Array,
  start: number,
  end: number,
  preparationOf?: (row: number) => RowPreparation,
): void {
  const { tierCells, groupScores, indicators } = columns;
  for (let k = start; k < end; k++) {
    const row = rows[k] ?? 0;
    const [tierIdCell, tierLabelCell] = tierCells[(columns.tier[row] ?? -1) + 1] ?? ['', ''];
    out.text(columns.period[row] ?? '');
    out.comma();
    out.number(columns.rank[row]);
    out.comma();
    out.text(columns.region[row] ?? '');
    out.comma();
    out.text(columns.name[row] ?? '');
    out.comma();
    out.text(columns.group[row] ?? '');
    out.comma();
    out.number(columns.score[row]);
    out.comma();
    out.text(tierIdCell);
    out.comma();
    out.text(tierLabelCell);
    for (const scores of groupScores) {
      out.comma();
      out.number(scores?.[row]);
    }
    if (preparationOf) writePreparationCells(out, preparationOf(row));
    for (const scores of indicators) {
      out.comma();
      out.number(scores?.value[row]);
      out.comma();
      out.number(scores?.normalised[row]);
      out.comma();
      if (scores !== undefined) out.text(scores.imputed[row] ? 'true' : 'false');
    }
    out.endRow();
  }
}

/** The BOM (with `--bom`) and the header row, as bytes. */
export function csvHeadBytes(table: ScoreTable, options: ResultFormatOptions): Uint8Array {
  const out = new CsvByteWriter();
  if (options.bom) out.bytes(BOM);
  csvHeaderCells(table, options).forEach((cell, i) => {
    if (i > 0) out.comma();
    out.text(cell);
  });
  out.endRow();
  return Buffer.concat(out.takeChunks(true));
}

/** Numbers in a row of `--format csv` as `options.detail` asks: rank and score, each group's score, each indicator's value and normalised value. */
export function csvNumbersPerRow(table: ScoreTable, options: ResultFormatOptions): number {
  return 2 + csvGroups(table, options).length + 2 * csvIndicators(table, options).length;
}

/** Rows per batch of rows with `numbersPerRow` numbers: about a megabyte of CSV. */
export function csvBatchRows(numbersPerRow: number): number {
  return Math.max(64, Math.floor(CSV_CHUNK_BYTES / (40 + 18 * numbersPerRow)));
}

/**
 * `--format csv` as UTF-8 chunks of about a megabyte: header
 * `period,rank,region,name,group,score,tier,tier_name,<dimension ids>,<sub-group ids>`, then rows.
 * `--detail summary` leaves out the group columns; `--detail indicators` adds
 * `<id>.value,<id>.normalised,<id>.imputed` per indicator after them. A framework that prepares
 * its data adds `screened,coverage,treated,imputed` after the groups.
 */
export function* csvResultChunks(table: ScoreTable, options: ResultFormatOptions): Generator<Uint8Array, void, undefined> {
  yield csvHeadBytes(table, options);
  const columns = csvResultColumns(table, options);
  // Data preparation (issue 10): four more columns, only for frameworks that prepare.
  const preparationOf = rowPreparation(table);
  const rows = selectRows(table, options);
  const out = new CsvByteWriter();
  // A few rows at a time, so that full chunks leave as they fill (a row with every indicator is kilobytes).
  for (let start = 0; start < rows.length; start += 16) {
    writeCsvRows(out, columns, rows, start, Math.min(rows.length, start + 16), preparationOf);
    if (out.hasFullChunks) yield* out.takeChunks();
  }
  yield* out.takeChunks(true);
}

/** `--format csv` as one string: the bytes of {@link csvResultChunks}, decoded (the BOM kept). */
export const formatCsv: ResultFormatter = (table, options) => {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let text = '';
  for (const chunk of csvResultChunks(table, options)) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
};
