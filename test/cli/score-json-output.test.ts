/**
 * Where `dgmi score` output goes when that is not a plain file or an open pipe: a reader that
 * stops early (`| head`), a named pipe or a symlink as `--output`. Each case runs with and
 * without JSON worker threads, which must end as cleanly as the one-thread writer.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runDgmi } from './run-cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dgmi-json-out-'));
const bin = join(projectRoot, 'bin/dgmi.js');

/** 1,200 regions × 30 indicators: a JSON document of several MB, more than a pipe holds, in 3 batches. */
function generated(dir: string): { framework: string; data: string } {
  const indicators = Array.from({ length: 30 }, (_, k) => `i${k}`);
  const yaml = [
    'format: dgmi/1',
    'id: big',
    'name: { en: Big, zh: 大 }',
    'dimensions:',
    ...[0, 1].map(
      (d) =>
        `  - id: d${d}\n    name: { en: D${d}, zh: 维${d} }\n    indicators:\n` +
        indicators
          .filter((_, k) => k % 2 === d)
          .map((id) => `      - { id: ${id}, name: { en: ${id}, zh: ${id} } }`)
          .join('\n'),
    ),
  ].join('\n');
  let csv = `region,name,group,period,${indicators.join(',')}\n`;
  for (let r = 0; r < 1200; r++) csv += `${100000 + r},地区${r},east,2022,${indicators.map((_, k) => ((r * 31 + k * 17) % 1000) / 10).join(',')}\n`;
  const framework = join(dir, 'big.yaml');
  const data = join(dir, 'big.csv');
  writeFileSync(framework, `${yaml}\n`);
  writeFileSync(data, csv);
  return { framework, data };
}

interface Ended {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs dgmi, reads the first `bytes` of stdout, then closes the pipe as `head -c` does. */
function readHeadThenClose(args: readonly string[], bytes: number): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: projectRoot, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' } });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error('dgmi did not end after its stdout was closed'));
    }, 30_000);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      if (stdout.length >= bytes) return;
      stdout += chunk;
      if (stdout.length >= bytes) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: stdout.slice(0, bytes), stderr });
    });
  });
}

/** /dev/full: a character device whose every write fails with ENOSPC. */
function hasDevFull(): boolean {
  try {
    return statSync('/dev/full').isCharacterDevice();
  } catch {
    return false;
  }
}

describe('dgmi score: output that is not a plain file', () => {
  const dir = tmp();
  const { framework, data } = generated(dir);

  for (const [format, threads] of [
    ['json', '1'],
    ['json', '2'],
    ['csv', '1'],
  ] as const) {
    it(`a reader that stops early (| head -c 100), --format ${format} --threads ${threads}: quiet, the run's own status, no hung process`, async () => {
      const ended = await readHeadThenClose(['score', framework, data, '--format', format, '--threads', threads], 100);
      expect(ended.stdout.startsWith(format === 'json' ? '{\n  "format": "dgmi-result/1",' : 'period,rank,region,')).toBe(true);
      expect(ended.stderr).not.toMatch(/EPIPE|internal error|Unhandled/u);
      expect(ended.signal).toBeNull();
      expect(ended.status).toBe(0);
    });
  }

  // Reported as skipped, not passed, on a system without /dev/full.
  it.skipIf(!hasDevFull())('a write error on stdout other than a closed pipe (a full disk) is reported, exit 2', () => {
    const full = '/dev/full';
    for (const format of ['json', 'csv']) {
      const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" score "${framework}" "${data}" --format ${format} > ${full}`], {
        cwd: projectRoot,
        env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
        encoding: 'utf8',
      });
      expect(r.stderr).toContain('dgmi: cannot write to standard output');
      expect(r.stderr).not.toMatch(/internal error|Unhandled/u);
      expect(r.status).toBe(2);
    }
  });

  for (const threads of ['1', '2']) {
    it(`--output a named pipe writes into the pipe instead of replacing it (--threads ${threads})`, async () => {
      const fifoDir = tmp();
      const fifo = join(fifoDir, 'results.fifo');
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const reader = spawn('cat', [fifo]);
      let got = '';
      reader.stdout.setEncoding('utf8');
      reader.stdout.on('data', (chunk: string) => {
        got += chunk;
      });
      const readerClosed = new Promise<void>((resolve) => reader.on('close', () => resolve()));
      try {
        const r = await new Promise<Ended>((resolve) => {
          const child = spawn(process.execPath, [bin, 'score', framework, data, '--format', 'json', '--threads', threads, '--output', fifo], {
            cwd: projectRoot,
            env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' },
          });
          let stderr = '';
          child.stderr.setEncoding('utf8');
          child.stderr.on('data', (chunk: string) => {
            stderr += chunk;
          });
          child.on('close', (status, signal) => resolve({ status, signal, stdout: '', stderr }));
        });
        expect(r.stderr).not.toContain('cannot write');
        expect(r.status).toBe(0);
        expect(lstatSync(fifo).isFIFO()).toBe(true);
        await Promise.race([readerClosed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        expect(got).toBe(runDgmi(['score', framework, data, '--format', 'json', '--threads', '1']).stdout);
        expect(readdirSync(fifoDir)).toEqual(['results.fifo']);
      } finally {
        reader.kill();
      }
    });
  }

  it('--output through a symlink replaces the file it points to, atomically, and keeps the link', () => {
    const linkDir = tmp();
    const runs = join(linkDir, 'runs');
    mkdirSync(runs);
    const target = join(runs, '2022.json');
    writeFileSync(target, 'old');
    const link = join(linkDir, 'latest.json');
    symlinkSync(target, link);
    const r = runDgmi(['score', framework, data, '--format', 'json', '--output', link]);
    expect(r.status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe(runDgmi(['score', framework, data, '--format', 'json']).stdout);
    expect(readdirSync(linkDir).sort()).toEqual(['latest.json', 'runs']);
    expect(readdirSync(runs)).toEqual(['2022.json']);
  });
});

describe('dgmi score --output into a directory that does not exist', () => {
  it('names the missing directory, not a temporary file; exit 2; nothing written; in the chosen language', () => {
    const dir = tmp();
    const output = join(dir, 'missing', 'results.json');
    for (const threads of ['1', '2']) {
      const r = runDgmi(['score', 'test/fixtures/score/mini.yaml', 'test/fixtures/score/good.csv', '--format', 'json', '--threads', threads, '--output', output]);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`dgmi: cannot write ${output}: the directory ${join(dir, 'missing')} does not exist\n`);
    }
    const zh = runDgmi(['score', 'test/fixtures/score/mini.yaml', 'test/fixtures/score/good.csv', '--format', 'json', '--lang', 'zh', '--output', output]);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe(`dgmi: 无法写入 ${output}：目录 ${join(dir, 'missing')} 不存在\n`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
