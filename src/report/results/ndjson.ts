/**
 * `--format ndjson`: newline-delimited JSON for results too large to load as one document. Each
 * line is one `dgmi-result/1` result — the same object, with the same keys in the same order, as
 * an element of the JSON document's `results` — and the last line holds the rest of the
 * document (`format`, `framework`, `inputs`, `scale`, `diagnostics`). A reader can stream it
 * (`jq -c`, `pandas.read_json(lines=True)`, DuckDB `read_ndjson`) with memory bounded by one
 * line; the writer yields batches, so dgmi's own memory does not grow with the output either.
 *
 * Lines are written from the same {@link JsonResultColumns} as the JSON document, as text
 * rather than through `JSON.stringify` of an object per result: at township scale that would be
 * eight million small objects.
 */
import { diagnosticEntry } from '../diagnostics/json.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { ResultFormatOptions, ResultFormatter } from './formatter.js';
import { jsonBatchRows, jsonResultColumns, RESULT_FORMAT_ID, rowNumberTexts, Utf8Builder, type JsonResultColumns } from './json.js';
import { hasGroups, hasIndicators } from './detail.js';
import { selectRows } from './select.js';

/** '' means "not given" for name, group, period and tier, as in the JSON document. */
function textOrNull(s: string | undefined): string {
  return s === undefined || s === '' ? 'null' : JSON.stringify(s);
}

function numberOrNull(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : 'null';
}

/** The fixed text before each node's and indicator's first number, worked out once per run. */
function lineTemplates(columns: JsonResultColumns): { nodeOpen: string[]; indicatorOpen: string[] } {
  const open = (ids: readonly string[], firstField: string) => ids.map((id, i) => `${i === 0 ? '' : ','}${JSON.stringify(id)}:{"${firstField}":`);
  return { nodeOpen: open(columns.nodeIds, 'score'), indicatorOpen: open(columns.indicatorIds, 'value') };
}

/** Results `rows[start..end)` as lines, each ending in `\n`, as UTF-8. */
export function ndjsonLines(columns: JsonResultColumns, rows: Uint32Array, start: number, end: number): Uint8Array {
  const { nodeOpen, indicatorOpen } = lineTemplates(columns);
  const { nodes, indicators } = columns;
  const withNodes = columns.detail === undefined || hasGroups(columns.detail);
  const withIndicators = columns.detail === undefined || hasIndicators(columns.detail);
  const numbers = new Array<number>(3 * nodes.length + 2 * indicators.length);
  const out = new Utf8Builder((end - start) * (200 + 60 * nodes.length + 60 * indicators.length));
  for (let k = start; k < end; k++) {
    const row = rows[k] ?? 0;
    const texts = rowNumberTexts(columns, row, numbers);
    // The text fields (names may be Chinese) are encoded apart from the numbers, which are ASCII:
    // one non-Latin-1 character makes a whole concatenated string two-byte, and encoding it
    // several times slower (as the JSON writer found).
    out.append(
      `{"region":${JSON.stringify(columns.region[row] ?? '')},"name":${textOrNull(columns.name[row])},` +
        `"group":${textOrNull(columns.group[row])},"period":${textOrNull(columns.period[row])},` +
        `"score":${numberOrNull(columns.score[row])},"rank":${numberOrNull(columns.rank[row])},"tier":${textOrNull(columns.tier[row])}`,
    );
    let line = '';
    let slot = 0;
    if (withNodes) {
      line += ',"nodes":{';
      for (const open of nodeOpen) line += `${open}${texts[slot++]},"rank":${texts[slot++]},"contribution":${texts[slot++]}}`;
      line += '}';
    }
    if (withIndicators) {
      line += ',"indicators":{';
      for (let i = 0; i < indicatorOpen.length; i++) {
        line += `${indicatorOpen[i] ?? ''}${texts[slot++]},"normalised":${texts[slot++]},"imputed":${indicators[i]?.imputed[row] ? 'true' : 'false'}}`;
      }
      line += '}';
    }
    out.append(`${line}}\n`);
  }
  return out.result();
}

/** The last line: everything of the `dgmi-result/1` document except its results. */
export function ndjsonTrailer(table: ScoreTable, options: Pick<ResultFormatOptions, 'lang'>): string {
  const { framework, dataset } = table;
  return `${JSON.stringify({
    format: RESULT_FORMAT_ID,
    framework: { id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null },
    inputs: dataset.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })),
    scale: Number.isFinite(framework.scale) ? framework.scale : null,
    diagnostics: table.diagnostics.map((d) => diagnosticEntry(d, options.lang)),
  })}\n`;
}

/** The lines in batches (about 50,000 numbers each), then the trailer: write them out one by one. */
export function* ndjsonResultChunks(table: ScoreTable, options: ResultFormatOptions): Generator<string | Uint8Array, void, undefined> {
  const rows = selectRows(table, options);
  const columns = jsonResultColumns(table, options.detail);
  const step = jsonBatchRows(columns);
  for (let start = 0; start < rows.length; start += step) yield ndjsonLines(columns, rows, start, Math.min(rows.length, start + step));
  yield ndjsonTrailer(table, options);
}

/** `--format ndjson` as one string, for tables small enough to hold as one. */
export const formatNdjson: ResultFormatter = (table, options) => {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of ndjsonResultChunks(table, options)) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
  return text;
};
