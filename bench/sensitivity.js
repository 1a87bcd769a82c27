/**
 * `npm run bench:sensitivity`: the speed of `dgmi sensitivity` against COINr's recorded figures
 * (../shared/data/coinr-asem/README.md: about 0.24 s per replication of its uncertainty
 * analysis on this machine type).
 *
 * 1. ASEM (COINr's example), 1,000 replications: COINr's ua100 itself — pipeline B
 *    (indicators/coinr-asem-full.yaml: denominators, imputation, screening, outlier treatment)
 *    with its four assumptions (samples/coinr-asem-ua.yaml: winsorisation limit, normalisation,
 *    weights, aggregation) — and, for comparison with earlier figures, pipeline A
 *    (indicators/coinr-asem.yaml) with the three assumptions other than winsorisation. Compute
 *    time in one thread and on threads.
 * 2. The county workload (2,850 × 100, bench/generate.js), 10,000 replications, threads by default.
 *
 * Compute = preparing the model + the replications + the statistics, in this process, after
 * loading; a figure per run, the median of BENCH_RUNS (default 3) runs. The section between the
 * markers in bench/results.md is replaced; the rest of the file is left as it is.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { fileURLToPath } from 'node:url';
import { loadFramework } from '../dist/load/framework.js';
import { loadSubmissions } from '../dist/load/submissions.js';
import { parseSensitivitySpecText } from '../dist/load/sensitivity-spec.js';
import { planSensitivity } from '../dist/analyse/sensitivity/sensitivity.js';
import { finishSensitivity } from '../dist/analyse/sensitivity/result.js';
import { runSensitivityReplications, sensitivityThreads } from '../dist/cli/sensitivity-workers.js';
import { writeWorkload } from './generate.js';
import { specText } from './sensitivity-spec.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.env['BENCH_RUNS'] ?? 3);
const COINR_SECONDS_PER_REPLICATION = 0.24;


const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function load(frameworkPath, dataPath, replications, text = specText(replications)) {
  const { framework } = await loadFramework(frameworkPath);
  const { dataset } = await loadSubmissions(framework, [dataPath]);
  const { spec, diagnostics } = parseSensitivitySpecText(text, 'bench.yaml', framework, { runs: replications });
  if (!spec) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return { framework, dataset, spec };
}

/** Wall and CPU time of plan + replications + statistics on `threads` threads. */
async function measure({ framework, dataset, spec }, threads) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = planSensitivity(framework, dataset, spec);
  const acc = await runSensitivityReplications(plan, framework, dataset, spec, threads ?? sensitivityThreads(plan, undefined), () => undefined);
  const result = finishSensitivity(plan.table, plan.model, spec, acc, plan.replications);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, replications: result.replications, threads: threads ?? sensitivityThreads(plan, undefined) };
}

async function series(inputs, threads) {
  const all = [];
  for (let i = 0; i < runs; i++) all.push(await measure(inputs, threads));
  return { wallMs: median(all.map((m) => m.wallMs)), cpuMs: median(all.map((m) => m.cpuMs)), replications: all[0].replications, threads: all[0].threads };
}

const rows = [];
const asemData = `${root}../shared/data/coinr-asem/asem_iData_raw.csv`;
if (existsSync(asemData)) {
  const ua = await load(`${root}indicators/coinr-asem-full.yaml`, asemData, 1000, readFileSync(`${root}samples/coinr-asem-ua.yaml`, 'utf8'));
  await measure(ua, 1); // warm-up: JIT, module loading
  rows.push({ label: 'ASEM ua100: pipeline B, 4 assumptions, 1,000 replications', ...(await series(ua, 1)) });
  rows.push({ label: 'ASEM ua100: pipeline B, 4 assumptions, 1,000 replications', ...(await series(ua, Math.min(availableParallelism(), 4))) });
  const asem = await load(`${root}indicators/coinr-asem.yaml`, asemData, 1000);
  rows.push({ label: 'ASEM, pipeline A, 3 assumptions (no winsorisation), 1,000 replications', ...(await series(asem, 1)) });
  rows.push({ label: 'ASEM, pipeline A, 3 assumptions (no winsorisation), 1,000 replications', ...(await series(asem, Math.min(availableParallelism(), 4))) });
} else {
  process.stderr.write('ASEM data (../shared/data/coinr-asem) absent: skipping the ASEM figures\n');
}
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const county = writeWorkload(outDir, 'county', { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, 2850, 2850);
const countyInputs = await load(county.framework, county.data, 10000);
rows.push({ label: 'county, 2,850 × 100, 10,000 replications', ...(await series(countyInputs, undefined)) });

const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const section = [
  '<!-- sensitivity -->',
  '## `dgmi sensitivity` (issue 11)',
  '',
  `- Date: ${new Date().toISOString()} — measured while other work shared the machine: the figures are noisy; compare the ratios within one run.`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`,
  `- Command: \`npm run build && node bench/sensitivity.js\` (BENCH_RUNS=${runs}, medians). Compute = model preparation + replications + statistics, after loading, in one process; CPU = user + system of all threads.`,
  '- Assumptions: each level-1 and level-2 weight × U(0.75, 1.25); normalisation min–max [1, 100] or z-score (mean 10, sd 2); aggregation arithmetic or geometric; for "ASEM ua100" also the winsorisation limit 1–5 points on pipeline B (samples/coinr-asem-ua.yaml) — exactly COINr\'s ua100. The pipeline-A and county rows omit the winsorisation limit (nothing is treated there).',
  `- COINr: ${COINR_SECONDS_PER_REPLICATION} s per replication (100 replications 24 s), single-threaded R, same machine type.`,
  '',
  '| workload | threads | compute (wall) | CPU (all threads) | replications/s (wall) | wall s per replication | × COINr (wall) | CPU s per replication | × COINr (CPU) |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => {
    const wallPer = r.wallMs / 1000 / r.replications;
    const cpuPer = r.cpuMs / 1000 / r.replications;
    const ratio = (per) => `${Math.round(COINR_SECONDS_PER_REPLICATION / per).toLocaleString('en')}×`;
    return `| ${r.label} | ${r.threads} | ${fmt(r.wallMs)} | ${fmt(r.cpuMs)} | ${Math.round(r.replications / (r.wallMs / 1000)).toLocaleString('en')} | ${wallPer.toExponential(2)} | ${ratio(wallPer)} | ${cpuPer.toExponential(2)} | ${ratio(cpuPer)} |`;
  }),
  '',
  `Load average while measuring (1 min): ${loadavg()[0].toFixed(1)} on ${cpus().length} cores — wall times are inflated accordingly; the CPU columns are what the work costs. COINr's single-threaded R figure is wall time on an otherwise idle machine, where wall ≈ CPU.`,
  '',
  'Targets (issue 11): ASEM 1,000 replications < 0.5 s of compute (≥ 500× COINr per replication); county 10,000 replications < 30 s.',
  '<!-- /sensitivity -->',
  '',
].join('\n');
const resultsFile = `${here}results.md`;
const before = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
const marked = /<!-- sensitivity -->[\s\S]*?<!-- \/sensitivity -->\n?/u;
writeFileSync(resultsFile, marked.test(before) ? before.replace(marked, section) : `${before.trimEnd()}\n\n${section}`);
process.stdout.write(section);
