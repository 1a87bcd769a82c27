/**
 * `node bench/ragged-rows.js [rows]` (after `npm run build`): a wide CSV exported with the wrong
 * delimiter (every data row one field, the header nine), read by dgmi, which stops at the
 * 1,000th ragged row, against csv-parse alone going through the whole file with the options
 * dgmi used before the stop (what reading it used to cost, before any diagnostic was made).
 */
import { parse } from 'csv-parse/sync';
import { parseSubmissions } from '../dist/load/submissions.js';
import { resolveFramework } from '../dist/validate/resolve.js';

const rows = Number(process.argv[2] ?? 200_000);
const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const framework = resolveFramework({
  format: 'dgmi/1',
  id: 'bench',
  name: { en: 'Bench' },
  dimensions: [{ id: 'd1', name: { en: 'D1' }, indicators: ids.map((id) => ({ id, name: { en: id } })) }],
});
const lines = [`region,${ids.join(',')}`];
for (let r = 0; r < rows; r++) lines.push(`${100000 + r};${ids.map((_, i) => (r * 7 + i) % 100).join(';')}`);
const text = `${lines.join('\n')}\n`;
const bytes = new TextEncoder().encode(text);

let t0 = performance.now();
const result = await parseSubmissions(framework, [{ path: 'ragged.csv', bytes, sha256: '' }], { threads: 1 });
const dgmiMs = performance.now() - t0;

t0 = performance.now();
parse(text, { delimiter: ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, on_record: () => undefined });
const fullParseMs = performance.now() - t0;

console.log(JSON.stringify({ rows, codes: result.diagnostics.map((d) => d.code), dgmiMs: Math.round(dgmiMs), fullParseMs: Math.round(fullParseMs), ratio: Number((fullParseMs / dgmiMs).toFixed(1)) }));
