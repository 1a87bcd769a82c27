/**
 * `npm run bench`: each section measures in fresh processes, several times (BENCH_RUNS, default
 * 5), and writes its medians between its markers in bench/results.md, keeping the rest.
 * BENCH_ONLY=startup,csv,json picks sections (default all); BENCH_ROOT measures another build
 * (a checkout with its own dist/) for before/after figures, BENCH_BASELINE=DIR runs another build
 * in the same rounds as this one (csv and startup sections); BENCH_RESULTS writes elsewhere;
 * BENCH_CSV_WORKLOADS=r20k,township picks CSV workloads; BENCH_SOURCE_MAPS=1 adds start-up runs
 * under `--enable-source-maps`.
 *
 * - startup (issue 15): `--version`, `validate`, `score` on the samples, as ratios to `node -e 0`.
 * - csv (issue 15): end to end with `--format csv` at 20,000 × 100 and 40,000 × 200, as ratios to
 *   csv-parse alone on the same file.
 * - json (issue 3): county (2,850 × 100) and township (40,000 × 200) scale end to end, peak RSS,
 *   and the phases through the library API. Targets: township end to end < 5 s, peak RSS < 1 GiB,
 *   scoring overhead beyond csv-parse < 50% of the parse time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { csvThroughputLines, CSV_WORKLOADS, measureCsvThroughput } from './csv-throughput.js';
import { writeWorkload } from './generate.js';
import { benchDir as here, median, root, runs, writeSection } from './measure.js';
import { measureStartup, startupLines } from './startup.js';

const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const sections = (process.env['BENCH_ONLY'] ?? 'startup,csv,json').split(',');

function child(script, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${here}${script}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && script !== 'cli-child.js') throw new Error(`${script} failed: ${r.stderr}`);
  return { wallMs, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
/** The commit of the measured build (with a note when its tree has changes), or its path outside git. */
function buildName() {
  const git = (...args) => spawnSync('git', ['-C', root, ...args], { encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return root;
  return `commit ${head.stdout.trim()}${git('status', '--porcelain').stdout.trim() === '' ? '' : ' (with uncommitted changes)'}`;
}
/** Date, machine, build and command: every section says under what it was measured. */
const provenance = (command) => [
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`,
  `- Build measured: ${buildName()}`,
  `- Command: \`${command}\` (BENCH_RUNS=${runs}; each figure is the median of ${runs} runs, each in a fresh process)`,
];

if (sections.includes('startup')) {
  const rows = measureStartup();
  // A before/after run (BENCH_BASELINE) gets a section of its own, beside the plain figures.
  const baseline = process.env['BENCH_BASELINE'];
  writeSection(baseline ? 'startup-baseline' : 'startup', [
    baseline ? '## Start-up, before (baseline) and after in the same rounds' : '## Start-up',
    '',
    ...provenance(`BENCH_ONLY=startup${baseline ? ` BENCH_BASELINE=${baseline}` : ''}${process.env['BENCH_SOURCE_MAPS'] === '1' ? ' BENCH_SOURCE_MAPS=1' : ''} npm run bench`),
    '',
    ...startupLines(rows),
  ]);
  process.stderr.write(`${startupLines(rows).join('\n')}\n`);
}

if (sections.includes('csv')) {
  // BENCH_CSV_WORKLOADS=r20k measures the 20,000 × 100 workload alone (township: 40,000 × 200).
  const picked = process.env['BENCH_CSV_WORKLOADS']?.split(',');
  const rows = CSV_WORKLOADS.filter((w) => picked === undefined || picked.includes(w.name)).flatMap((w) => measureCsvThroughput(w, writeWorkload(outDir, w.name, w.shape, w.regions, w.seed), outDir));
  writeSection('csv', [
    '## End to end, `--format csv`',
    '',
    ...provenance(`BENCH_ONLY=csv${picked ? ` BENCH_CSV_WORKLOADS=${picked.join(',')}` : ''}${process.env['BENCH_BASELINE'] ? ` BENCH_BASELINE=${process.env['BENCH_BASELINE']}` : ''} npm run bench`),
    '- End to end = `node bin/dgmi.js score FRAMEWORK DATA --format csv --output FILE` (start-up, read, parse, score, tier, format, atomic write), default threads and `--threads 1`; floor = csv-parse alone (sync API, read + parse the same file, one thread, timed inside its process).',
    '',
    ...csvThroughputLines(rows),
  ]);
  process.stderr.write(`${csvThroughputLines(rows).join('\n')}\n`);
}

if (!sections.includes('json')) process.exit(0);

const workloads = [
  { name: 'county', label: 'county scale (2,850 × 100)', regions: 2850, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 2850 },
  { name: 'township', label: 'township scale (40,000 × 200)', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000 },
];

const rows = [];
for (const w of workloads) {
  const files = writeWorkload(outDir, w.name, w.shape, w.regions, w.seed);
  const mb = statSync(files.data).size / 1024 / 1024;
  const m = { csv: [], e2e: [], e2eRss: [], e2eOne: [], e2eOneRss: [], e2eCsv: [], e2eCsvOne: [], phases: [] };
  const cli = (format, threads) => {
    const out = `${outDir}/${w.name}-result.${format}`;
    const run = child('cli-child.js', ['score', files.framework, files.data, '--format', format, '--output', out, ...(threads ? ['--threads', threads] : [])]);
    const report = /BENCH (\{.*\})/u.exec(run.stderr);
    if (!report || !existsSync(out)) throw new Error(`CLI run failed: ${run.stderr.slice(0, 2000)}`);
    return { wallMs: run.wallMs, rssKiB: JSON.parse(report[1]).maxRssKiB };
  };
  for (let i = 0; i < runs; i++) {
    m.csv.push(JSON.parse(child('phase-child.js', ['csv', files.framework, files.data]).stdout).csvParseMs);
    const json = cli('json');
    m.e2e.push(json.wallMs);
    m.e2eRss.push(json.rssKiB);
    const jsonOne = cli('json', '1');
    m.e2eOne.push(jsonOne.wallMs);
    m.e2eOneRss.push(jsonOne.rssKiB);
    m.e2eCsv.push(cli('csv').wallMs);
    m.e2eCsvOne.push(cli('csv', '1').wallMs);
    m.phases.push(JSON.parse(child('phase-child.js', ['phases', files.framework, files.data]).stdout));
  }
  const parseMs = median(m.csv);
  const totalMs = median(m.e2e);
  const phase = (k) => median(m.phases.map((p) => p[k]));
  rows.push({
    label: w.label,
    mb,
    parseMs,
    totalMs,
    oneMs: median(m.e2eOne),
    csvTotalMs: median(m.e2eCsv),
    csvOneMs: median(m.e2eCsvOne),
    rssMiB: Math.max(...m.e2eRss) / 1024,
    oneRssMiB: Math.max(...m.e2eOneRss) / 1024,
    loadMs: phase('loadMs'),
    scoreMs: phase('scoreMs'),
    jsonMs: phase('jsonMs'),
    cpuMs: phase('cpuMs'),
    overheadRatio: (totalMs - parseMs) / parseMs,
    scoringRatio: (phase('loadMs') + phase('scoreMs') - parseMs) / parseMs,
    jsonBytes: median(m.phases.map((p) => p.jsonBytes)),
  });
  process.stderr.write(`${w.label}: ${totalMs.toFixed(0)} ms end to end (JSON), csv-parse ${parseMs.toFixed(0)} ms\n`);
}

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const lines = [
  '## JSON and CSV at county and township scale',
  '',
  ...provenance('BENCH_ONLY=json npm run bench'),
  '- Peak RSS is the maximum of the runs.',
  '- End to end = `dgmi score FRAMEWORK DATA --format json|csv --output FILE` in a fresh Node process (start-up, load, parse, score, tier, format, atomic write), with the default threads (worker threads for files of 8 MB and more, and for JSON of 4 million numbers and more) and with `--threads 1`.',
  '- Floor = csv-parse alone (sync API, read + parse the same file, one thread) in a fresh process.',
  '- Phases = the same stages through the library API in one process, default threads; JSON is formatted and counted, not written. CPU = user + system time of that process, all threads.',
  '',
  '| workload | CSV size | end to end, JSON | same, `--threads 1` | end to end, CSV | same, `--threads 1` | JSON size | peak RSS, JSON | same, `--threads 1` | csv-parse floor | load (read+parse+cells) | score+tier | JSON | CPU of the phases | (load+score − floor) / floor | (end to end JSON − floor) / floor |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.mb.toFixed(1)} MB | ${fmt(r.totalMs)} | ${fmt(r.oneMs)} | ${fmt(r.csvTotalMs)} | ${fmt(r.csvOneMs)} | ${(r.jsonBytes / 1e6).toFixed(0)} MB | ${r.rssMiB.toFixed(0)} MiB | ${r.oneRssMiB.toFixed(0)} MiB | ${fmt(r.parseMs)} | ${fmt(r.loadMs)} | ${fmt(r.scoreMs)} | ${fmt(r.jsonMs)} | ${fmt(r.cpuMs)} | ${(100 * r.scoringRatio).toFixed(0)}% | ${(100 * r.overheadRatio).toFixed(0)}% |`,
  ),
  '',
  'Targets (township scale): end to end < 5 s; peak RSS < 1 GiB; scoring overhead beyond csv-parse < 50% of parse time.',
  'CSV out carries the composite, ranks, tiers and every group score; JSON out adds every indicator (value, normalised, imputed) per region, pretty-printed as the contract shows, which is what makes it over a gigabyte.',
  '',
];
writeSection('json', lines);
process.stdout.write(lines.join('\n'));
