/**
 * Preloaded into a measured process (`node --import ./bench/report-cpu.js …`): at exit, writes
 * the process's CPU time (user + system, every thread) to stderr as `BENCH_CPU_MS <ms>`. On a
 * machine shared with other work, wall time mostly measures waiting; CPU time much less so.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_CPU_MS ${(usage.userCPUTime + usage.systemCPUTime) / 1000}\n`);
});
