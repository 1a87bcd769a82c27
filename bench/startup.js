/**
 * Start-up (issue 15): `dgmi --version`, `dgmi validate` on the default framework and `dgmi
 * score` on the shipped samples, each in a fresh process, as ratios to `node -e 0` measured in
 * the same run (interleaved, so a busy machine slows all of them alike). Targets: ≤ 1.5×,
 * ≤ 2.5×, ≤ 3×.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { benchDir, median, root, runs, spawnNode } from './measure.js';

const samples = [...readdirSync(`${root}/samples/2021`).map((f) => `samples/2021/${f}`), 'samples/provinces-2022.csv'];

export const STARTUP_COMMANDS = [
  { name: '`node -e 0` (floor)', args: ['-e', '0'] },
  { name: '`dgmi --version`', args: ['bin/dgmi.js', '--version'], target: 1.5 },
  { name: 'floor of validate: the yaml package parsing the default framework (bench/startup-floor-child.js)', args: [`${benchDir}startup-floor-child.js`] },
  { name: 'floor of validate: the same, and zod checking it against the schema', args: [`${benchDir}startup-floor-child.js`, 'zod'] },
  { name: '`dgmi validate indicators/cn-dgdi.yaml`', args: ['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml'], target: 2.5 },
  { name: '`dgmi score indicators/cn-dgdi.yaml` (62 sample submissions, table)', args: ['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', ...samples], target: 3 },
];

/**
 * With BENCH_BASELINE=DIR (another build, e.g. the commit before a change), each dgmi command
 * is also run from that build's `bin/dgmi.js`, interleaved with this one's in the same rounds,
 * so that before and after share the machine's load; `score --format csv` is added to both.
 * BENCH_SOURCE_MAPS=1 adds this build's commands under `--enable-source-maps`.
 */
export function startupCommands(baseline = process.env['BENCH_BASELINE'], sourceMaps = process.env['BENCH_SOURCE_MAPS'] === '1') {
  // With BENCH_SOURCE_MAPS=1, this build's commands also run under `node --enable-source-maps`:
  // what reading the bundle's source maps (for stack traces in src/*.ts) costs at start-up.
  const withSourceMaps = sourceMaps ? STARTUP_COMMANDS.slice(1).map((command) => ({ ...command, name: `${command.name} with \`--enable-source-maps\``, args: ['--enable-source-maps', ...command.args] })) : [];
  if (!baseline) return [...STARTUP_COMMANDS, ...withSourceMaps];
  const csv = { name: '`dgmi score … --format csv` (62 sample submissions)', args: ['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'csv'], target: 3 };
  const bin = resolve(baseline, 'bin/dgmi.js');
  const commands = [...STARTUP_COMMANDS, csv];
  return [
    ...commands,
    ...commands.filter((command) => command.args[0] === 'bin/dgmi.js').map((command) => ({ ...command, name: `${command.name} — baseline`, args: [bin, ...command.args.slice(1)] })),
    ...withSourceMaps,
  ];
}

/**
 * Median wall and CPU time of each command (ms), with their ratios to the floor's. Every process,
 * the floor too, preloads report-cpu.js, so each pays the same for it.
 */
export function measureStartup(commands = startupCommands()) {
  const wall = commands.map(() => []);
  const cpu = commands.map(() => []);
  const run = (command) => {
    const result = spawnNode(['--import', `${benchDir}report-cpu.js`, ...command.args]);
    if (result.status !== 0) throw new Error(`${command.name} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
    return { wallMs: result.wallMs, cpuMs: Number(/BENCH_CPU_MS ([\d.]+)/u.exec(result.stderr)?.[1]) };
  };
  // Warm the file cache once, unmeasured.
  for (const command of commands) run(command);
  for (let i = 0; i < runs; i++) {
    commands.forEach((command, k) => {
      const { wallMs, cpuMs } = run(command);
      wall[k].push(wallMs);
      cpu[k].push(cpuMs);
    });
  }
  const floor = { wall: median(wall[0]), cpu: median(cpu[0]) };
  return commands.map((command, k) => ({
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
