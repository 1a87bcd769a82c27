/**
 * The executable runs the CLI bundled by esbuild (dist/cli-bundle/, built by `npm run bundle`).
 * Code that finds a file relative to its own module moves with the bundle: the workers (piscina's,
 * and the piece threads reading a large CSV) are entry points of the bundle, next to the chunks that name them with
 * `new URL('./…-worker.js', import.meta.url)`. Each of those callers quietly does the work in one
 * thread when the file is missing (that is what it does under vitest, from the TypeScript
 * sources), so the same output alone would not show that the bundle's workers run: these tests
 * also count the worker threads started.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from './run-cli.js';

const BUNDLE_DIR = 'dist/cli-bundle';
interface BundleOutput {
  readonly entryPoint?: string;
  readonly inputs: Readonly<Record<string, unknown>>;
}
const outputs = (JSON.parse(readFileSync(join(projectRoot, BUNDLE_DIR, 'meta.json'), 'utf8')) as { outputs: Record<string, BundleOutput> }).outputs;

/** Each worker of the bundle, by the file name its caller asks for, with the module it is built from. */
const WORKERS = {
  'json-worker.js': 'dist/cli/json-worker.js',
  'csv-worker.js': 'dist/cli/csv-worker.js',
  'sensitivity-worker.js': 'dist/cli/sensitivity-worker.js',
  'wide-rows-worker.js': 'dist/load/wide-rows-worker.js',
} as const;

const scratch = mkdtempSync(join(tmpdir(), 'dgmi-bundle-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const recorder = join(projectRoot, 'test/fixtures/startup/record-modules.mjs');
const twoCores = join(projectRoot, 'test/fixtures/startup/two-cores.mjs');
/** The file piscina runs first in each of its threads (CommonJS, so each thread's require cache lists it once). */
const PISCINA_THREAD = /node_modules\/piscina\/dist\/worker\.js$/u;
/** The script of each piece thread reading a large CSV (src/load/piece-threads.ts: plain worker_threads, not piscina). */
const PIECE_THREAD = /dist\/cli-bundle\/wide-rows-worker\.js$/u;

let runs = 0;
/** Runs bin/dgmi.js on two cores with the module recorder: its output, the worker threads piscina started, and the piece threads. */
function runCounted(args: readonly string[]): { status: number | null; stdout: string; stderr: string; threads: number; pieceThreads: number } {
  const record = join(scratch, `run-${++runs}.txt`);
  writeFileSync(record, '');
  const result = spawnSync(process.execPath, ['--import', twoCores, '--import', recorder, 'bin/dgmi.js', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1', DGMI_RECORD_MODULES: record },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const lines = readFileSync(record, 'utf8').split('\n');
  const threads = lines.filter((line) => PISCINA_THREAD.test(line)).length;
  const pieceThreads = lines.filter((line) => PIECE_THREAD.test(line)).length;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, threads, pieceThreads };
}

/**
 * 8,000 regions of test/fixtures/score/mini.yaml (2 dimensions, 3 indicators): split into two
 * pieces with `--threads 2`, and three JSON batches (a batch holds 50,000 / (3 × 2 + 2 × 3 + 2)
 * = 3,571 rows), so JSON is written on min(2, 3) = 2 threads.
 */
function wideCsv(): string {
  const levels = ['未建立', '试点', '全面推行'];
  let csv = 'region,name,group,period,cdo,online,days\n';
  for (let r = 0; r < 8000; r++) csv += `R${r},地区${r},${r % 2 ? 'west' : 'east'},2022,${levels[r % 3]},${(r * 37) % 101},${(r * 13) % 30}\n`;
  const path = join(scratch, 'wide.csv');
  writeFileSync(path, csv);
  return path;
}

describe('the bundled CLI', () => {
  it('has each worker as an entry point in the folder of the chunks that name it', () => {
    const texts = Object.keys(outputs)
      .filter((file) => file.endsWith('.js'))
      .map((file) => ({ file, text: readFileSync(join(projectRoot, file), 'utf8') }));
    // One flat folder: a chunk in a subfolder would resolve './…-worker.js' to a file that is not there.
    for (const { file } of texts) expect(file).toMatch(/^dist\/cli-bundle\/[^/]+\.js$/u);
    for (const [name, source] of Object.entries(WORKERS)) {
      expect(outputs[`${BUNDLE_DIR}/${name}`]?.entryPoint, name).toBe(source);
      const callers = texts.filter(({ text }) => text.includes(`new URL("./${name}", import.meta.url)`));
      expect(callers.length, name).toBe(1);
    }
    expect(outputs[`${BUNDLE_DIR}/main.js`]?.entryPoint).toBe('dist/cli/main.js');
  });

  it('reads a large file on a piece thread and this one, with the same output as in one thread', () => {
    const data = wideCsv();
    const one = runCounted(['score', 'test/fixtures/score/mini.yaml', data, '--format', 'csv', '--threads', '1']);
    const two = runCounted(['score', 'test/fixtures/score/mini.yaml', data, '--format', 'csv', '--threads', '2']);
    expect(one.status).toBe(0);
    expect([one.threads, one.pieceThreads]).toEqual([0, 0]);
    expect(two.status).toBe(0);
    // Two readers: this thread and one piece thread. The CSV is one batch (about 7,900 rows), written here.
    expect([two.threads, two.pieceThreads]).toEqual([0, 1]);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('writes CSV batches on worker threads, with the same bytes as in one thread', () => {
    const data = wideCsv();
    // 8,000 rows with every indicator: a CSV batch holds about 1 MB / (40 + 18 × 10) = 4,766 rows, so 2 batches.
    const args = ['score', 'test/fixtures/score/mini.yaml', data, '--format', 'csv', '--detail', 'indicators'];
    const one = runCounted([...args, '--threads', '1']);
    const two = runCounted([...args, '--threads', '2']);
    expect([one.status, one.threads]).toEqual([0, 0]);
    expect([two.status, two.threads, two.pieceThreads]).toEqual([0, 2, 1]);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes JSON on worker threads too: two more threads than reading alone', () => {
    const data = wideCsv();
    const one = runCounted(['score', 'test/fixtures/score/mini.yaml', data, '--format', 'json', '--threads', '1']);
    const two = runCounted(['score', 'test/fixtures/score/mini.yaml', data, '--format', 'json', '--threads', '2']);
    expect(one.status).toBe(0);
    expect([one.threads, one.pieceThreads]).toEqual([0, 0]);
    expect(two.status).toBe(0);
    // 1 piece thread reading with this one + 2 piscina threads writing the JSON batches.
    expect([two.threads, two.pieceThreads]).toEqual([2, 1]);
    expect(two.stdout).toBe(one.stdout);
  });

  it('runs sensitivity replications on worker threads, with the same output as in one thread', () => {
    const args = ['sensitivity', 'indicators/cn-dgdi.yaml', 'samples/provinces-2022.csv', '--spec', 'test/fixtures/sensitivity/good/uncertainty.yaml', '--runs', '20', '--format', 'json'];
    const one = runCounted([...args, '--threads', '1']);
    const two = runCounted([...args, '--threads', '2']);
    expect(one.status).toBe(0);
    expect([one.threads, one.pieceThreads]).toEqual([0, 0]);
    expect(two.status).toBe(0);
    // 1 piece thread reading the submission with this one (--threads 2 splits any file) + 2 piscina threads running replications.
    expect([two.threads, two.pieceThreads]).toEqual([2, 1]);
    expect(two.stdout).toBe(one.stdout);
  });
});
