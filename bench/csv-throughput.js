/**
 * End to end with `--format csv` (issue 15): `dgmi score FRAMEWORK DATA --format csv --output
 * FILE` in a fresh process, as a ratio to csv-parse alone reading and parsing the same file
 * (phase-child.js `csv`), both measured in the same run. Targets: ≤ 1.5× at 20,000 × 100,
 * ≤ 1.3× at 40,000 × 200. The output's sha256 is recorded: it must not change.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { benchDir, dgmi, median, runs, spawnNode } from './measure.js';

export const CSV_WORKLOADS = [
  { name: 'r20k', label: '20,000 × 100', regions: 20000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 5 }, seed: 20000, target: 1.5 },
  { name: 'township', label: '40,000 × 200', regions: 40000, shape: { dims: 4, groupsPerDim: 5, indicatorsPerGroup: 10 }, seed: 40000, target: 1.3 },
];

const cpuOf = (run) => Number(/BENCH_CPU_MS ([\d.]+)/u.exec(run.stderr)?.[1]);

export function measureCsvThroughput(workload, files, outDir) {
  const m = { floor: [], floorCpu: [], e2e: [], e2eOne: [], e2eOneCpu: [] };
  const out = `${outDir}/${workload.name}-result.csv`;
  const cli = (threads) => {
    const run = spawnNode(['--import', `${benchDir}report-cpu.js`, dgmi, 'score', files.framework, files.data, '--format', 'csv', '--output', out, ...(threads ? ['--threads', threads] : [])]);
    if (run.status !== 0) throw new Error(`CLI run failed: ${run.stderr.slice(0, 2000)}`);
    return run;
  };
  for (let i = 0; i < runs; i++) {
    const floor = spawnNode(['--import', `${benchDir}report-cpu.js`, `${benchDir}phase-child.js`, 'csv', files.framework, files.data]);
    m.floor.push(JSON.parse(floor.stdout).csvParseMs);
    m.floorCpu.push(cpuOf(floor));
    m.e2e.push(cli().wallMs);
    const one = cli('1');
    m.e2eOne.push(one.wallMs);
    m.e2eOneCpu.push(cpuOf(one));
  }
  const floor = median(m.floor);
  return {
    ...workload,
    mb: statSync(files.data).size / 1024 / 1024,
    floorMs: floor,
    e2eMs: median(m.e2e),
    e2eOneMs: median(m.e2eOne),
    ratio: median(m.e2e) / floor,
    ratioOne: median(m.e2eOne) / floor,
    // Whole processes, one thread each: csv-parse's (start-up and read included) against dgmi's.
    cpuRatioOne: median(m.e2eOneCpu) / median(m.floorCpu),
    sha256: createHash('sha256').update(readFileSync(out)).digest('hex'),
  };
}

export function csvThroughputLines(rows) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    '| workload | CSV in | csv-parse alone (floor) | end to end, `--format csv` | ratio | same, `--threads 1` | ratio | target | CPU ratio, `--threads 1` | sha256 of the output |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.label} | ${r.mb.toFixed(1)} MB | ${s(r.floorMs)} | ${s(r.e2eMs)} | ${r.ratio.toFixed(2)}× | ${s(r.e2eOneMs)} | ${r.ratioOne.toFixed(2)}× | ≤ ${r.target}× ${r.ratio <= r.target ? '(met)' : '(not met)'} | ${r.cpuRatioOne.toFixed(2)}× | \`${r.sha256.slice(0, 16)}…\` |`,
    ),
  ];
}
