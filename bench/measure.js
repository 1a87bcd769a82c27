/**
 * What every benchmark section shares: the build to measure, fresh-process timing, medians, and
 * writing a section of bench/results.md between its markers (the rest of the file is kept).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const benchDir = fileURLToPath(new URL('.', import.meta.url));
/** The project whose `bin/dgmi.js` is measured: this one, or another build (BENCH_ROOT) for a before/after. */
export const root = resolve(process.env['BENCH_ROOT'] ?? `${benchDir}..`);
export const dgmi = `${root}/bin/dgmi.js`;
export const runs = Number(process.env['BENCH_RUNS'] ?? 5);
export const resultsFile = process.env['BENCH_RESULTS'] ?? `${benchDir}results.md`;

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `node …args` in a fresh process: wall time, output, status. */
export function spawnNode(args, options = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, cwd: root, env: { PATH: process.env['PATH'] ?? '', NO_COLOR: '1' }, ...options });
  return { wallMs: performance.now() - t0, stdout: r.stdout, stderr: r.stderr, status: r.status };
}

/** Replaces the text between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->` (appending the section when absent). */
export function writeSection(name, lines) {
  const open = `<!-- bench:${name} -->`;
  const close = `<!-- /bench:${name} -->`;
  const body = [open, ...lines, close].join('\n');
  const text = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n';
  const start = text.indexOf(open);
  const end = text.indexOf(close);
  const next = start !== -1 && end > start ? text.slice(0, start) + body + text.slice(end + close.length) : `${text.trimEnd()}\n\n${body}\n`;
  writeFileSync(resultsFile, next);
}
