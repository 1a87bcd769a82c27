/**
 * Runs the real CLI in this process and reports its peak RSS on stderr, so the benchmark measures
 * exactly what a user runs (argument parsing, loading, scoring, formatting, atomic write).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

// BENCH_ROOT: another build to measure (run.js passes its environment on).
const dist = process.env['BENCH_ROOT'] ? pathToFileURL(`${resolve(process.env['BENCH_ROOT'])}/dist/`) : new URL('../dist/', import.meta.url);
const { processIo } = await import(new URL('cli/io.js', dist).href);
const { runCli } = await import(new URL('cli/program.js', dist).href);

const status = await runCli(process.argv, processIo(), 'bench');
process.stderr.write(`\nBENCH ${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = status;
