/**
 * How the Parquet writer was chosen: hyparquet-writer against parquet-wasm (through apache-arrow),
 * writing a township-shaped table (40,000 rows, a text column and 462 double columns — the
 * 24 groups' 3 numbers and 200 indicators' 2, of bench/generate.js). Results: bench/parquet-writers.md.
 *
 *   npm install --no-save parquet-wasm@0.8.0 apache-arrow@21.2.0   # candidates, not dependencies
 *   node bench/parquet-writers.js hyparquet SNAPPY "" typed        # WRITER CODEC [ENCODING] [typed|req]
 *   node bench/parquet-writers.js wasm SNAPPY
 *
 * `typed` hands hyparquet-writer Float64Arrays (columns without gaps, as dgmi does); without it,
 * plain arrays (as for columns with nulls); `req` also marks the columns REQUIRED.
 */
import { performance } from 'node:perf_hooks';

const [which = 'hyparquet', codec = 'SNAPPY', encoding = '', typed = ''] = process.argv.slice(2);
const rows = 40_000;
const columnCount = 462;
let seed = 1;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const columns = Array.from({ length: columnCount }, () => Float64Array.from({ length: rows }, () => random() * 100));
const region = Array.from({ length: rows }, (_, i) => `R${i}`);

const t0 = performance.now();
let bytes;
if (which === 'hyparquet') {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const columnData = [
    { name: 'region', data: region, type: 'STRING' },
    ...columns.map((a, i) => ({
      name: `c${i}`,
      data: typed ? a : Array.from(a),
      type: 'DOUBLE',
      ...(encoding ? { encoding } : {}),
      ...(typed === 'req' ? { nullable: false } : {}),
    })),
  ];
  bytes = parquetWriteBuffer({ columnData, codec });
} else {
  const arrow = await import('apache-arrow');
  const wasm = await import('parquet-wasm');
  const fields = { region: arrow.vectorFromArray(region, new arrow.Utf8()) };
  columns.forEach((a, i) => {
    fields[`c${i}`] = arrow.makeVector(a);
  });
  const table = wasm.Table.fromIPCStream(arrow.tableToIPC(new arrow.Table(fields), 'stream'));
  const compression = codec === 'UNCOMPRESSED' ? wasm.Compression.UNCOMPRESSED : wasm.Compression.SNAPPY;
  bytes = wasm.writeParquet(table, new wasm.WriterPropertiesBuilder().setCompression(compression).build());
}
const ms = performance.now() - t0;
console.log(`${process.argv.slice(2).join(' ')}: ${Math.round(ms)} ms, ${bytes.byteLength} bytes, RSS ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB`);
