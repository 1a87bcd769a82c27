/**
 * Start-up (issue 15): each command loads only what it uses. The real executable runs with a
 * recorder of every JavaScript file it loads (test/fixtures/startup/record-modules.mjs), and
 * the test names the packages and dgmi modules that must not be among them — so a static
 * import of a command module or a heavy library in `src/cli/program.ts` fails here, not only
 * in a benchmark.
 *
 * The executable runs the CLI bundled by esbuild (dist/cli-bundle/, `npm run bundle`): what
 * loads there are chunks, each holding the modules that the same set of entry points and lazy
 * imports reach. The build writes esbuild's metafile, and each loaded chunk stands here for the
 * modules and packages it holds, so the assertions below name the same `dist/…` modules and
 * packages as without the bundle.
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

/** What esbuild's metafile says of one output file: the source files (and packages) inside it. */
interface BundleOutput {
  readonly inputs: Readonly<Record<string, unknown>>;
}
const BUNDLE_DIR = 'dist/cli-bundle/';
const bundleOutputs = (JSON.parse(readFileSync(join(projectRoot, BUNDLE_DIR, 'meta.json'), 'utf8')) as { outputs: Record<string, BundleOutput> }).outputs;

/**
 * A loaded file as the files it was built from: a chunk of the bundle as its inputs (paths in
 * the project, as the metafile writes them), anything else as itself. A chunk the metafile does
 * not know means a stale build, which must fail rather than hide what loaded.
 */
function sourcesOf(inProject: string): readonly string[] {
  if (!inProject.startsWith(BUNDLE_DIR)) return [inProject];
  const output = bundleOutputs[inProject];
  if (output === undefined) throw new Error(`${inProject} is not in ${BUNDLE_DIR}meta.json: rebuild (npm run build)`);
  return Object.keys(output.inputs);
}

interface Loaded {
  readonly status: number | null;
  /** Files of the bundle loaded (`dist/cli-bundle/…`), before they are mapped to their inputs. */
  readonly bundleFiles: ReadonlySet<string>;
  /** Files of dist/ loaded as themselves, not through the bundle (the library's, dist/index.js and what it imports). */
  readonly unbundled: ReadonlySet<string>;
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
  const bundleFiles = new Set<string>();
  const unbundled = new Set<string>();
  for (const path of paths) {
    const inProject = relative(projectRoot, path).split(sep).join('/');
    if (inProject.startsWith(BUNDLE_DIR)) bundleFiles.add(inProject);
    else if (inProject.startsWith('dist/')) unbundled.add(inProject);
    for (const source of sourcesOf(inProject)) {
      const pkg = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//u.exec(source);
      if (pkg?.[1] !== undefined) packages.add(pkg[1]);
      else if (source.startsWith('dist/')) modules.add(source);
    }
  }
  return { status: result.status, bundleFiles, unbundled, packages, modules };
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
/** The modules of `dist/cli/commands/` a run loaded, sorted. */
function commandModules(run: Loaded): string[] {
  return [...run.modules].filter((m) => m.startsWith('dist/cli/commands/')).sort();
}

/** The samples that are UTF-8 (the rest are GB18030, as exported by Excel on Chinese Windows). */
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Samples = samples.filter((path) => {
  try {
    utf8Decoder.decode(readFileSync(join(projectRoot, path)));
    return true;
  } catch {
    return false;
  }
});
/** Libraries a run on UTF-8 CSV with a built-in region list has no use for. */
const NOT_FOR_UTF8_CSV = ['piscina', 'exceljs', 'read-excel-file', 'fflate', 'saxen', 'iconv-lite', 'cli-table3', 'simple-statistics', 'ml-matrix', 'ml-pca', 'echarts', 'hyparquet-writer', 'cli-progress'];

/** Loaded only by the commands (and options) that use them. */
const HEAVY_PACKAGES = ['exceljs', 'read-excel-file', 'fflate', 'saxen', 'simple-statistics', 'piscina', 'cli-table3', 'iconv-lite', 'zod', 'yaml', 'csv-parse', 'chalk', 'echarts', 'hyparquet-writer', 'ml-pca', 'ml-matrix', 'cli-progress'];

describe('what each command loads', () => {
  it('--version alone loads no package and not the program; --help loads commander and the program only', () => {
    for (const flag of ['--version', '-v']) {
      const run = loaded(['bin/dgmi.js', flag]);
      expect(run.status).toBe(0);
      expect([...run.packages]).toEqual([]);
      expect([...run.modules].sort()).toEqual(['dist/cli/io.js', 'dist/cli/main.js']);
      // Through the bundle: its entry, and the chunks holding io (shared with the workers) and esbuild's helpers.
      expect(run.bundleFiles).toContain('dist/cli-bundle/main.js');
      expect([...run.unbundled]).toEqual([]);
    }
    const help = loaded(['bin/dgmi.js', '--help']);
    expect(help.status).toBe(0);
    expect([...help.packages]).toEqual(['commander']);
    expect([...help.modules].sort()).toEqual([...PROGRAM_MODULES].sort());
    expect([...help.unbundled]).toEqual([]);
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

  it('validate loads its own command only, and no reader, table, encoding, statistics or worker-pool library for a UTF-8 framework', () => {
    const run = loaded(['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml']);
    expect(run.status).toBe(0);
    expect(run.packages.has('zod') && run.packages.has('yaml')).toBe(true);
    // No --data: not even the CSV parser (the framework's region list is built in).
    for (const pkg of [...NOT_FOR_UTF8_CSV, 'csv-parse']) expect(run.packages, pkg).not.toContain(pkg);
    expect(run.modules).not.toContain('dist/load/submissions.js');
    expect(commandModules(run)).toEqual(['dist/cli/commands/shared.js', 'dist/cli/commands/validate.js']);
    expect([...run.unbundled]).toEqual([]);
  });

  it('validate --data on UTF-8 CSV loads the CSV parser but no XLSX, encoding, table or worker-pool library', () => {
    const run = loaded(['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml', '--data', ...utf8Samples]);
    // 1, not 0: the provinces whose 2021 sample is GB18030 have no 2021 row (region-required-missing).
    expect(run.status).toBe(1);
    expect(run.packages).toContain('csv-parse');
    for (const pkg of NOT_FOR_UTF8_CSV) expect(run.packages, pkg).not.toContain(pkg);
  });

  it('score --format csv on UTF-8 CSV loads no XLSX, table, encoding, statistics, chart, Parquet, PCA, progress or worker-pool library and no other command', () => {
    const run = loaded(['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', ...utf8Samples, '--format', 'csv']);
    // 1, not 0, for the same missing 2021 rows; the scores are still written.
    expect(run.status).toBe(1);
    for (const pkg of NOT_FOR_UTF8_CSV) expect(run.packages, pkg).not.toContain(pkg);
    // Only the CSV writer among the formatters: not the registry that imports them all.
    expect(run.modules).toContain('dist/report/results/csv.js');
    for (const m of ['dist/report/results/index.js', 'dist/report/results/table.js', 'dist/report/results/xlsx.js', 'dist/load/xlsx-table.js']) expect(run.modules, m).not.toContain(m);
    expect(commandModules(run)).toEqual(['dist/cli/commands/inputs.js', 'dist/cli/commands/score.js', 'dist/cli/commands/shared.js']);
    expect(run.modules).not.toContain('dist/cli/json-worker.js');
  });

  it('the same recorder sees each of those libraries where it is used, so their absence above is not an artefact', () => {
    // The table format loads cli-table3; a GB18030 submission (Henan's sample) loads iconv-lite.
    const table = loaded(['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--format', 'table']);
    expect(table.status).toBe(0);
    expect(table.packages).toContain('cli-table3');
    const gb18030 = samples.filter((path) => !utf8Samples.includes(path));
    expect(gb18030.length).toBeGreaterThan(0);
    const decoded = loaded(['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml', '--data', ...gb18030]);
    expect(decoded.packages).toContain('iconv-lite');
    // An .xlsx submission loads the XLSX reader; a CSV file read in pieces (--threads 2) starts
    // piece threads; sensitivity replications on threads load piscina.
    const workbook = loaded(['bin/dgmi.js', 'validate', 'indicators/cn-dgdi.yaml', '--data', 'test/fixtures/xlsx/mixed.xlsx']);
    for (const pkg of ['fflate', 'saxen', 'read-excel-file']) expect(workbook.packages, pkg).toContain(pkg);
    const threaded = loaded(['bin/dgmi.js', 'score', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--format', 'csv', '--threads', '2']);
    expect(threaded.status).toBe(0);
    expect(threaded.modules).toContain('dist/load/piece-threads.js');
    const replications = loaded(['bin/dgmi.js', 'sensitivity', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--spec', 'test/fixtures/sensitivity/good/uncertainty.yaml', '--runs', '40', '--threads', '2']);
    expect(replications.status).toBe(0);
    expect(replications.packages).toContain('piscina');
    // Data-derived weights load simple-statistics: this framework weights one group by CRITIC.
    const critic = loaded(['bin/dgmi.js', 'weights', 'test/fixtures/weights/entropy.yaml', 'test/fixtures/weights/data.csv']);
    expect(critic.packages).toContain('simple-statistics');
  });

  it('audit, weights, sensitivity and report load no other command\'s module', () => {
    const runs: Record<string, readonly string[]> = {
      audit: ['audit', 'test/fixtures/prepare/prep.yaml', 'test/fixtures/prepare/good.csv'],
      weights: ['weights', 'test/fixtures/weights/entropy.yaml', 'test/fixtures/weights/data.csv'],
      sensitivity: ['sensitivity', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--spec', 'test/fixtures/sensitivity/good/uncertainty.yaml', '--runs', '5', '--threads', '1'],
      report: ['report', 'test/fixtures/score/mini.yaml', 'test/fixtures/score/good.csv', '--output', join(scratch, 'report.html')],
    };
    for (const [command, args] of Object.entries(runs)) {
      const run = loaded(['bin/dgmi.js', ...args]);
      expect(run.status, command).toBe(0);
      expect(commandModules(run), command).toEqual(['dist/cli/commands/inputs.js', `dist/cli/commands/${command}.js`, 'dist/cli/commands/shared.js'].sort());
    }
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
