/**
 * `npm run bench`: generates seeded workloads at county scale (2,850 × 100) and township scale
 * (40,000 × 200), runs each measurement in a fresh process several times, and writes medians to
 * bench/results.md. Targets (issue 3): township end to end < 5 s, peak RSS < 1 GiB, scoring
 * overhead beyond csv-parse < 50% of the parse time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env['BENCH_RUNS'] ?? 5);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function child(script, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${here}${script}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wallMs = performance.now() - t0;
  if (r.status !== 0 && script !== 'cli-child.js') throw new Error(`${script} failed: ${r.stderr}`);
  return { wallMs, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

const workloads = [
  { name: 'county', label: 'county scale (2,850 × 100)', regions: 2850, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 2850 },
  { name: 'township', label: 'township scale (40,000 × 200)', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000 },
];

const rows = [];
for (const w of workloads) {
  const files = writeWorkload(outDir, w.name, w.shape, w.regions, w.seed);
  const mb = statSync(files.data).size / 1024 / 1024;
  const csv = [];
  const e2e = [];
  const e2eRss = [];
  const e2eCsv = [];
  const phases = [];
  for (let i = 0; i < runs; i++) {
    csv.push(JSON.parse(child('phase-child.js', ['csv', files.framework, files.data]).stdout).csvParseMs);
    const out = `${outDir}/${w.name}-result.json`;
    const cli = child('cli-child.js', ['score', files.framework, files.data, '--format', 'json', '--output', out]);
    const report = /BENCH (\{.*\})/u.exec(cli.stderr);
    if (!report || !existsSync(out)) throw new Error(`CLI run failed: ${cli.stderr.slice(0, 2000)}`);
    e2e.push(cli.wallMs);
    e2eRss.push(JSON.parse(report[1]).maxRssKiB);
    phases.push(JSON.parse(child('phase-child.js', ['phases', files.framework, files.data]).stdout));
    const csvOut = `${outDir}/${w.name}-result.csv`;
    const csvRun = child('cli-child.js', ['score', files.framework, files.data, '--format', 'csv', '--output', csvOut]);
    if (!/BENCH /u.test(csvRun.stderr) || !existsSync(csvOut)) throw new Error(`CLI csv run failed: ${csvRun.stderr.slice(0, 2000)}`);
    e2eCsv.push(csvRun.wallMs);
  }
  const parseMs = median(csv);
  const totalMs = median(e2e);
  const phase = (k) => median(phases.map((p) => p[k]));
  rows.push({
    label: w.label,
    mb,
    parseMs,
    totalMs,
    csvTotalMs: median(e2eCsv),
    rssMiB: Math.max(...e2eRss) / 1024,
    loadMs: phase('loadMs'),
    scoreMs: phase('scoreMs'),
    jsonMs: phase('jsonMs'),
    overheadRatio: (totalMs - parseMs) / parseMs,
    inProcessRatio: (phase('loadMs') + phase('scoreMs') + phase('jsonMs') - parseMs) / parseMs,
    scoringRatio: (phase('loadMs') + phase('scoreMs') - parseMs) / parseMs,
    jsonChars: median(phases.map((p) => p.jsonChars)),
  });
  process.stderr.write(`${w.label}: ${totalMs.toFixed(0)} ms end to end, csv-parse ${parseMs.toFixed(0)} ms\n`);
}

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const lines = [
  '# Benchmark results',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`,
  `- Command: \`npm run bench\` (BENCH_RUNS=${runs}; each figure is the median of ${runs} runs, each in a fresh process; peak RSS is the maximum)`,
  '- End to end = `dgmi score FRAMEWORK DATA --format json --output FILE` in a fresh Node process (start-up, load, parse, score, tier, JSON, atomic write).',
  '- Floor = csv-parse alone (sync API, read + parse the same file) in a fresh process.',
  '',
  '| workload | CSV size | end to end, JSON out | JSON size | end to end, CSV out | peak RSS (JSON run) | csv-parse floor | load (read+parse+cells) | score+tier | JSON | (load+score − floor) / floor | (end to end JSON − floor) / floor |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.mb.toFixed(1)} MB | ${fmt(r.totalMs)} | ${(r.jsonChars / 1e6).toFixed(0)} M chars | ${fmt(r.csvTotalMs)} | ${r.rssMiB.toFixed(0)} MiB | ${fmt(r.parseMs)} | ${fmt(r.loadMs)} | ${fmt(r.scoreMs)} | ${fmt(r.jsonMs)} | ${(100 * r.scoringRatio).toFixed(0)}% | ${(100 * r.overheadRatio).toFixed(0)}% |`,
  ),
  '',
  'Targets (township scale): end to end < 5 s; peak RSS < 1 GiB; scoring overhead beyond csv-parse < 50% of parse time.',
  'CSV out carries the composite, ranks, tiers and every group score; JSON out adds every indicator (value, normalised, imputed) per region, which is what makes it large.',
  '',
];
writeFileSync(`${here}results.md`, lines.join('\n'));
process.stdout.write(lines.join('\n'));
