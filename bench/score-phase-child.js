/**
 * One fresh process timing dgmi's load and scoring phases on one workload, through the library
 * API of the build at ROOT (default: this checkout): framework, submissions (read, parse, cells
 * and the commit of the rows into the dataset), then `score` and `tierTable` run RUNS times on
 * the same dataset (the first run pays for compiling the code; the median of the later ones is
 * the steady cost). Prints one JSON object. Used by bench/score-phases.js.
 *
 * Usage: node bench/score-phase-child.js FRAMEWORK DATA [ROOT] [RUNS] [THREADS]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [frameworkPath, dataPath, rootArg = '.', runsArg = '3', threadsArg = 'auto'] = process.argv.slice(2);
const dist = (file) => pathToFileURL(resolve(rootArg, 'dist', file)).href;
const { loadFramework } = await import(dist('load/framework.js'));
const { loadSubmissions } = await import(dist('load/submissions.js'));
const { score } = await import(dist('score/engine.js'));
const { tierTable } = await import(dist('tier/tier-table.js'));

const now = () => performance.now();
const t0 = now();
const { framework } = await loadFramework(frameworkPath);
const t1 = now();
const loadCpu = process.cpuUsage();
const threads = threadsArg === 'auto' ? {} : { threads: Number(threadsArg) };
const { dataset } = await loadSubmissions(framework, [dataPath], { encoding: 'auto', maxBytes: 2 ** 31, ...threads });
const t2 = now();
// Includes the worker threads' parsing when the file is read on threads.
const loadCpuUsed = process.cpuUsage(loadCpu);
const scoreMs = [];
const tierMs = [];
// CPU time of the process during each score run: only the main thread works then, and on a
// machine shared with other work CPU time is far steadier than wall time.
const scoreCpuMs = [];
let composite = 0;
for (let run = 0; run < Number(runsArg); run++) {
  const cpu = process.cpuUsage();
  const a = now();
  const table = score(framework, dataset);
  const b = now();
  const spent = process.cpuUsage(cpu);
  scoreCpuMs.push((spent.user + spent.system) / 1000);
  const tiered = tierTable(table);
  const c = now();
  scoreMs.push(b - a);
  tierMs.push(c - b);
  // Used, so the work cannot be skipped, and a cheap check that both builds agree.
  composite = tiered.composite.score.reduce((sum, x) => (x === x ? sum + x : sum), 0);
}
const usage = process.resourceUsage();
process.stdout.write(
  JSON.stringify({
    frameworkMs: t1 - t0,
    loadMs: t2 - t1,
    loadCpuMs: (loadCpuUsed.user + loadCpuUsed.system) / 1000,
    scoreMs,
    scoreCpuMs,
    tierMs,
    compositeSum: composite,
    maxRssKiB: usage.maxRSS,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
  }),
);
