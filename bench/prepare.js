/**
 * Data preparation and audit benchmarks (issue 10), run by `npm run bench` after bench/run.js:
 * - COINr's ASEM example through pipeline B (denominate → impute → screen → treat) and its
 *   audit, in process and end to end, beside pipeline A — COINr itself takes 0.22 s for
 *   pipeline B in R (../shared/data/coinr-asem/README.md); skipped when that data is absent;
 * - the county workload (2,850 × 100) scored plain and with preparation (a population
 *   denominator on every tenth indicator, screening at 90%, COINr's treatment everywhere);
 * - township scoring (40,000 × 200, no preparation) with this build and with the build in
 *   BENCH_BASE_DIST (the dist/ of the commit before preparation), alternating, to show that
 *   frameworks without preparation are not slowed down (target: within 10%).
 * Writes bench/prepare-results.md. Each in-process figure is the median of REPEATS score
 * calls after a warm-up, in a fresh process per child; children alternate between builds.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from './generate.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const dist = `${root}dist`;
const baseDist = process.env['BENCH_BASE_DIST'];
const children = Number(process.env['BENCH_RUNS'] ?? 3);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function child(mode, build, framework, data, repeats) {
  const r = spawnSync(process.execPath, [`${here}prepare-child.js`, mode, build, framework, data, String(repeats)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`prepare-child failed: ${r.stderr.slice(0, 2000)}`);
  return JSON.parse(r.stdout);
}

function wall(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [`${root}bin/dgmi.js`, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`dgmi ${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 2000)}`);
  return performance.now() - t0;
}

const ms = (x) => `${x.toFixed(1)} ms`;
const lines = ['# Preparation and audit benchmarks', '', `- Date: ${new Date().toISOString()}`, `- Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`, ''];

// ASEM, pipelines A and B.
const asemData = `${root}../shared/data/coinr-asem/asem_iData_raw.csv`;
if (existsSync(asemData)) {
  const a = `${root}indicators/coinr-asem.yaml`;
  const b = `${root}indicators/coinr-asem-full.yaml`;
  const runs = { a: [], b: [], audit: [], e2eB: [], e2eAudit: [] };
  for (let i = 0; i < children; i++) {
    runs.a.push(child('score', dist, a, asemData, 50).scoreMs);
    const full = child('audit', dist, b, asemData, 50);
    runs.b.push(full.scoreMs);
    runs.audit.push(full.auditMs);
    runs.e2eB.push(wall(['score', b, asemData, '--format', 'json']));
    runs.e2eAudit.push(wall(['audit', b, asemData, '--format', 'json']));
  }
  lines.push(
    '## COINr ASEM example (51 units × 49 indicators)',
    '',
    '| measurement | dgmi | COINr 1.1.14 (R, same machine type) |',
    '|---|---|---|',
    `| pipeline A, score() in process | ${ms(median(runs.a))} | 0.05 s |`,
    `| pipeline B (denominate, impute, screen, treat), score() in process | ${ms(median(runs.b))} | 0.22 s |`,
    `| audit (statistics, correlations, alpha, PCA) in process | ${ms(median(runs.audit))} | — |`,
    `| \`dgmi score coinr-asem-full.yaml … --format json\` end to end (Node start-up included) | ${ms(median(runs.e2eB))} | R start-up + COINr ≈ 1.3 s + 0.22 s |`,
    `| \`dgmi audit coinr-asem-full.yaml … --format json\` end to end | ${ms(median(runs.e2eAudit))} | — |`,
    '',
  );
} else {
  lines.push('## COINr ASEM example', '', 'Skipped: ../shared/data/coinr-asem/ is not present.', '');
}

// County, plain and prepared.
const county = writeWorkload(outDir, 'county-prep', { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, 2850, 2850);
const csv = readFileSync(county.data, 'utf8').trimEnd().split('\n');
const prepared = `${outDir}/county-prep-population.csv`;
writeFileSync(prepared, `${csv.map((line, i) => `${line},${i === 0 ? 'population' : 1000 + ((i * 7919) % 90000)}`).join('\n')}\n`);
const preparedYaml = `${outDir}/county-prep.prepared.yaml`;
let k = 0;
writeFileSync(
  preparedYaml,
  readFileSync(county.framework, 'utf8')
    .replace('dimensions:\n', 'screen: { min_coverage: 0.9 }\ntreat: { method: winsorise }\ndimensions:\n')
    .replace(/^(\s+- \{ id: i\d+, .*) \}$/gmu, (line, head) => (k++ % 10 === 0 ? `${head}, denominator: population, denominator_factor: 10000 }` : line)),
);
const countyRuns = { plain: [], prepared: [], audit: [] };
for (let i = 0; i < children; i++) {
  countyRuns.plain.push(child('score', dist, county.framework, prepared, 10).scoreMs);
  const p = child('audit', dist, preparedYaml, prepared, 10);
  countyRuns.prepared.push(p.scoreMs);
  countyRuns.audit.push(p.auditMs);
}
lines.push(
  '## County workload (2,850 × 100)',
  '',
  '| measurement | score() in process |',
  '|---|---|',
  `| no preparation | ${ms(median(countyRuns.plain))} |`,
  `| pipeline B: 10 population denominators, screen 90%, COINr treatment on all 100 indicators | ${ms(median(countyRuns.prepared))} |`,
  `| audit of the prepared framework | ${ms(median(countyRuns.audit))} |`,
  '',
);

// Township, before and after.
if (baseDist && existsSync(baseDist)) {
  const township = writeWorkload(outDir, 'township-prep', { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, 40000, 40000);
  const before = [];
  const after = [];
  for (let i = 0; i < children; i++) {
    before.push(child('score', baseDist, township.framework, township.data, 5).scoreMs);
    after.push(child('score', dist, township.framework, township.data, 5).scoreMs);
  }
  const ratio = median(after) / median(before);
  lines.push(
    '## Township workload (40,000 × 200), no preparation: before and after',
    '',
    `| build | score() in process |`,
    '|---|---|',
    `| before (${baseDist}) | ${ms(median(before))} |`,
    `| after (this build) | ${ms(median(after))} |`,
    `| after / before | ${ratio.toFixed(3)} (target ≤ 1.10) |`,
    '',
  );
} else {
  lines.push('## Township workload, before and after', '', 'Skipped: set BENCH_BASE_DIST to the dist/ of the build before preparation.', '');
}

writeFileSync(`${here}prepare-results.md`, lines.join('\n'));
process.stdout.write(lines.join('\n'));
