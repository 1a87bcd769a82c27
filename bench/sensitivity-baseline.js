/**
 * `BENCH_BASELINE=DIR node bench/sensitivity-baseline.js`: the county sensitivity workload
 * (2,850 × 100, bench/generate.js; the assumptions of bench/sensitivity.js) on an earlier build
 * (DIR: a checkout of that commit with `dist/` built) and on this one, alternately in one
 * process, so both meet the same machine load. Replications: BENCH_REPLICATIONS (default
 * 10,000); rounds: BENCH_RUNS (default 1); threads: BENCH_THREADS (default: the command's own
 * choice). Writes the section between `<!-- sensitivity-speed -->` markers in bench/results.md.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from './generate.js';
import { specText } from './sensitivity-spec.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const baseline = process.env['BENCH_BASELINE'];
if (!baseline || !existsSync(`${baseline}/dist/analyse/sensitivity/sensitivity.js`)) {
  process.stderr.write('set BENCH_BASELINE to a checkout of the earlier commit with dist/ built\n');
  process.exit(2);
}
const replications = Number(process.env['BENCH_REPLICATIONS'] ?? 10000);
const rounds = Number(process.env['BENCH_RUNS'] ?? 1);
const threadsWanted = process.env['BENCH_THREADS'] === undefined ? undefined : Number(process.env['BENCH_THREADS']);

const spec = specText(replications);

async function build(dir) {
  const d = `${resolve(dir)}/dist`;
  return {
    loadFramework: (await import(`${d}/load/framework.js`)).loadFramework,
    loadSubmissions: (await import(`${d}/load/submissions.js`)).loadSubmissions,
    parse: (await import(`${d}/load/sensitivity-spec.js`)).parseSensitivitySpecText,
    plan: (await import(`${d}/analyse/sensitivity/sensitivity.js`)).planSensitivity,
    finish: (await import(`${d}/analyse/sensitivity/result.js`)).finishSensitivity,
    workers: await import(`${d}/cli/sensitivity-workers.js`),
  };
}

const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const county = writeWorkload(outDir, 'county', { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, 2850, 2850);

async function measure(b) {
  const { framework } = await b.loadFramework(county.framework);
  const { dataset } = await b.loadSubmissions(framework, [county.data]);
  const { spec: parsed } = b.parse(spec, 'bench.yaml', framework, { runs: replications });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const plan = b.plan(framework, dataset, parsed);
  const threads = threadsWanted ?? b.workers.sensitivityThreads(plan, undefined);
  const acc = await b.workers.runSensitivityReplications(plan, framework, dataset, parsed, threads, () => undefined);
  const result = b.finish(plan.table, plan.model, parsed, acc, plan.replications);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, threads, output: JSON.stringify(result.regions ?? result) };
}

const builds = { before: await build(baseline), after: await build(root) };
const figures = { before: [], after: [] };
const loads = [];
for (let r = 0; r < rounds; r++) {
  for (const name of ['before', 'after']) {
    figures[name].push(await measure(builds[name]));
    loads.push(loadavg()[0]);
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = (name) => ({ wall: median(figures[name].map((f) => f.wallMs)), cpu: median(figures[name].map((f) => f.cpuMs)), threads: figures[name][0].threads });
const before = summary('before');
const after = summary('after');
const sameResult = figures.before[0].output === figures.after[0].output;
const fmt = (ms) => `${(ms / 1000).toFixed(2)} s`;
const section = [
  '<!-- sensitivity-speed -->',
  '## `dgmi sensitivity` at county scale: before and after the fused kernel (sens3)',
  '',
  `- Date: ${new Date().toISOString()} — the machine was shared with other work (1-min load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} on ${cpus().length} cores): absolute figures are inflated; the ratio, measured in one process with the builds alternating, is the finding.`,
  `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, ${osType()} ${release()}, Node ${process.version}`,
  `- Command: \`BENCH_BASELINE=${baseline} node bench/sensitivity-baseline.js\` (BENCH_RUNS=${rounds}, ${replications.toLocaleString('en')} replications, medians); workload: county 2,850 × 100, weights ×U(0.75, 1.25) on levels 1 and 2, normalisation min–max [1, 100] or z-score, aggregation arithmetic or geometric.`,
  `- Before: ${baseline} (the sensitivity core calling the engine's aggregateGroup); after: this build (fused kernel, kept logarithms). Same results: ${sameResult ? 'yes (identical JSON of every region\'s statistics)' : 'NO'}.`,
  '',
  '| build | threads | compute (wall) | CPU (all threads) | replications/s (wall) |',
  '|---|---|---|---|---|',
  ...[['before', before], ['after', after]].map(([name, s]) => `| ${name} | ${s.threads} | ${fmt(s.wall)} | ${fmt(s.cpu)} | ${Math.round(replications / (s.wall / 1000)).toLocaleString('en')} |`),
  '',
  `Ratio before/after: wall ${(before.wall / after.wall).toFixed(2)}×, CPU ${(before.cpu / after.cpu).toFixed(2)}×. Target (issue 11): 10,000 replications < 30 s.`,
  '<!-- /sensitivity-speed -->',
  '',
].join('\n');
const resultsFile = `${here}results.md`;
const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
const marked = /<!-- sensitivity-speed -->[\s\S]*?<!-- \/sensitivity-speed -->\n?/u;
writeFileSync(resultsFile, marked.test(text) ? text.replace(marked, section) : `${text.trimEnd()}\n\n${section}`);
process.stdout.write(section);
