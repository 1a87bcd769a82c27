/**
 * `npm run bench` (second part): what deriving weights adds to scoring (issue 12, target < 10 %).
 * The county (2,850 × 100) and township (40,000 × 200) workloads of bench/generate.js are
 * scored through the library API with their fixed weights and again with `weighting: entropy`
 * on every group and at the top (derived per period), in one process, alternating, several
 * times; then `dgmi score` end to end in fresh processes, fixed against entropy. Medians go to
 * bench/weights-results.md. Run after `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from './generate.js';
import { loadFramework } from '../dist/load/framework.js';
import { loadSubmissions } from '../dist/load/submissions.js';
import { score } from '../dist/score/engine.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The generated framework with `weighting: <method>` on the groups of indicators, and with `everywhere` also on the dimensions and at the top. */
function withWeighting(yaml, method, everywhere) {
  const groups = yaml.replaceAll('        indicators:\n', `        weighting: ${method}\n        indicators:\n`);
  return everywhere
    ? groups.replace('dimensions:\n', `weighting: ${method}\ndimensions:\n`).replaceAll('    groups:\n', `    weighting: ${method}\n    groups:\n`)
    : groups;
}

const workloads = [
  { name: 'county', label: 'county scale (2,850 × 100)', regions: 2850, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 2850 },
  { name: 'township', label: 'township scale (40,000 × 200)', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000 },
];

const lines = [
  '# Weights benchmark (issue 12)',
  '',
  `Date: ${new Date().toISOString()}`,
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${runs} alternating runs per variant, medians. The machine was shared with other jobs while this ran (load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores at the start), so wall times are noisy.`,
  '',
  'Score = the `score()` call alone (impute, transform, normalise, weights, aggregate, rank, tier), data already loaded, in one process. Medians of wall time, then of CPU time (user + system of the process, which includes GC threads); on a shared machine CPU time is the less disturbed of the two, so the target is judged on it.',
  '',
  '| workload | weighting | score, fixed weights (ms, wall / CPU) | score, entropy (ms, wall / CPU) | added (wall / CPU) | target < 10 % |',
  '| :--- | :--- | ---: | ---: | ---: | :--- |',
];
for (const w of workloads) {
  const files = writeWorkload(outDir, `weights-${w.name}`, w.shape, w.regions, w.seed);
  const fixed = (await loadFramework(files.framework)).framework;
  if (!fixed) throw new Error('bench framework did not load');
  const { dataset } = await loadSubmissions(fixed, [files.data], { encoding: 'auto', maxBytes: 2 ** 31 });
  for (const [everywhere, label] of [[false, 'entropy on the 20 groups of indicators'], [true, 'entropy on every group and the dimensions']]) {
    const entropyPath = `${outDir}/weights-${w.name}-entropy${everywhere ? '-everywhere' : ''}.yaml`;
    writeFileSync(entropyPath, withWeighting(readFileSync(files.framework, 'utf8'), 'entropy', everywhere));
    const entropy = (await loadFramework(entropyPath)).framework;
    if (!entropy) throw new Error('bench framework did not load');
    const times = { fixed: [], entropy: [] };
    const cpu = { fixed: [], entropy: [] };
    score(fixed, dataset);
    score(entropy, dataset);
    for (let i = 0; i < runs; i++) {
      for (const [key, framework] of [['fixed', fixed], ['entropy', entropy]]) {
        const c0 = process.cpuUsage();
        const t0 = performance.now();
        score(framework, dataset);
        times[key].push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu[key].push((c.user + c.system) / 1000);
      }
    }
    const [f, e] = [median(times.fixed), median(times.entropy)];
    const [fCpu, eCpu] = [median(cpu.fixed), median(cpu.entropy)];
    const added = (e - f) / f;
    const addedCpu = (eCpu - fCpu) / fCpu;
    lines.push(
      `| ${w.label} | ${label} | ${f.toFixed(1)} / ${fCpu.toFixed(1)} | ${e.toFixed(1)} / ${eCpu.toFixed(1)} | ${(100 * added).toFixed(1)} % / ${(100 * addedCpu).toFixed(1)} % | ${addedCpu < 0.1 ? 'met' : 'not met'} |`,
    );
    process.stderr.write(`${w.label}, ${label}: fixed ${f.toFixed(1)} ms (cpu ${fCpu.toFixed(1)}), entropy ${e.toFixed(1)} ms (cpu ${eCpu.toFixed(1)}): +${(100 * added).toFixed(1)} % wall, +${(100 * addedCpu).toFixed(1)} % cpu\n`);
  }
}
// End to end: `dgmi score FRAMEWORK DATA --format csv --output FILE` in a fresh process (start-up,
// load, parse, score, format, write), fixed weights against entropy on the groups of indicators.
lines.push(
  '',
  'End to end: `dgmi score FRAMEWORK DATA --format csv --output FILE` in a fresh process, fixed weights against entropy on the 20 groups of indicators; medians of wall and CPU time (user + system, all threads).',
  '',
  '| workload | `dgmi score`, fixed (s, wall / CPU) | `dgmi score`, entropy (s, wall / CPU) | added (wall / CPU) | target < 10 % |',
  '| :--- | ---: | ---: | ---: | :--- |',
);
const e2eRuns = Number(process.env['BENCH_E2E_RUNS'] ?? 3);
for (const w of workloads) {
  const base = `${outDir}/weights-${w.name}`;
  const measure = (framework) => {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, [`${here}weights-cli-child.js`, 'score', framework, `${base}.csv`, '--format', 'csv', '--output', `${base}-result.csv`], { encoding: 'utf8' });
    const wallMs = performance.now() - t0;
    const report = /BENCH (\{.*\})/u.exec(run.stderr);
    if (!report || run.status !== 0) throw new Error(`CLI run failed: ${run.stderr.slice(0, 2000)}`);
    return { wallMs, cpuMs: JSON.parse(report[1]).cpuMs };
  };
  const m = { fixed: [], entropy: [] };
  for (let i = 0; i < e2eRuns; i++) {
    m.fixed.push(measure(`${base}.yaml`));
    m.entropy.push(measure(`${base}-entropy.yaml`));
  }
  const [fWall, eWall, fCpu, eCpu] = [median(m.fixed.map((r) => r.wallMs)), median(m.entropy.map((r) => r.wallMs)), median(m.fixed.map((r) => r.cpuMs)), median(m.entropy.map((r) => r.cpuMs))];
  const addedCpu = (eCpu - fCpu) / fCpu;
  lines.push(
    `| ${w.label} | ${(fWall / 1000).toFixed(2)} / ${(fCpu / 1000).toFixed(2)} | ${(eWall / 1000).toFixed(2)} / ${(eCpu / 1000).toFixed(2)} | ${(100 * (eWall / fWall - 1)).toFixed(1)} % / ${(100 * addedCpu).toFixed(1)} % | ${addedCpu < 0.1 ? 'met' : 'not met'} |`,
  );
  process.stderr.write(`${w.label} end to end: fixed ${(fWall / 1000).toFixed(2)} s (cpu ${(fCpu / 1000).toFixed(2)}), entropy ${(eWall / 1000).toFixed(2)} s (cpu ${(eCpu / 1000).toFixed(2)})\n`);
}
lines.push('');
writeFileSync(`${here}weights-results.md`, lines.join('\n'));
process.stderr.write(`wrote ${here}weights-results.md\n`);
