/**
 * Runs the real CLI in this process and reports its peak RSS on stderr, so the benchmark measures
 * exactly what a user runs (argument parsing, loading, scoring, formatting, atomic write).
 */
import { processIo } from '../dist/cli/io.js';
import { runCli } from '../dist/cli/program.js';

const status = await runCli(process.argv, processIo(), 'bench');
process.stderr.write(`\nBENCH ${JSON.stringify({ status, maxRssKiB: process.resourceUsage().maxRSS })}\n`);
process.exitCode = status;
