/**
 * Start-up (issue 15): each command loads only what it uses. The real executable runs with a
 * recorder of every JavaScript file it loads (test/fixtures/startup/record-modules.mjs), and
 * the test names the packages and dgmi modules that must not be among them — so a static
 * import of a command module or a heavy library in `src/cli/program.ts` fails here, not only
 * in a benchmark.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'dgmi-startup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const recorder = join(projectRoot, 'test/fixtures/startup/record-modules.mjs');
const samples = [...readdirSync(join(projectRoot, 'samples/2021')).map((f) => `samples/2021/${f}`), 'samples/provinces-2022.csv'];

interface Loaded {
  readonly status: number | null;
  /** npm packages loaded, by name. */
  readonly packages: ReadonlySet<string>;
  /** dgmi's own modules loaded, as `dist/…` paths. */
  readonly modules: ReadonlySet<string>;
}

let runs = 0;
/** Runs `node [prelude] …args` in the project root, recording every module loaded. */
function loaded(args: readonly string[]): Loaded {
  const record = join(scratch, `run-${++runs}.txt`);
  const result = spawnSync(process.execPath, ['--import', recorder, ...args], {
    cwd: projectRoot,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', DGMI_RECORD_MODULES: record },
    encoding: 'utf8',
  });
  const paths = readFileSync(record, 'utf8').split('\n').filter((line) => line !== '');
  const packages = new Set<string>();
  const modules = new Set<string>();
  for (const path of paths) {
    const inProject = relative(projectRoot, path).split(sep).join('/');
    const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(inProject);
    if (pkg?.[1] !== undefined) packages.add(pkg[1]);
    else if (inProject.startsWith('dist/')) modules.add(inProject);
  }
  return { status: result.status, packages, modules };
}

/** The command line itself: the program, its option lists, the process boundary. */
const PROGRAM_MODULES = [
  'dist/cli/main.js',
  'dist/cli/io.js',
  'dist/cli/program.js',
  'dist/cli/choices.js',
  'dist/load/encodings.js',
  // plain lists and the --threads cap (node:os only), read while the program is built
  'dist/report/results/detail.js',
  'dist/analyse/sensitivity/methods.js',
  'dist/cli/lang.js',
  'dist/cli/threads.js',
];
/** Loaded only by the commands (and options) that use them. */
const HEAVY_PACKAGES = ['exceljs', 'read-excel-file', 'piscina', 'cli-table3', 'iconv-lite', 'zod', 'yaml', 'csv-parse', 'chalk', 'echarts', 'hyparquet-writer', 'ml-pca', 'ml-matrix', 'cli-progress'];

describe('what each command loads', () => {
  it('--version alone loads no package and not the program; --help loads commander and the program only', () => {
    for (const flag of ['--version', '-v']) {
      const run = loaded(['bin/dgmi.js', flag]);
      expect(run.status).toBe(0);
      expect([...run.packages]).toEqual([]);
      expect([...run.modules].sort()).toEqual(['dist/cli/io.js', 'dist/cli/main.js']);
    }
    const help = loaded(['bin/dgmi.js', '--help']);
    expect(help.status).toBe(0);
    expect([...help.packages]).toEqual(['commander']);
    expect([...help.modules].sort()).toEqual([...PROGRAM_MODULES].sort());
  });

  it('--version prints what commander prints for it, with or without the shortcut', () => {
    const plain = spawnSync(process.execPath, ['bin/dgmi.js', '--version'], { cwd: projectRoot, encoding: 'utf8' });
    const short = spawnSync(process.execPath, ['bin/dgmi.js', '-v'], { cwd: projectRoot, encoding: 'utf8' });
    // With another argument after it the shortcut does not apply and commander answers.
    const viaCommander = spawnSync(process.execPath, ['bin/dgmi.js', '--version', '--no-color'], { cwd: projectRoot, encoding: 'utf8' });
    const { version } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string };
    for (const run of [plain, short, viaCommander]) {
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
      expect(run.stderr).toBe('');
    }
  });

  it('a usage error loads no command module', () => {
    const run = loaded(['bin/dgmi.js', 'score']);
    expect(run.status).toBe(2);
    expect([...run.packages]).toEqual(['commander']);
    expect([...run.modules].filter((m) => m.startsWith('dist/cli/commands/'))).toEqual([]);
  });

  it('validate loads its own command only, and no XLSX, table, encoding or worker-pool library for a UTF-8 framework', () => {
    const run = loaded(['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml']);
    expect(run.status).toBe(0);
    expect(run.packages.has('zod') && run.packages.has('yaml')).toBe(true);
    for (const pkg of ['exceljs', 'read-excel-file', 'cli-table3', 'iconv-lite', 'simple-statistics']) expect(run.packages, pkg).not.toContain(pkg);
    expect([...run.modules].filter((m) => m.startsWith('dist/cli/commands/')).sort()).toEqual(['dist/cli/commands/shared.js', 'dist/cli/commands/validate.js']);
  });

  it('score loads no XLSX, chart, Parquet, PCA or progress-bar library and no other command', () => {
    const run = loaded(['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', ...samples, '--format', 'csv']);
    expect(run.status).toBe(0);
    for (const pkg of ['exceljs', 'read-excel-file', 'echarts', 'hyparquet-writer', 'ml-pca', 'ml-matrix', 'cli-progress']) expect(run.packages, pkg).not.toContain(pkg);
    expect([...run.modules].filter((m) => m.startsWith('dist/cli/commands/')).sort()).toEqual(['dist/cli/commands/score.js', 'dist/cli/commands/shared.js']);
    expect(run.modules).not.toContain('dist/cli/json-worker.js');
  });

  it('the library entry loads no part of the command line', () => {
    const run = loaded(['--input-type=module', '-e', "await import('./dist/index.js')"]);
    expect(run.status).toBe(0);
    expect(run.packages).not.toContain('commander');
    expect([...run.modules].filter((m) => m.startsWith('dist/cli/'))).toEqual([]);
    for (const pkg of ['exceljs', 'read-excel-file']) expect(run.packages, pkg).not.toContain(pkg);
    expect(run.modules).toContain('dist/index.js');
  });

  it('the heavy packages named above are real dependencies, so the checks cannot pass by a typo', () => {
    const { dependencies } = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    for (const pkg of HEAVY_PACKAGES) expect(Object.keys(dependencies)).toContain(pkg);
  });
});
