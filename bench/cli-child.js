/**
 * Runs the real CLI in this process — the bundle that bin/dgmi.js runs (dist/cli-bundle/main.js),
 * or dist/cli/main.js for a build from before the bundle — and reports its exit status and peak
 * RSS on stderr when the process ends, so the benchmark measures exactly what a user runs
 * (argument parsing, loading, scoring, formatting, atomic write). The CLI reads its arguments
 * from process.argv after this script's path, as it does after bin/dgmi.js's.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// BENCH_ROOT: another build to measure (run.js passes its environment on).
const dist = process.env['BENCH_ROOT'] ? pathToFileURL(`${resolve(process.env['BENCH_ROOT'])}/dist/`) : new URL('../dist/', import.meta.url);
const bundled = new URL('cli-bundle/main.js', dist);
process.on('exit', (status) => {
  process.stderr.write(`\nBENCH ${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
});
await import(existsSync(bundled) ? bundled.href : new URL('cli/main.js', dist).href);
