/**
 * The scoring phase alone, two builds in one process, interleaved run by run: the steadiest
 * before/after a shared machine allows (both builds see the same load, caches and heap).
 *
 *   node bench/score-interleaved.js BASELINE_DIR FRAMEWORK DATA [RUNS]
 *
 * Loads the data once (with this build's loader), then alternates `score()` + `tierTable()` of
 * the baseline build and of this build RUNS times each (default 8; the first of each is
 * dropped as it compiles the code), checks that both give the same composite, ranks and tiers
 * bit for bit (a sha256 of the composite's score, rank and percentile, the tiers and every
 * group's score), and prints the medians of wall and CPU time (user + system, all threads) as JSON.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [baselineArg, frameworkPath, dataPath, runsArg = '8'] = process.argv.slice(2);
if (!baselineArg || !frameworkPath || !dataPath) {
  process.stderr.write('usage: node bench/score-interleaved.js BASELINE_DIR FRAMEWORK DATA [RUNS]\n');
  process.exit(2);
}
const here = resolve(new URL('..', import.meta.url).pathname);
const moduleOf = (root, file) => import(pathToFileURL(resolve(root, 'dist', file)).href);
const buildOf = async (name, root) => ({
  name,
  score: (await moduleOf(root, 'score/engine.js')).score,
  tierTable: (await moduleOf(root, 'tier/tier-table.js')).tierTable,
});
const builds = [await buildOf('before', resolve(baselineArg)), await buildOf('after', here)];
const { loadFramework } = await moduleOf(here, 'load/framework.js');
const { loadSubmissions } = await moduleOf(here, 'load/submissions.js');
const { framework } = await loadFramework(frameworkPath);
const { dataset } = await loadSubmissions(framework, [dataPath], { encoding: 'auto', maxBytes: 2 ** 31 });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const samples = new Map(builds.map((b) => [b.name, { wallMs: [], cpuMs: [] }]));
const fingerprints = new Map();
for (let run = 0; run < Number(runsArg); run++) {
  for (const build of builds) {
    const cpu = process.cpuUsage();
    const t0 = performance.now();
    const table = build.tierTable(build.score(framework, dataset));
    const wall = performance.now() - t0;
    const spent = process.cpuUsage(cpu);
    if (run > 0) {
      samples.get(build.name).wallMs.push(wall);
      samples.get(build.name).cpuMs.push((spent.user + spent.system) / 1000);
    }
    // The bits of every composite score, rank and tier: both builds must agree exactly.
    const hash = createHash('sha256');
    for (const column of [table.composite.score, table.composite.rank, table.composite.percentile, table.tier]) hash.update(new Uint8Array(column.buffer, column.byteOffset, column.byteLength));
    for (const node of table.nodes.values()) hash.update(new Uint8Array(node.score.buffer, node.score.byteOffset, node.score.byteLength));
    fingerprints.set(build.name, hash.digest('hex'));
  }
}
const identical = fingerprints.get('before') === fingerprints.get('after');
const result = Object.fromEntries(
  [...samples].map(([name, s]) => [name, { wallMs: Math.round(median(s.wallMs)), cpuMs: Math.round(median(s.cpuMs)), runs: s.wallMs.length }]),
);
process.stdout.write(`${JSON.stringify({ workload: dataPath, rows: dataset.rowCount, identical, ...result })}\n`);
