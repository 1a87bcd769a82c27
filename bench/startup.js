/**
 * Start-up (issue 15): `dgmi --version`, `dgmi validate` on the default framework and `dgmi
 * score` on the shipped samples, each in a fresh process, as ratios to `node -e 0` measured in
 * the same run (interleaved, so a busy machine slows all of them alike). Targets: ≤ 1.5×,
 * ≤ 2.5×, ≤ 3×.
 */
import { readdirSync } from 'node:fs';
import { benchDir, median, root, runs, spawnNode } from './measure.js';

const samples = [...readdirSync(`${root}/samples/2021`).map((f) => `samples/2021/${f}`), 'samples/provinces-2022.csv'];

export const STARTUP_COMMANDS = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  { name: '`dgmi --version`', args: ['bin/dgmi.js', '--version'], target: 1.5 },
  { name: '`dgmi validate indicators/cn-dgdi.yaml`', args: ['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml'], target: 2.5 },
  { name: '`dgmi score indicators/cn-dgdi.yaml` (62 sample submissions, table)', args: ['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', ...samples], target: 3 },
];

/**
 * Median wall and CPU time of each command (ms), with their ratios to the floor's. Every process,
 * the floor too, preloads report-cpu.js, so each pays the same for it.
 */
export function measureStartup() {
  const wall = STARTUP_COMMANDS.map(() => []);
  const cpu = STARTUP_COMMANDS.map(() => []);
  const run = (command) => {
    const result = spawnNode(['--import', `${benchDir}report-cpu.js`, ...command.args]);
    if (result.status !== 0) throw new Error(`${command.name} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    return { wallMs: result.wallMs, cpuMs: Number(/BENCH_CPU_MS ([\d.]+)/u.exec(result.stderr)?.[1]) };
  };
  // Warm the file cache once, unmeasured.
  for (const command of STARTUP_COMMANDS) run(command);
  for (let i = 0; i < runs; i++) {
    STARTUP_COMMANDS.forEach((command, k) => {
      const { wallMs, cpuMs } = run(command);
      wall[k].push(wallMs);
      cpu[k].push(cpuMs);
    });
  }
  const floor = { wall: median(wall[0]), cpu: median(cpu[0]) };
  return STARTUP_COMMANDS.map((command, k) => ({
    ...command,
    ms: median(wall[k]),
    ratio: median(wall[k]) / floor.wall,
    cpuMs: median(cpu[k]),
    cpuRatio: median(cpu[k]) / floor.cpu,
  }));
}

export function startupLines(rows) {
  return [
    '| command | wall time | ratio to `node -e 0` | target (wall) | CPU time | CPU ratio |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.ms.toFixed(0)} ms | ${r.ratio.toFixed(2)}× | ${r.target === undefined ? '' : `≤ ${r.target}× ${r.ratio <= r.target ? '(met)' : '(not met)'}`} | ${r.cpuMs.toFixed(0)} ms | ${r.cpuRatio.toFixed(2)}× |`,
    ),
  ];
}
