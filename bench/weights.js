/**
 * `npm run bench` (second part): what deriving weights adds to scoring (issue 12, target < 10 %).
 * The county (2,850 × 100) and township (40,000 × 200) workloads of bench/generate.js are
 * scored through the library API with their fixed weights and again with `weighting: entropy`
 * on every group and at the top (derived per period), in one process, alternating, several
 * times; medians go to bench/weights-results.md. Run after `npm run build`.
 */
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeWorkload } from './generate.js';
import { loadFramework } from '../dist/load/framework.js';
import { loadSubmissions } from '../dist/load/submissions.js';
import { score } from '../dist/score/engine.js';
import { readFileSync, mkdirSync } from 'node:fs';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = `${here}out`;
mkdirSync(outDir, { recursive: true });
const runs = Number(process.env['BENCH_RUNS'] ?? 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** The generated framework with `weighting: <method>` on every group and at the top. */
function withWeighting(yaml, method) {
  return yaml
    .replace('dimensions:\n', `weighting: ${method}\ndimensions:\n`)
    .replaceAll('    groups:\n', `    weighting: ${method}\n    groups:\n`)
    .replaceAll('        indicators:\n', `        weighting: ${method}\n        indicators:\n`);
}

const workloads = [
  { name: 'county', label: 'county scale (2,850 × 100)', regions: 2850, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 2850 },
  { name: 'township', label: 'township scale (40,000 × 200)', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000 },
];

const lines = [
  '# Weights benchmark (issue 12)',
  '',
  `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}; ${runs} alternating runs per variant, medians.`,
  '',
  '| workload | score, fixed weights (ms) | score, entropy everywhere (ms) | added | target |',
  '| :--- | ---: | ---: | ---: | :--- |',
];
for (const w of workloads) {
  const files = writeWorkload(outDir, `weights-${w.name}`, w.shape, w.regions, w.seed);
  const entropyPath = `${outDir}/weights-${w.name}-entropy.yaml`;
  writeFileSync(entropyPath, withWeighting(readFileSync(files.framework, 'utf8'), 'entropy'));
  const fixed = (await loadFramework(files.framework)).framework;
  const entropy = (await loadFramework(entropyPath)).framework;
  if (!fixed || !entropy) throw new Error('bench framework did not load');
  const { dataset } = await loadSubmissions(fixed, [files.data], { encoding: 'auto', maxBytes: 2 ** 31 });
  const times = { fixed: [], entropy: [] };
  score(fixed, dataset);
  score(entropy, dataset);
  for (let i = 0; i < runs; i++) {
    for (const [key, framework] of [['fixed', fixed], ['entropy', entropy]]) {
      const t0 = performance.now();
      score(framework, dataset);
      times[key].push(performance.now() - t0);
    }
  }
  const f = median(times.fixed);
  const e = median(times.entropy);
  const added = (e - f) / f;
  lines.push(`| ${w.label} | ${f.toFixed(1)} | ${e.toFixed(1)} | ${(100 * added).toFixed(1)} % | < 10 % ${added < 0.1 ? 'met' : 'NOT met'} |`);
  process.stderr.write(`${w.label}: fixed ${f.toFixed(1)} ms, entropy ${e.toFixed(1)} ms (+${(100 * added).toFixed(1)} %)\n`);
}
lines.push('');
writeFileSync(`${here}weights-results.md`, lines.join('\n'));
process.stderr.write(`wrote ${here}weights-results.md\n`);
