/**
 * One in-process measurement for bench/prepare.js: loads FRAMEWORK and DATA once with the dgmi
 * build in DIST, then times `score` (and, with mode `audit`, `auditScores` on its table) REPEATS
 * times after one warm-up run, and prints the medians as JSON.
 */
import { pathToFileURL } from 'node:url';

const [mode, dist, frameworkPath, dataPath, repeatsArg = '10'] = process.argv.slice(2);
const repeats = Number(repeatsArg);
const load = (module) => import(pathToFileURL(`${dist}/${module}`).href);
const { loadFramework } = await load('load/framework.js');
const { loadSubmissions } = await load('load/submissions.js');
const { score } = await load('score/engine.js');
const audit = mode === 'audit' ? (await load('analyse/audit/audit.js')).auditScores : undefined;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const t0 = performance.now();
const { framework, diagnostics } = await loadFramework(frameworkPath);
if (!framework) throw new Error(`framework did not load: ${diagnostics.map((d) => d.message).join('; ')}`);
const { dataset } = await loadSubmissions(framework, [dataPath], { maxBytes: 2 ** 31 });
const loadMs = performance.now() - t0;
const scoreMs = [];
const auditMs = [];
for (let i = 0; i <= repeats; i++) {
  const s0 = performance.now();
  const table = score(framework, dataset);
  const s1 = performance.now();
  if (audit) audit(table);
  const s2 = performance.now();
  if (i === 0) continue; // warm-up
  scoreMs.push(s1 - s0);
  auditMs.push(s2 - s1);
}
process.stdout.write(JSON.stringify({ loadMs, scoreMs: median(scoreMs), auditMs: audit ? median(auditMs) : null }));
