/**
 * `--format parquet`: the results as an Apache Parquet file, which pandas, polars, R arrow and
 * DuckDB read directly, typed and compressed. One row per region and period, in reporting
 * order; the columns of `--format csv` (`period, rank, region, name, group, score, tier,
 * tier_name`), then with `--detail groups` (the default) `nodes.<id>.score|rank|contribution`
 * per group, and with `--detail indicators` also `indicators.<id>.value|normalised|imputed` —
 * the JSON document's paths, so a column names the same number in both. Every column is
 * OPTIONAL: "no value" (an unscored region, a missing indicator) is a Parquet null, never NaN,
 * as it is null in JSON. The provenance the JSON document carries (framework, inputs with
 * their sha256, scale, diagnostics) is in the file's key-value metadata under `dgmi.*`.
 *
 * The writer is hyparquet-writer, imported when a Parquet file is asked for so other commands
 * do not load it. Chosen by measurement (bench/parquet-writers.md): on a 40,000 × 462-column
 * table it wrote in 2.3 s at 0.5 GB RSS, where parquet-wasm (through apache-arrow IPC) took
 * 3.7 s at 0.95 GB; it is pure JavaScript (no 2 MB WebAssembly blob) and takes typed arrays as
 * they are, so a column without gaps is handed over without conversion.
 */
import type { ColumnSource, KeyValue } from 'hyparquet-writer';
import type { ScoreTable } from '../../model/score-table.js';
import { diagnosticEntry } from '../diagnostics/json.js';
import { hasGroups, hasIndicators } from './detail.js';
import type { ResultFormatOptions } from './formatter.js';
import { RESULT_FORMAT_ID } from './json.js';
import { tierId, tierLabel } from './labels.js';
import { selectRows } from './select.js';

/** Values of a float column at `rows`: a typed array when none is missing, else an array with null for NaN. */
function doubleColumn(values: Float64Array | undefined, rows: Uint32Array): Float64Array | (number | null)[] {
  const out = new Float64Array(rows.length);
  let hasGap = values === undefined;
  for (let k = 0; k < rows.length && values !== undefined; k++) {
    const x = values[rows[k] ?? 0] ?? Number.NaN;
    out[k] = x;
    if (!Number.isFinite(x)) hasGap = true;
  }
  return hasGap ? Array.from(out, (x) => (values !== undefined && Number.isFinite(x) ? x : null)) : out;
}

/** Ranks are whole numbers: INT32, null when unranked. */
function rankColumn(values: Float64Array | undefined, rows: Uint32Array): Int32Array | (number | null)[] {
  const doubles = doubleColumn(values, rows);
  return doubles instanceof Float64Array ? Int32Array.from(doubles) : doubles;
}

/** '' means "not given" for name, group, period and tier, as in JSON: null. */
function textColumn(values: readonly string[], rows: Uint32Array): (string | null)[] {
  return Array.from(rows, (row) => {
    const text = values[row];
    return text === undefined || text === '' ? null : text;
  });
}

/** The columns of the file, in order. */
export function parquetColumns(table: ScoreTable, options: ResultFormatOptions): ColumnSource[] {
  const { framework, dataset, composite } = table;
  const rows = selectRows(table, options);
  const detail = options.detail ?? 'groups';
  const tierIds = Array.from(table.tier, (level) => tierId(framework, level) ?? '');
  const tierNames = Array.from(table.tier, (level) => tierLabel(framework, level, options.lang));
  const columns: ColumnSource[] = [
    { name: 'period', data: textColumn(dataset.period, rows), type: 'STRING' },
    { name: 'rank', data: rankColumn(composite.rank, rows), type: 'INT32' },
    { name: 'region', data: textColumn(dataset.region, rows), type: 'STRING' },
    { name: 'name', data: textColumn(dataset.name, rows), type: 'STRING' },
    { name: 'group', data: textColumn(dataset.group, rows), type: 'STRING' },
    { name: 'score', data: doubleColumn(composite.score, rows), type: 'DOUBLE' },
    { name: 'tier', data: textColumn(tierIds, rows), type: 'STRING' },
    { name: 'tier_name', data: textColumn(tierNames, rows), type: 'STRING' },
  ];
  if (hasGroups(detail)) {
    for (const group of framework.groups) {
      const scores = table.nodes.get(group.id);
      columns.push(
        { name: `nodes.${group.id}.score`, data: doubleColumn(scores?.score, rows), type: 'DOUBLE' },
        { name: `nodes.${group.id}.rank`, data: rankColumn(scores?.rank, rows), type: 'INT32' },
        { name: `nodes.${group.id}.contribution`, data: doubleColumn(scores?.contribution, rows), type: 'DOUBLE' },
      );
    }
  }
  if (hasIndicators(detail)) {
    for (const indicator of framework.indicators) {
      const scores = table.indicators.get(indicator.id);
      columns.push(
        { name: `indicators.${indicator.id}.value`, data: doubleColumn(scores?.value, rows), type: 'DOUBLE' },
        { name: `indicators.${indicator.id}.normalised`, data: doubleColumn(scores?.normalised, rows), type: 'DOUBLE' },
        { name: `indicators.${indicator.id}.imputed`, data: Array.from(rows, (row) => (scores === undefined ? null : scores.imputed[row] === 1)), type: 'BOOLEAN' },
      );
    }
  }
  return columns;
}

/** Provenance, as the JSON document carries it, under `dgmi.*` keys (values are JSON text). */
export function parquetMetadata(table: ScoreTable, options: ResultFormatOptions): KeyValue[] {
  const { framework, dataset } = table;
  const entries: Record<string, unknown> = {
    format: RESULT_FORMAT_ID,
    version: options.toolVersion,
    framework: { id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null },
    inputs: dataset.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    scale: framework.scale,
    detail: options.detail ?? 'groups',
    diagnostics: table.diagnostics.map((d) => diagnosticEntry(d, options.lang)),
  };
  return Object.entries(entries).map(([key, value]) => ({ key: `dgmi.${key}`, value: JSON.stringify(value) }));
}

/** `--format parquet`: the file's bytes. Asynchronous only because the writer is imported on first use. */
export async function formatParquet(table: ScoreTable, options: ResultFormatOptions): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const buffer = parquetWriteBuffer({
    columnData: parquetColumns(table, options),
    kvMetadata: parquetMetadata(table, options),
    createdBy: `dgmi ${options.toolVersion}`,
  });
  return new Uint8Array(buffer);
}
