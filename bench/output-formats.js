/**
 * `node bench/output-formats.js` (after `npm run build`): the township workload (40,000 regions ×
 * 200 indicators, bench/generate.js) scored end to end into each output format, each in a fresh
 * process through the real CLI (bench/cli-child.js), with its wall time, peak RSS and file size;
 * then the JSON document against its floor. Targets (issue 14): csv, ndjson --detail summary and
 * parquet end to end under 5 s with peak RSS under 1 GiB; JSON recorded as a ratio to its floor.
 *
 * The JSON floor is what any writer of that document must do: load and score (the ndjson
 * --detail summary run, whose output is tiny), turn every number of the document into text
 * (JSON.stringify of the same count of doubles, in this thread), and write as many bytes as the
 * document has. Writes bench/output-formats.md. BENCH_RUNS (default 1) runs each that often and
 * keeps the median. BENCH_BASELINE=DIR (another checkout, built) also runs each csv, ndjson and
 * parquet case with that build, alternating with this one in the same rounds, so that before and
 * after share the machine's load; their ratio is recorded.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mulberry32, writeWorkload } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env['BENCH_RUNS'] ?? 1);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

const loadBefore = loadavg()[0];
const shape = { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 };
const files = writeWorkload(outDir, 'township', shape, 40000, 40000);
const groups = shape.dims + shape.dims * shape.groupsPerDim;

const baseline = process.env['BENCH_BASELINE'];

/** One run of the CLI (this build, or with `root` another one's) into `out`: wall ms and peak RSS MiB. */
function runOnce(label, format, extra, out, root) {
  rmSync(out, { force: true });
  const env = root === undefined ? process.env : { ...process.env, BENCH_ROOT: root };
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${here}cli-child.js`, 'score', files.framework, files.data, '--format', format, '--output', out, ...extra], { encoding: 'utf8', env });
  const wallMs = performance.now() - t0;
  const report = /BENCH (\{.*\})/u.exec(r.stderr);
  if (!report || r.status !== 0) throw new Error(`${label} failed: ${r.stderr.slice(0, 2000)}`);
  return { wallMs, rssMiB: JSON.parse(report[1]).maxRssKiB / 1024 };
}

function cli(label, format, extra, withBaseline = false) {
  const out = `${outDir}/township-out.${format}`;
  const walls = [];
  const rss = [];
  const baseWalls = [];
  for (let i = 0; i < runs; i++) {
    const run = runOnce(label, format, extra, out);
    walls.push(run.wallMs);
    rss.push(run.rssMiB);
    if (withBaseline && baseline) baseWalls.push(runOnce(`${label} (baseline)`, format, extra, `${out}.baseline`, baseline).wallMs);
  }
  const bytes = statSync(out).size;
  if (baseWalls.length > 0) rmSync(`${out}.baseline`, { force: true });
  const row = { label, wallMs: median(walls), rssMiB: Math.max(...rss), bytes, ...(baseWalls.length > 0 ? { baselineMs: median(baseWalls) } : {}) };
  process.stderr.write(`${label}: ${(row.wallMs / 1000).toFixed(2)} s, ${row.rssMiB.toFixed(0)} MiB, ${(bytes / 1e6).toFixed(0)} MB${row.baselineMs ? `; baseline ${(row.baselineMs / 1000).toFixed(2)} s` : ''}\n`);
  return row;
}

/** Number-to-text for `count` doubles like the scores (one JSON.stringify per row of `perRow`), in this thread. */
function numbersToTextMs(count, perRow) {
  const random = mulberry32(7);
  const row = Array.from({ length: perRow }, () => 100 * random());
  const t0 = performance.now();
  let chars = 0;
  for (let done = 0; done < count; done += perRow) {
    for (let k = 0; k < perRow; k++) row[k] = 100 * random();
    chars += JSON.stringify(row).length;
  }
  if (chars === 0) throw new Error('nothing converted');
  return performance.now() - t0;
}

/** Writing `bytes` bytes to a file in 4 MiB pieces. */
function writeBytesMs(bytes) {
  const path = `${outDir}/township-floor.bin`;
  const piece = Buffer.alloc(4 << 20, 0x20);
  const t0 = performance.now();
  const fd = openSync(path, 'w');
  for (let left = bytes; left > 0; left -= piece.length) writeSync(fd, piece, 0, Math.min(piece.length, left));
  closeSync(fd);
  const ms = performance.now() - t0;
  rmSync(path, { force: true });
  return ms;
}

const rows = [
  cli('csv (default: groups)', 'csv', [], true),
  cli('ndjson --detail summary', 'ndjson', ['--detail', 'summary'], true),
  cli('parquet (default: groups)', 'parquet', [], true),
  cli('parquet --detail indicators', 'parquet', ['--detail', 'indicators']),
  cli('ndjson (default: indicators)', 'ndjson', []),
  cli('json (default: indicators)', 'json', []),
];
const summary = rows[1];
const json = rows[5];
const numbers = 40000 * (3 * groups + 2 * files.indicators + 2);
const textMs = numbersToTextMs(numbers, 3 * groups + 2 * files.indicators + 2);
const writeMs = writeBytesMs(json.bytes);
const floorMs = summary.wallMs + textMs + writeMs;

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const loadAfter = loadavg()[0];
const lines = [
  '# Output formats at township scale',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`,
  `- Command: \`npm run build && node bench/output-formats.js\` (BENCH_RUNS=${runs}; median wall time, maximum peak RSS). Each run is \`dgmi score township.yaml township.csv --format F --output FILE\` in a fresh process (bench/cli-child.js), default threads.`,
  `- Load average (1 min) before / after: ${loadBefore.toFixed(1)} / ${loadAfter.toFixed(1)} on ${cpus().length} cores${Math.max(loadBefore, loadAfter) > cpus().length ? ' — above the core count: other processes shared the machine and every time is inflated; compare the rows of one run with each other' : ' (the benchmark itself keeps both cores busy part of the time)'}.`,
  `- Workload: bench/generate.js, 40,000 regions × ${files.indicators} indicators, ${groups} groups, ${(statSync(files.data).size / 1e6).toFixed(1)} MB CSV.`,
  '',
  '| output | end to end | peak RSS | file size |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.label} | ${fmt(r.wallMs)} | ${r.rssMiB.toFixed(0)} MiB | ${(r.bytes / 1e6).toFixed(1)} MB |`),
  '',
  `JSON floor = load and score (the ndjson --detail summary run, ${fmt(summary.wallMs)}) + ${(numbers / 1e6).toFixed(1)} million numbers to text (${fmt(textMs)}, one thread) + writing ${(json.bytes / 1e6).toFixed(0)} MB (${fmt(writeMs)}) = ${fmt(floorMs)}.`,
  `JSON end to end / floor = ${(json.wallMs / floorMs).toFixed(2)}.`,
  '',
  `Relative to csv in this run: ${rows.map((r) => `${r.label} ${(r.wallMs / rows[0].wallMs).toFixed(2)}`).join('; ')}.`,
  '',
  'Targets (issue 14): csv, ndjson --detail summary and parquet end to end < 5 s; peak RSS < 1 GiB.',
  '',
  ...(baseline
    ? [
        `Before / after in the same rounds (BENCH_BASELINE=${baseline}):`,
        '',
        '| output | baseline build | this build | this / baseline |',
        '|---|---|---|---|',
        ...rows.filter((r) => r.baselineMs !== undefined).map((r) => `| ${r.label} | ${fmt(r.baselineMs)} | ${fmt(r.wallMs)} | ${(r.wallMs / r.baselineMs).toFixed(2)} |`),
        '',
      ]
    : []),
];
writeFileSync(`${here}output-formats.md`, lines.join('\n'));
process.stdout.write(lines.join('\n'));
