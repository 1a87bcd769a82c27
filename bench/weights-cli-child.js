/**
 * Runs the real CLI in this process (as bench/cli-child.js does) and reports the CPU time it
 * took on stderr, so bench/weights.js can compare `dgmi score` end to end with and without
 * derived weights on a machine other jobs share.
 */
import { processIo } from '../dist/cli/io.js';
import { runCli } from '../dist/cli/program.js';

const status = await runCli(process.argv, processIo(), 'bench');
const usage = process.resourceUsage();
process.stderr.write(`\nBENCH ${JSON.stringify({ status, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 })}\n`);
process.exitCode = status;
