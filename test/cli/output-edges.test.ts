/**
 * Where results are written, at the edges a user hits: an interrupted long write, an output name
 * near the file-name limit, `--output` naming a directory, and `--threads` above the core count.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { capThreads } from '../../src/cli/threads.js';
import { projectRoot, runDgmi } from './run-cli.js';

const FW = 'test/fixtures/score/mini.yaml';
const GOOD = 'test/fixtures/score/good.csv';
const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-output-'));

/**
 * A process writing an endless output through the real `writeFileAtomic` (compiled), a chunk
 * every few milliseconds, as a township-scale write would for seconds; it is interrupted by
 * `signal` once its temporary file exists. Resolves with its exit status and what is left.
 */
async function interruptedWrite(signal: 'SIGINT' | 'SIGTERM'): Promise<{ status: number | null; left: string[] }> {
  const dir = tmp();
  const output = join(dir, 'results.json');
  const moduleUrl = pathToFileURL(join(projectRoot, 'dist/cli/output.js')).href;
  const script = `
    const { writeFileAtomic } = await import(${JSON.stringify(moduleUrl)});
    async function* endless() { for (;;) { yield 'x'.repeat(65536); await new Promise((r) => setTimeout(r, 5)); } }
    await writeFileAtomic(${JSON.stringify(output)}, endless());`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  for (let waited = 0; readdirSync(dir).length === 0; waited += 20) {
    if (waited > 10_000) throw new Error('the writer never created its temporary file');
    await new Promise((r) => setTimeout(r, 20));
  }
  child.kill(signal);
  return { status: await exited, left: readdirSync(dir) };
}

describe('an interrupted write', () => {
  it('SIGINT (Ctrl-C) removes the temporary file and exits 130', async () => {
    expect(await interruptedWrite('SIGINT')).toEqual({ status: 130, left: [] });
  });

  it('SIGTERM removes it and exits 143 (128 + 15, as the shell reports)', async () => {
    expect(await interruptedWrite('SIGTERM')).toEqual({ status: 143, left: [] });
  });
});

describe('--output', () => {
  it('an output name of 255 bytes is written: the temporary name is short', () => {
    const dir = tmp();
    // 251 ASCII bytes + ".csv" = 255, the ext4/APFS/NTFS limit for one name.
    const output = join(dir, `${'r'.repeat(251)}.csv`);
    const r = runDgmi(['score', FW, GOOD, '--format', 'csv', '--output', output, '--lang', 'en']);
    expect(r.stderr).toBe(`Wrote ${output}\n`);
    expect(r.status).toBe(0);
    expect(readFileSync(output, 'utf8').split('\r\n')[0]).toBe('period,rank,region,name,group,score,tier,tier_name,org,svc');
    expect(readdirSync(dir)).toEqual([`${'r'.repeat(251)}.csv`]);
  });

  it('a directory is named as such (en, zh), with status 2, and nothing is left in it', () => {
    const dir = tmp();
    const target = join(dir, 'reports');
    mkdirSync(target);
    const en = runDgmi(['score', FW, GOOD, '--format', 'json', '--output', target, '--lang', 'en']);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(`dgmi: cannot write ${target}: it is a directory; give --output a file name, e.g. ${join(target, 'results')}\n`);
    const zh = runDgmi(['score', FW, GOOD, '--format', 'json', '--output', target, '--lang', 'zh']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toContain(`无法写入 ${target}：它是一个目录`);
    expect(readdirSync(target)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['reports']);
  });
});

describe('--threads above the core count', () => {
  it('is cut to the cores, with the notice only then (pure)', () => {
    // 8 asked, 2 cores → 2; 2 asked, 4 cores → 2, no notice.
    expect(capThreads(8, 2, 'en')).toEqual({ threads: 2, notice: "dgmi: --threads 8 is more than this machine's 2 CPU cores; using 2\n" });
    expect(capThreads(2, 4, 'en')).toEqual({ threads: 2 });
    expect(capThreads(4, 4, 'zh')).toEqual({ threads: 4 });
    expect(capThreads(3, 0, 'zh').threads).toBe(1);
    expect(capThreads(5, 1, 'zh').notice).toBe('dgmi: --threads 5 超过本机的 1 个 CPU 核心，按 1 个线程运行\n');
  });

  it('says so once on stderr, and the output is that of a run without threads', () => {
    const cores = availableParallelism();
    const many = cores + 61;
    const r = runDgmi(['score', FW, GOOD, '--format', 'csv', '--threads', String(many), '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`dgmi: --threads ${many} is more than this machine's ${cores} CPU cores; using ${cores}\n`);
    expect(r.stdout).toBe(runDgmi(['score', FW, GOOD, '--format', 'csv', '--threads', '1']).stdout);
  });

  it('says nothing when the request fits', () => {
    const r = runDgmi(['score', FW, GOOD, '--format', 'csv', '--threads', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
