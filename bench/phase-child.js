/**
 * One measurement in a fresh process: `csv` times csv-parse alone on the file (the floor any CSV
 * tool pays); `phases` times dgmi's stages separately through the library API, each the way the
 * CLI runs it (`threads` "auto" as the CLI's default, or a number as `--threads N`).
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadFramework } from '../dist/load/framework.js';
import { loadSubmissions } from '../dist/load/submissions.js';
import { score } from '../dist/score/engine.js';
import { jsonResultChunks } from '../dist/report/results/json.js';
import { jsonThreads, parallelJsonChunks } from '../dist/cli/json-workers.js';
import { plainPalette } from '../dist/report/palette.js';

const [mode, frameworkPath, dataPath, threadsArg = 'auto'] = process.argv.slice(2);
const threads = threadsArg === 'auto' ? undefined : Number(threadsArg);
const now = () => performance.now();
const result = {};
if (mode === 'csv') {
  const t0 = now();
  const text = readFileSync(dataPath, 'utf8');
  const records = parse(text, { relax_column_count: true });
  result.csvParseMs = now() - t0;
  result.records = records.length;
} else {
  const t0 = now();
  const { framework } = await loadFramework(frameworkPath);
  const t1 = now();
  const { dataset } = await loadSubmissions(framework, [dataPath], { encoding: 'auto', maxBytes: 2 ** 31, ...(threads === undefined ? {} : { threads }) });
  const t2 = now();
  const table = score(framework, dataset);
  const t3 = now();
  // Counted, not written: the end-to-end runs measure the writing.
  const options = { lang: 'en', palette: plainPalette, toolVersion: 'bench' };
  const jsonWorkers = jsonThreads(table, threads);
  const chunks = jsonWorkers > 0 ? parallelJsonChunks(table, options, jsonWorkers) : jsonResultChunks(table, options);
  let jsonBytes = 0;
  for await (const chunk of chunks) jsonBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
  const t4 = now();
  Object.assign(result, { frameworkMs: t1 - t0, loadMs: t2 - t1, scoreMs: t3 - t2, jsonMs: t4 - t3, jsonBytes });
}
const usage = process.resourceUsage();
result.maxRssKiB = usage.maxRSS;
result.cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
process.stdout.write(JSON.stringify(result));
