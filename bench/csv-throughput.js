/**
 * End to end with `--format csv` (issue 15): `dgmi score FRAMEWORK DATA --format csv --output
 * FILE` in a fresh process, as a ratio to csv-parse alone reading and parsing the same file
 * (phase-child.js `csv`), both measured in the same run. Targets: ≤ 1.5× at 20,000 × 100,
 * ≤ 1.3× at 40,000 × 200. The output's sha256 is recorded: it must not change.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchDir, dgmi, median, runs, spawnNode } from './measure.js';

export const CSV_WORKLOADS = [
  { name: 'r20k', label: '20,000 × 100', regions: 20000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 20000, target: 1.5 },
  { name: 'township', label: '40,000 × 200', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000, target: 1.3 },
];

const cpuOf = (run) => Number(/BENCH_CPU_MS ([\d.]+)/u.exec(run.stderr)?.[1]);

/**
 * One workload: csv-parse alone, then dgmi with default threads and with `--threads 1`, BENCH_RUNS
 * times, interleaved. With BENCH_BASELINE=DIR (another build, e.g. the commit before a change),
 * that build's CLI runs in the same rounds too, so both are compared against the same floor.
 */
export function measureCsvThroughput(workload, files, outDir) {
  const builds = [{ name: 'this build', bin: dgmi }];
  if (process.env['BENCH_BASELINE']) builds.push({ name: 'baseline', bin: `${resolve(process.env['BENCH_BASELINE'])}/bin/dgmi.js` });
  const floorMs = [];
  const floorCpu = [];
  const m = builds.map(() => ({ e2e: [], e2eOne: [], e2eOneCpu: [] }));
  const cli = (build, k, threads) => {
    const out = `${outDir}/${workload.name}-result${k === 0 ? '' : '-baseline'}.csv`;
    const run = spawnNode(['--import', `${benchDir}report-cpu.js`, build.bin, 'score', files.framework, files.data, '--format', 'csv', '--output', out, ...(threads ? ['--threads', threads] : [])]);
    if (run.status !== 0) throw new Error(`CLI run failed: ${run.stderr.slice(0, 2000)}`);
    return run;
  };
  for (let i = 0; i < runs; i++) {
    const floor = spawnNode(['--import', `${benchDir}report-cpu.js`, `${benchDir}phase-child.js`, 'csv', files.framework, files.data]);
    floorMs.push(JSON.parse(floor.stdout).csvParseMs);
    floorCpu.push(cpuOf(floor));
    builds.forEach((build, k) => {
      m[k].e2e.push(cli(build, k).wallMs);
      const one = cli(build, k, '1');
      m[k].e2eOne.push(one.wallMs);
      m[k].e2eOneCpu.push(cpuOf(one));
    });
  }
  const floor = median(floorMs);
  return builds.map((build, k) => ({
    ...workload,
    build: build.name,
    mb: statSync(files.data).size / 1024 / 1024,
    floorMs: floor,
    e2eMs: median(m[k].e2e),
    e2eOneMs: median(m[k].e2eOne),
    ratio: median(m[k].e2e) / floor,
    ratioOne: median(m[k].e2eOne) / floor,
    // Whole processes, one thread each: csv-parse's (start-up and read included) against dgmi's.
    cpuRatioOne: median(m[k].e2eOneCpu) / median(floorCpu),
    sha256: createHash('sha256').update(readFileSync(`${outDir}/${workload.name}-result${k === 0 ? '' : '-baseline'}.csv`)).digest('hex'),
  }));
}

export function csvThroughputLines(rows) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '| workload | build | CSV in | csv-parse alone (floor) | end to end, `--format csv` | ratio | same, `--threads 1` | ratio | target | CPU ratio, `--threads 1` | sha256 of the output |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.build} | ${r.mb.toFixed(1)} MB | ${s(r.floorMs)} | ${s(r.e2eMs)} | ${r.ratio.toFixed(2)}× | ${s(r.e2eOneMs)} | ${r.ratioOne.toFixed(2)}× | ≤ ${r.target}× ${r.ratio <= r.target ? '(met)' : '(not met)'} | ${r.cpuRatioOne.toFixed(2)}× | \`${r.sha256.slice(0, 16)}…\` |`,
    ),
  ];
}
