/**
 * `--format json`: the `dgmi-result/1` document of DESIGN.md ("Output contract"), byte for byte
 * what `JSON.stringify(document, null, 2)` would print, plus a trailing newline.
 *
 * The text is written directly rather than through `JSON.stringify` of an object graph: a
 * township-level run (40,000 regions × 200 indicators) has 8 million indicator entries, and
 * building that many small objects first would double the time and the memory. Such a
 * document is also longer than the longest string V8 can hold (about 2^29 characters), so the
 * document is produced as a head, the results in batches of rows, and a tail, which a caller
 * writes out one by one. Batches are written from plain data ({@link JsonResultColumns}), so
 * worker threads can write them (`src/cli/json-workers.ts`) with this same code.
 */
import { diagnosticEntry } from '../diagnostics/json.js';
import type { Dataset } from '../../model/dataset.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../../model/score-table.js';
import { hasGroups, hasIndicators, type ResultDetail } from './detail.js';
import type { ResultFormatOptions, ResultFormatter } from './formatter.js';
import { tierId } from './labels.js';
import { preparationJson } from './preparation-json.js';
import { selectRows } from './select.js';
import { weightEntries } from '../weights/json.js';

export const RESULT_FORMAT_ID = 'dgmi-result/1';

/** A JSON number as JSON.stringify writes it; NaN and ±Infinity (no value) become null. */
function jsonNumber(x: number | undefined): string {
  return x !== undefined && Number.isFinite(x) ? String(x) : 'null';
}

/** '' means "not given" for name, group and period. */
function jsonTextOrNull(s: string | undefined): string {
  return s === undefined || s === '' ? 'null' : JSON.stringify(s);
}

/** A small value pretty-printed as it would sit at nesting `depth` of the document. */
function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * What the results part of the document is written from: plain data (strings and typed
 * arrays, which may live in shared memory), so worker threads can write batches of it
 * (`src/cli/json-workers.ts`) with this same code. Arrays are per dataset row; `nodes` and
 * `indicators` follow `nodeIds` and `indicatorIds`. NaN is "no value" and is written as null.
 */
export interface JsonResultColumns extends Pick<Dataset, 'region' | 'name' | 'group' | 'period'>, Pick<NodeScores, 'score' | 'rank'> {
  readonly nodeIds: readonly string[];
  readonly indicatorIds: readonly string[];
  /** Tier id per row; '' when untiered. */
  readonly tier: readonly string[];
  readonly nodes: readonly Pick<NodeScores, 'score' | 'rank' | 'contribution'>[];
  readonly indicators: readonly Pick<IndicatorScores, 'value' | 'normalised' | 'imputed'>[];
  /** `--detail`: without groups the `nodes` key is left out, without indicators the `indicators` key; both are there when absent. */
  readonly detail?: ResultDetail | undefined;
}

/** A table's results as {@link JsonResultColumns}, sharing its arrays (no copy); groups and indicators only as `detail` asks. */
export function jsonResultColumns(table: ScoreTable, detail: ResultDetail = 'indicators'): JsonResultColumns {
  const { framework, dataset } = table;
  const groups = hasGroups(detail) ? framework.groups : [];
  const indicators = hasIndicators(detail) ? framework.indicators : [];
  const rowCount = dataset.region.length;
  const nan = () => new Float64Array(rowCount).fill(Number.NaN);
  return {
    detail,
    nodeIds: groups.map((g) => g.id),
    indicatorIds: indicators.map((i) => i.id),
    region: dataset.region,
    name: dataset.name,
    group: dataset.group,
    period: dataset.period,
    tier: Array.from(table.tier, (level) => tierId(framework, level) ?? ''),
    score: table.composite.score,
    rank: table.composite.rank,
    // A group or indicator missing from the table (only in a malformed one) is written as nulls.
    nodes: groups.map((g) => table.nodes.get(g.id) ?? { score: nan(), rank: nan(), contribution: nan() }),
    indicators: indicators.map((i) => table.indicators.get(i.id) ?? { value: nan(), normalised: nan(), imputed: new Uint8Array(rowCount) }),
  };
}

/**
 * Results per batch: about 50,000 numbers, a few megabytes of text — large enough that a
 * batch's fixed costs vanish, small enough that batches in flight stay far below memory limits.
 */
export function jsonBatchRows(columns: { readonly nodeIds: readonly unknown[]; readonly indicatorIds: readonly unknown[] }): number {
  return Math.max(1, Math.floor(50_000 / (3 * columns.nodeIds.length + 2 * columns.indicatorIds.length + 2)));
}

/** The fixed text around each number of a result's `nodes` and `indicators`, worked out once. */
export interface JsonRowTemplates {
  /** Per node: `{\n` or `,\n`, the key, and the text up to its score. */
  readonly nodeOpen: readonly string[];
  /** Per indicator: `{\n` or `,\n`, the key, and the text up to its value. */
  readonly indicatorOpen: readonly string[];
}

export function jsonRowTemplates(columns: Pick<JsonResultColumns, 'nodeIds' | 'indicatorIds'>): JsonRowTemplates {
  const open = (ids: readonly string[], firstField: string) =>
    ids.map((id, i) => `${i === 0 ? '{\n' : ',\n'}        ${JSON.stringify(id)}: {\n          "${firstField}": `);
  return { nodeOpen: open(columns.nodeIds, 'score'), indicatorOpen: open(columns.indicatorIds, 'value') };
}

const NODE_RANK = ',\n          "rank": ';
const NODE_CONTRIBUTION = ',\n          "contribution": ';
const INDICATOR_NORMALISED = ',\n          "normalised": ';
const INDICATOR_IMPUTED_TRUE = ',\n          "imputed": true\n        }';
const INDICATOR_IMPUTED_FALSE = ',\n          "imputed": false\n        }';
const ENTRY_CLOSE = '\n        }';
const OBJECT_CLOSE = '\n      }';

const utf8 = new TextEncoder();

/**
 * UTF-8 bytes that grow as results are appended. Each result is encoded as soon as it is
 * built: a result is a rope of a thousand small strings, and keeping a batch's worth of them
 * alive until a final join gets them promoted out of V8's young generation, where collecting
 * them costs more than building them (measured at township scale: 10 s instead of 5 s).
 */
export class Utf8Builder {
  private bytes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity));
  }

  append(text: string): void {
    let rest = text;
    for (;;) {
      const { read, written } = utf8.encodeInto(rest, this.bytes.subarray(this.length));
      this.length += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      // UTF-8 takes at most 3 bytes per UTF-16 code unit.
      const grown = new Uint8Array(Math.max(this.length + 3 * rest.length, 2 * this.bytes.length));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
  }

  /** The bytes written so far (a view, not a copy). */
  result(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }
}

/**
 * A row's numbers as text, in the order nodes (score, rank, contribution), then indicators
 * (value, normalised), NaN as `null`; `numbers` is scratch space of that length, reused per row.
 * One JSON.stringify call converts them: V8's serialiser turns numbers into text faster than
 * String(x) one at a time, and a number's text never contains a comma. Shared by JSON and NDJSON.
 */
export function rowNumberTexts(columns: Pick<JsonResultColumns, 'nodes' | 'indicators'>, row: number, numbers: number[]): string[] {
  let slot = 0;
  for (const s of columns.nodes) {
    numbers[slot++] = s.score[row] ?? Number.NaN;
    numbers[slot++] = s.rank[row] ?? Number.NaN;
    numbers[slot++] = s.contribution[row] ?? Number.NaN;
  }
  for (const s of columns.indicators) {
    numbers[slot++] = s.value[row] ?? Number.NaN;
    numbers[slot++] = s.normalised[row] ?? Number.NaN;
  }
  return numbers.length === 0 ? [] : JSON.stringify(numbers).slice(1, -1).split(',');
}

/**
 * Results `rows[start..end)` as they sit inside the document's `results` array, as UTF-8;
 * `start` 0 opens the array (no leading comma).
 */
export function jsonRowsBytes(columns: JsonResultColumns, templates: JsonRowTemplates, rows: Uint32Array, start: number, end: number): Uint8Array {
  const { nodeOpen, indicatorOpen } = templates;
  const { nodes, indicators } = columns;
  const emptyNodes = nodes.length === 0 ? '{}' : '';
  const emptyIndicators = indicators.length === 0 ? '{}' : '';
  const withNodes = columns.detail === undefined || hasGroups(columns.detail);
  const withIndicators = columns.detail === undefined || hasIndicators(columns.detail);
  // A row's numbers are converted by one JSON.stringify call: number-to-text conversion is most
  // of the cost, and V8's JSON serialiser does it faster than String(x) one number at a time
  // (measured: 40,000 × 200 in ~6 s instead of ~9 s on a 2-core box). It also writes NaN and
  // ±Infinity as null, as the contract wants, and a number's text never contains a comma.
  const numbers = new Array<number>(3 * nodes.length + 2 * indicators.length);
  const out = new Utf8Builder((end - start) * (400 + 120 * nodes.length + 150 * indicators.length));
  for (let k = start; k < end; k++) {
    const row = rows[k] ?? 0;
    const texts = rowNumberTexts(columns, row, numbers);
    // The head (names may be Chinese) is encoded apart from the rest, which is ASCII: a rope
    // with one non-Latin-1 character flattens to two-byte text and encodes several times slower.
    out.append(
      `${k === 0 ? '\n' : ',\n'}    {\n` +
        `      "region": ${JSON.stringify(columns.region[row] ?? '')},\n` +
        `      "name": ${jsonTextOrNull(columns.name[row])},\n` +
        `      "group": ${jsonTextOrNull(columns.group[row])},\n` +
        `      "period": ${jsonTextOrNull(columns.period[row])},\n` +
        `      "score": ${jsonNumber(columns.score[row])},\n` +
        `      "rank": ${jsonNumber(columns.rank[row])},\n` +
        `      "tier": ${jsonTextOrNull(columns.tier[row])}` +
        (withNodes ? `,\n      "nodes": ${emptyNodes}` : ''),
    );
    let text = '';
    let slot = 0;
    for (const open of nodeOpen) {
      text += open + texts[slot++] + NODE_RANK + texts[slot++] + NODE_CONTRIBUTION + texts[slot++] + ENTRY_CLOSE;
    }
    if (nodes.length > 0) text += OBJECT_CLOSE;
    if (withIndicators) text += `,\n      "indicators": ${emptyIndicators}`;
    for (let i = 0; i < indicatorOpen.length; i++) {
      text += (indicatorOpen[i] ?? '') + texts[slot++] + INDICATOR_NORMALISED + texts[slot++] + (indicators[i]?.imputed[row] ? INDICATOR_IMPUTED_TRUE : INDICATOR_IMPUTED_FALSE);
    }
    if (indicators.length > 0) text += OBJECT_CLOSE;
    out.append(`${text}\n    }`);
  }
  return out.result();
}

/** The document up to the first result. */
export function jsonHead(table: ScoreTable, hasResults: boolean): string {
  const { framework, dataset } = table;
  return (
    '{\n' +
    `  "format": ${JSON.stringify(RESULT_FORMAT_ID)},\n` +
    `  "framework": ${nestedJson({ id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null }, 1)},\n` +
    `  "inputs": ${nestedJson(dataset.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })), 1)},\n` +
    `  "scale": ${jsonNumber(framework.scale)},\n` +
    `  "results": ${hasResults ? '[' : '[]'}`
  );
}

/**
 * `"weights"`: the weight of every child of every node, per period where derived from the data
 * (issue 12). Written only when the framework weights something other than by its `weight:`
 * fields, so documents of other frameworks stay byte for byte what they were.
 */
function jsonWeights(table: ScoreTable): string {
  const { framework } = table;
  const derives = framework.weighting !== undefined || framework.groups.some((g) => g.weighting !== undefined);
  if (!derives || !table.weights) return '';
  return `  "weights": ${nestedJson(weightEntries({ framework, weights: table.weights }), 1)},\n`;
}

/** The document after the last result. */
export function jsonTail(table: ScoreTable, options: ResultFormatOptions, hasResults: boolean): string {
  return (
    `${hasResults ? '\n  ]' : ''},\n` +
    // Data preparation (issue 10): only for frameworks that prepare, so other documents are unchanged.
    (table.preparation ? `  "preparation": ${nestedJson(preparationJson(table.preparation), 1)},\n` : '') +
    jsonWeights(table) +
    `  "diagnostics": ${nestedJson(table.diagnostics.map((d) => diagnosticEntry(d, options.lang)), 1)}\n` +
    '}\n'
  );
}

/**
 * The `dgmi-result/1` document as consecutive chunks (head and tail as text, batches of
 * results as UTF-8) whose concatenation is the whole document. Write them out one by one when the document may be
 * larger than a string can hold (hundreds of thousands of indicator entries and up).
 */
export function* jsonResultChunks(table: ScoreTable, options: ResultFormatOptions): Generator<string | Uint8Array, void, undefined> {
  const rows = selectRows(table, options);
  yield jsonHead(table, rows.length > 0);
  const columns = jsonResultColumns(table, options.detail);
  const templates = jsonRowTemplates(columns);
  const step = jsonBatchRows(columns);
  for (let start = 0; start < rows.length; start += step) {
    yield jsonRowsBytes(columns, templates, rows, start, Math.min(rows.length, start + step));
  }
  yield jsonTail(table, options, rows.length > 0);
}

/**
 * `--format json`: the whole `dgmi-result/1` document as one string. For tables too large for
 * one string (V8 caps strings near 2^29 characters), write `jsonResultChunks` out instead.
 */
export const formatJson: ResultFormatter = (table, options) => {
  const decoder = new TextDecoder();
  let text = '';
  for (const chunk of jsonResultChunks(table, options)) text += typeof chunk === 'string' ? chunk : decoder.decode(chunk);
  return text;
};
