/**
 * Before/after of the load and scoring phases (issues 14/15, the scoring engine at township scale).
 *
 *   BENCH_BASELINE=DIR node bench/score-phases.js
 *
 * DIR is another build (a checkout of the earlier commit, or a copy of its bin/, dist/ and
 * package.json beside a node_modules). Each round runs, for each build and workload, in fresh
 * processes: bench/score-phase-child.js (load, then score + tier three times in one process:
 * the median of the last two runs is the steady cost), and the CLI end to end with
 * `--format csv` and `--format parquet`; and once per round csv-parse alone (the floor).
 * Builds alternate within each round, so both see the same machine load. Writes the
 * `score-phases` section of bench/results.md.
 * Workloads: bench/out/{county,township}.{yaml,csv} (`node bench/generate.js` makes them).
 */
import { existsSync, rmSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { benchDir, median, root, runs, spawnNode, writeSection } from './measure.js';

const baseline = process.env['BENCH_BASELINE'];
const builds = [...(baseline ? [{ name: 'before', root: resolve(baseline) }] : []), { name: 'after', root }];
const workloads = [
  { name: 'county scale (2,850 × 100)', base: 'county' },
  { name: 'township scale (40,000 × 200)', base: 'township' },
].filter((w) => existsSync(`${benchDir}out/${w.base}.csv`));
if (workloads.length === 0) {
  process.stderr.write('no workloads in bench/out: run `node bench/generate.js` first\n');
  process.exit(2);
}

const cpuOf = (stderr) => Number(/BENCH_CPU_MS ([\d.]+)/.exec(stderr)?.[1] ?? NaN);
const loads = [];
const rows = [];
for (const workload of workloads) {
  const framework = `${benchDir}out/${workload.base}.yaml`;
  const data = `${benchDir}out/${workload.base}.csv`;
  const samples = new Map(builds.map((b) => [b.name, { load: [], loadCpu: [], score: [], scoreCpu: [], tier: [], csv: [], csvCpu: [], parquet: [], parquetCpu: [] }]));
  const floor = [];
  for (let round = 0; round < runs; round++) {
    loads.push(loadavg()[0]);
    const parse = spawnNode([`${benchDir}phase-child.js`, 'csv', framework, data]);
    floor.push(JSON.parse(parse.stdout).csvParseMs);
    for (const build of builds) {
      const s = samples.get(build.name);
      const phases = spawnNode([`${benchDir}score-phase-child.js`, framework, data, build.root, '3']);
      if (phases.status !== 0) throw new Error(`${build.name}: ${phases.stderr}`);
      const p = JSON.parse(phases.stdout);
      s.load.push(p.loadMs);
      s.loadCpu.push(p.loadCpuMs);
      // Runs 2 and 3: the first pays for compiling the scoring code.
      s.score.push(...p.scoreMs.slice(1));
      s.scoreCpu.push(...p.scoreCpuMs.slice(1));
      s.tier.push(...p.tierMs.slice(1));
      for (const format of ['csv', 'parquet']) {
        const out = `/tmp/dgmi-score-phases-${process.pid}.${format}`;
        const run = spawnNode(['--import', `${benchDir}report-cpu.js`, `${build.root}/bin/dgmi.js`, 'score', framework, data, '--format', format, '--output', out]);
        if (run.status !== 0) throw new Error(`${build.name} ${format}: ${run.stderr}`);
        s[format].push(run.wallMs);
        s[`${format}Cpu`].push(cpuOf(run.stderr));
        rmSync(out, { force: true });
      }
    }
  }
  for (const build of builds) {
    const s = samples.get(build.name);
    rows.push({ workload: workload.name, build: build.name, floor: median(floor), ...Object.fromEntries(Object.entries(s).map(([k, v]) => [k, median(v)])) });
  }
}

const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const s = (x) => `${(x / 1000).toFixed(2)} s`;
const ratio = (x) => `${x.toFixed(2)}×`;
const lines = [
  '## Load and scoring phases, before and after (issues 14/15)',
  '',
  `- Date: ${new Date().toISOString()} — load average (1 min) during the run ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores.`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
  `- Command: \`${baseline ? `BENCH_BASELINE=${baseline} ` : ''}BENCH_RUNS=${runs} node bench/score-phases.js\` (medians of ${runs} rounds, builds alternating in each round; score and tier: runs 2–3 of each process)`,
  '- Load = read + parse + cells + commit into the dataset (default threads), through the library API; score = `score()`, tier = `tierTable()`, each in the same process after the load; CPU = user + system of the process while that phase ran. End to end = `dgmi score FRAMEWORK DATA --format csv|parquet --output FILE` in a fresh process; floor = csv-parse alone.',
  '',
  '| workload | build | load (wall) | load (CPU) | score (wall) | score (CPU) | tier | end to end, csv | CPU | ratio to floor | end to end, parquet | CPU | csv-parse floor |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.workload} | ${r.build} | ${ms(r.load)} | ${ms(r.loadCpu)} | ${ms(r.score)} | ${ms(r.scoreCpu)} | ${ms(r.tier)} | ${s(r.csv)} | ${s(r.csvCpu)} | ${ratio(r.csv / r.floor)} | ${s(r.parquet)} | ${s(r.parquetCpu)} | ${s(r.floor)} |`,
  ),
];
writeSection('score-phases', lines);
process.stdout.write(`${lines.join('\n')}\n`);
