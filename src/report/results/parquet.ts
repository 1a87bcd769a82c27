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
  if (values === undefined) return new Array<null>(rows.length).fill(null);
  const out = new Float64Array(rows.length);
  let k = 0;
  for (; k < rows.length; k++) {
    const x = values[rows[k] ?? 0] ?? Number.NaN;
    if (!Number.isFinite(x)) break;
    out[k] = x;
  }
  if (k === rows.length) return out;
  // A gap: the writer takes nulls only in a plain array (of boxed numbers, hence the typed fast path above).
  const withNulls = new Array<number | null>(rows.length);
  for (let j = 0; j < rows.length; j++) {
    const x = values[rows[j] ?? 0] ?? Number.NaN;
    withNulls[j] = Number.isFinite(x) ? x : null;
  }
  return withNulls;
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

/** A column of the file: its name and type, and how to read its values for some rows. */
interface ColumnSpec {
  readonly name: string;
  readonly type: 'STRING' | 'INT32' | 'DOUBLE' | 'BOOLEAN';
  readonly values: (rows: Uint32Array) => ColumnSource['data'];
  /**
   * Computed scores (continuous, nearly every value distinct) are written PLAIN and
   * uncompressed: the writer would otherwise try a dictionary on each and drop it, and Snappy
   * finds little to squeeze in such doubles. Measured at 40,000 × 200 (bench/output-formats.md):
   * groups 5.8 → 3.9 s at the same 20.1 MB; with indicators 48 → 29 s, 100 → 119 MB (a shared,
   * loaded machine: the ratio is what counts). Raw values (often a few decimals) and ranks keep
   * the writer's choice (dictionary, Snappy).
   */
  readonly isComputed?: boolean;
}

/** The columns of the file, in order, as `--detail` asks. */
function columnSpecs(table: ScoreTable, options: ResultFormatOptions): ColumnSpec[] {
  const { framework, dataset, composite } = table;
  const detail = options.detail ?? 'groups';
  const tierIds = Array.from(table.tier, (level) => tierId(framework, level) ?? '');
  const tierNames = Array.from(table.tier, (level) => tierLabel(framework, level, options.lang));
  const text = (name: string, values: readonly string[]): ColumnSpec => ({ name, type: 'STRING', values: (rows) => textColumn(values, rows) });
  const double = (name: string, values: Float64Array | undefined): ColumnSpec => ({ name, type: 'DOUBLE', values: (rows) => doubleColumn(values, rows) });
  const computed = (name: string, values: Float64Array | undefined): ColumnSpec => ({ ...double(name, values), isComputed: true });
  const rank = (name: string, values: Float64Array | undefined): ColumnSpec => ({ name, type: 'INT32', values: (rows) => rankColumn(values, rows) });
  const specs: ColumnSpec[] = [
    text('period', dataset.period),
    rank('rank', composite.rank),
    text('region', dataset.region),
    text('name', dataset.name),
    text('group', dataset.group),
    computed('score', composite.score),
    text('tier', tierIds),
    text('tier_name', tierNames),
  ];
  if (hasGroups(detail)) {
    for (const group of framework.groups) {
      const scores = table.nodes.get(group.id);
      specs.push(computed(`nodes.${group.id}.score`, scores?.score), rank(`nodes.${group.id}.rank`, scores?.rank), computed(`nodes.${group.id}.contribution`, scores?.contribution));
    }
  }
  if (hasIndicators(detail)) {
    for (const indicator of framework.indicators) {
      const scores = table.indicators.get(indicator.id);
      specs.push(double(`indicators.${indicator.id}.value`, scores?.value), computed(`indicators.${indicator.id}.normalised`, scores?.normalised), {
        name: `indicators.${indicator.id}.imputed`,
        type: 'BOOLEAN',
        values: (rows) => Array.from(rows, (row) => (scores === undefined ? null : scores.imputed[row] === 1)),
      });
    }
  }
  return specs;
}

/**
 * Rows per row group: about four million values, so the columns of one group in flight stay
 * near 100 MB (a value with a gap is a boxed number in a JavaScript array) whatever the detail,
 * and a reader can skip groups by their statistics.
 */
function rowGroupRows(columnCount: number): number {
  return Math.min(100_000, Math.max(1_000, Math.floor(4_000_000 / Math.max(1, columnCount))));
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

/**
 * Loads hyparquet-writer. `parquetChunks` imports it itself; calling this first lets a command
 * load and compile the library while it waits for something else (the worker threads reading
 * a large file), instead of after scoring, on the critical path (issue 14).
 */
export async function loadParquetLibrary(): Promise<void> {
  await import('hyparquet-writer');
}

/**
 * `--format parquet`: the file as consecutive pieces of bytes, one per row group and then the
 * footer, for writing out as they come. Each group's columns are built just before it is
 * encoded and dropped after, and its bytes leave the writer's buffer when it is done, so memory
 * holds one group, not the table's every value boxed at once nor the whole file (measured at
 * 40,000 × 200 with indicators: 1.28 GiB peak RSS when built whole).
 */
export async function* parquetChunks(table: ScoreTable, options: ResultFormatOptions, layout: { readonly rowsPerGroup?: number } = {}): AsyncGenerator<Uint8Array, void, undefined> {
  // Imported here, not at the top: only `--format parquet` pays for loading the writer.
  const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
  const specs = columnSpecs(table, options);
  const rows = selectRows(table, options);
  const slice = (start: number, end: number) => {
    const part = rows.subarray(start, end);
    return specs.map(
      (spec): ColumnSource => ({ name: spec.name, type: spec.type, data: spec.values(part), ...(spec.isComputed === true ? { encoding: 'PLAIN', codec: 'UNCOMPRESSED' } : {}) }),
    );
  };
  const step = layout.rowsPerGroup ?? rowGroupRows(specs.length);
  const first = slice(0, Math.min(rows.length, step));
  const writer = new ByteWriter();
  const parquet = new ParquetWriter({
    writer,
    schema: schemaFromColumnData({ columnData: first }),
    kvMetadata: parquetMetadata(table, options),
    createdBy: `dgmi ${options.toolVersion}`,
  });
  /** The bytes since the last take (a copy: the buffer is written over next), the file offsets kept. */
  const take = () => {
    const bytes = writer.getBytes().slice();
    writer.index = 0;
    return bytes;
  };
  // The first group also carries a file with no rows: it writes the header and no row group.
  await parquet.write({ columnData: first, rowGroupSize: step });
  yield take();
  for (let start = step; start < rows.length; start += step) {
    await parquet.write({ columnData: slice(start, Math.min(rows.length, start + step)), rowGroupSize: step });
    yield take();
  }
  await parquet.finish();
  yield take();
}

/** `--format parquet` as one piece of bytes, for files small enough to hold whole (the library, tests). */
export async function formatParquet(table: ScoreTable, options: ResultFormatOptions, layout: { readonly rowsPerGroup?: number } = {}): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const piece of parquetChunks(table, options, layout)) pieces.push(piece);
  return Buffer.concat(pieces);
}
