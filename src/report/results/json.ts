/**
 * `--format json`: the `dgmi-result/1` document of DESIGN.md ("Output contract"), byte for byte
 * what `JSON.stringify(document, null, 2)` would print, plus a trailing newline.
 *
 * The text is written directly rather than through `JSON.stringify` of an object graph: a
 * township-level run (40,000 regions × 200 indicators) has 8 million indicator entries, and
 * building that many small objects first would double the time and the memory. Such a
 * document is also longer than the longest string V8 can hold (about 2^29 characters), so the
 * document is produced as a sequence of chunks, one per result, that a caller can write out
 * one by one; `formatJson` joins them for the common, smaller case.
 */
import { diagnosticEntry } from '../diagnostics/json.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../../model/score-table.js';
import type { ResultFormatOptions, ResultFormatter } from './formatter.js';
import { tierId } from './labels.js';
import { selectRows } from './select.js';

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
 * Precomputed text around each number of a result's `nodes` or `indicators` object, so the
 * per-row loop only converts numbers and concatenates.
 */
interface EntryTemplate<Scores> {
  /** `{\n` or `,\n`, the key, and the text up to the first number. */
  readonly open: string;
  /** Undefined only for a malformed table; its numbers are then written as null. */
  readonly scores: Scores | undefined;
}

function entryTemplates<Scores>(
  ids: readonly string[],
  lookup: ReadonlyMap<string, Scores>,
  firstField: string,
): EntryTemplate<Scores>[] {
  return ids.map((id, i) => ({
    open: `${i === 0 ? '{\n' : ',\n'}        ${JSON.stringify(id)}: {\n          "${firstField}": `,
    scores: lookup.get(id),
  }));
}

const NODE_RANK = ',\n          "rank": ';
const NODE_CONTRIBUTION = ',\n          "contribution": ';
const INDICATOR_NORMALISED = ',\n          "normalised": ';
const INDICATOR_IMPUTED = ',\n          "imputed": ';
const ENTRY_CLOSE = '\n        }';
const OBJECT_CLOSE = '\n      }';

/**
 * The `dgmi-result/1` document as consecutive chunks (header, one per result, footer) whose
 * concatenation is the whole document. Write them out one by one when the document may be
 * larger than a string can hold (hundreds of thousands of indicator entries and up).
 */
export function* jsonResultChunks(table: ScoreTable, options: ResultFormatOptions): Generator<string, void, undefined> {
  const { framework, dataset } = table;
  const rows = selectRows(table, options);

  yield (
    '{\n' +
    `  "format": ${JSON.stringify(RESULT_FORMAT_ID)},\n` +
    `  "framework": ${nestedJson({ id: framework.id, version: framework.version ?? null, sha256: framework.sha256 ?? null }, 1)},\n` +
    `  "inputs": ${nestedJson(dataset.inputs.map((input) => ({ path: input.path, sha256: input.sha256 })), 1)},\n` +
    `  "scale": ${jsonNumber(framework.scale)},\n` +
    `  "results": ${rows.length === 0 ? '[]' : '['}`
  );

  const nodes = entryTemplates<NodeScores>(framework.groups.map((g) => g.id), table.nodes, 'score');
  const indicators = entryTemplates<IndicatorScores>(framework.indicators.map((i) => i.id), table.indicators, 'value');
  const emptyNodes = nodes.length === 0 ? '{}' : '';
  const emptyIndicators = indicators.length === 0 ? '{}' : '';
  const { composite } = table;
  // A row's numbers are converted by one JSON.stringify call: number-to-text conversion is most
  // of the cost, and V8's JSON serialiser does it faster than String(x) one number at a time
  // (measured: 40,000 × 200 in ~6 s instead of ~9 s on a 2-core box). It also writes NaN and
  // ±Infinity as null, as the contract wants, and a number's text never contains a comma.
  const numbers: (number | undefined)[] = new Array<number | undefined>(3 * nodes.length + 2 * indicators.length);
  const nodeColumns = nodes.map((n) => n.scores);
  const indicatorColumns = indicators.map((i) => i.scores);

  for (let k = 0; k < rows.length; k++) {
    const row = rows[k] ?? 0;
    let slot = 0;
    for (const s of nodeColumns) {
      numbers[slot++] = s?.score[row];
      numbers[slot++] = s?.rank[row];
      numbers[slot++] = s?.contribution[row];
    }
    for (const s of indicatorColumns) {
      numbers[slot++] = s?.value[row];
      numbers[slot++] = s?.normalised[row];
    }
    const texts = numbers.length === 0 ? [] : JSON.stringify(numbers).slice(1, -1).split(',');
    let text =
      `${k === 0 ? '\n' : ',\n'}    {\n` +
      `      "region": ${JSON.stringify(dataset.region[row] ?? '')},\n` +
      `      "name": ${jsonTextOrNull(dataset.name[row])},\n` +
      `      "group": ${jsonTextOrNull(dataset.group[row])},\n` +
      `      "period": ${jsonTextOrNull(dataset.period[row])},\n` +
      `      "score": ${jsonNumber(composite.score[row])},\n` +
      `      "rank": ${jsonNumber(composite.rank[row])},\n` +
      `      "tier": ${jsonTextOrNull(tierId(framework, table.tier[row] ?? -1))},\n` +
      `      "nodes": ${emptyNodes}`;
    slot = 0;
    for (const node of nodes) {
      text += node.open + texts[slot++] + NODE_RANK + texts[slot++] + NODE_CONTRIBUTION + texts[slot++] + ENTRY_CLOSE;
    }
    if (nodes.length > 0) text += OBJECT_CLOSE;
    text += `,\n      "indicators": ${emptyIndicators}`;
    for (const indicator of indicators) {
      const imputed = indicator.scores?.imputed[row] ? 'true' : 'false';
      text += indicator.open + texts[slot++] + INDICATOR_NORMALISED + texts[slot++] + INDICATOR_IMPUTED + imputed + ENTRY_CLOSE;
    }
    if (indicators.length > 0) text += OBJECT_CLOSE;
    yield `${text}\n    }`;
  }

  yield (
    `${rows.length === 0 ? '' : '\n  ]'},\n` +
    `  "diagnostics": ${nestedJson(table.diagnostics.map((d) => diagnosticEntry(d, options.lang)), 1)}\n` +
    '}\n'
  );
}

/**
 * `--format json`: the whole `dgmi-result/1` document as one string. For tables too large for
 * one string (V8 caps strings near 2^29 characters), write `jsonResultChunks` out instead.
 */
export const formatJson: ResultFormatter = (table, options) => {
  let text = '';
  for (const chunk of jsonResultChunks(table, options)) text += chunk;
  return text;
};
