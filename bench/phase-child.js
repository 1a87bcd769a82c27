/**
 * One measurement in a fresh process: `csv` times csv-parse alone on the file (the floor any CSV
 * tool pays); `phases` times dgmi's stages separately through the library API.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { loadFramework } from '../dist/load/framework.js';
import { loadSubmissions } from '../dist/load/submissions.js';
import { score } from '../dist/score/engine.js';
import { RESULT_STREAMS } from '../dist/report/results/index.js';
import { plainPalette } from '../dist/report/palette.js';

const [mode, frameworkPath, dataPath] = process.argv.slice(2);
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
  const { dataset } = await loadSubmissions(framework, [dataPath], { encoding: 'auto', maxBytes: 2 ** 31 });
  const t2 = now();
  const table = score(framework, dataset);
  const t3 = now();
  // The CLI streams JSON in chunks (township-scale JSON is longer than a V8 string may be).
  let jsonChars = 0;
  for (const chunk of RESULT_STREAMS.json(table, { lang: 'en', palette: plainPalette, toolVersion: 'bench' })) jsonChars += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
  const t4 = now();
  Object.assign(result, { frameworkMs: t1 - t0, loadMs: t2 - t1, scoreMs: t3 - t2, jsonMs: t4 - t3, jsonChars });
}
result.maxRssKiB = process.resourceUsage().maxRSS;
process.stdout.write(JSON.stringify(result));
