/**
 * The rows the engine actually scores, in a canonical order.
 *
 * - Rows with data errors (`Dataset.excluded`) take no part: they would otherwise shift every
 *   other region's min–max, z-score or rank. They are put back afterwards, unscored, so the
 *   output still lists them.
 * - The others are scored sorted by (period, region). Floating-point sums depend on the order of
 *   their terms (a mean can differ in its last bit), and a last-bit difference can break a tie
 *   and move a tier; a canonical order makes every result independent of how rows were
 *   submitted, split into files, or ordered within them.
 */
import type { Dataset } from '../model/dataset.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../model/score-table.js';
import { allRows, compareCodeUnits, partitionRows, type Partition } from './partition.js';

/**
 * A score table before its reporting order, with the period partition of its rows: the engine
 * orders the table only once it holds the caller's rows.
 */
export interface PartitionedTable {
  readonly table: Omit<ScoreTable, 'order'>;
  readonly periods: Partition;
}

/** Non-excluded rows sorted by period, then region, then original position (for duplicate keys). */
export function canonicalRows(dataset: Dataset): Uint32Array {
  const excluded = dataset.excluded;
  const rows = excluded ? allRows(dataset.rowCount).filter((row) => excluded[row] !== 1) : allRows(dataset.rowCount);
  const { period, region } = dataset;
  const compare = (a: number, b: number): number =>
    compareCodeUnits(period[a] ?? '', period[b] ?? '') || compareCodeUnits(region[a] ?? '', region[b] ?? '') || a - b;
  // Files are often written in this order already; one linear check then saves the sort (a
  // comparator sort of 40,000 rows costs tens of milliseconds). The comparator never returns 0
  // for two rows, so rows in order are exactly what the sort would return.
  if (isInOrder(rows, compare)) return rows;
  return rows.sort(compare);
}

function isInOrder(rows: Uint32Array, compare: (a: number, b: number) => number): boolean {
  for (let k = 1; k < rows.length; k++) if (compare(rows[k - 1]!, rows[k]!) > 0) return false;
  return true;
}

/** Whether `rows` is every row in its original order (then no reordering is needed). */
export function isIdentity(rows: Uint32Array, rowCount: number): boolean {
  if (rows.length !== rowCount) return false;
  for (let i = 0; i < rows.length; i++) if (rows[i] !== i) return false;
  return true;
}

/** The dataset of just `kept` rows, in that order (their `excluded` marks travel with them). */
export function datasetOfRows(dataset: Dataset, kept: ArrayLike<number>): Dataset {
  const pick = <T>(column: readonly T[]): T[] => Array.from(kept, (row) => column[row] as T);
  const excluded = dataset.excluded;
  return {
    rowCount: kept.length,
    region: pick(dataset.region),
    name: pick(dataset.name),
    group: pick(dataset.group),
    period: pick(dataset.period),
    values: dataset.values.map((column) => Float64Array.from(kept, (row) => column[row] ?? NaN)),
    sources: pick(dataset.sources),
    ...(excluded ? { excluded: Uint8Array.from(kept, (row) => excluded[row] ?? 0) } : {}),
    inputs: dataset.inputs,
    ...(dataset.denominators
      ? { denominators: new Map([...dataset.denominators].map(([column, values]) => [column, Float64Array.from(kept, (row) => values[row] ?? NaN)] as const)) }
      : {}),
  };
}

function spread(column: Float64Array, kept: Uint32Array, rowCount: number): Float64Array {
  const out = new Float64Array(rowCount).fill(NaN);
  kept.forEach((row, i) => {
    out[row] = column[i] ?? NaN;
  });
  return out;
}

function spreadNode(node: NodeScores, kept: Uint32Array, n: number): NodeScores {
  return {
    score: spread(node.score, kept, n),
    rank: spread(node.rank, kept, n),
    percentile: spread(node.percentile, kept, n),
    contribution: spread(node.contribution, kept, n),
  };
}

function spreadIndicator(scores: IndicatorScores, kept: Uint32Array, n: number, full: Dataset, index: number): IndicatorScores {
  const value = spread(scores.value, kept, n);
  const raw = full.values[index];
  const excluded = full.excluded;
  // An excluded row still shows the values that were read, so the user can see what was wrong around it.
  if (raw && excluded) for (let row = 0; row < n; row++) if (excluded[row] === 1) value[row] = raw[row] ?? NaN;
  const imputed = new Uint8Array(n);
  const effectiveWeight = new Float64Array(n);
  kept.forEach((row, i) => {
    imputed[row] = scores.imputed[i] ?? 0;
    effectiveWeight[row] = scores.effectiveWeight[i] ?? 0;
  });
  return { value, normalised: spread(scores.normalised, kept, n), imputed, effectiveWeight };
}

/** The table of the kept rows, put back in the rows of `full` they came from (others unscored). */
export function restoreRows({ table }: PartitionedTable, full: Dataset, kept: Uint32Array): PartitionedTable {
  const n = full.rowCount;
  const composite = spreadNode(table.composite, kept, n);
  const nodes = new Map([...table.nodes].map(([id, node]) => [id, spreadNode(node, kept, n)] as const));
  const indicators = new Map(
    table.framework.indicators.map((indicator) => {
      const scores = table.indicators.get(indicator.id);
      if (!scores) throw new Error(`restoreRows: no scores for '${indicator.id}'`);
      return [indicator.id, spreadIndicator(scores, kept, n, full, indicator.index)] as const;
    }),
  );
  const tier = new Int32Array(n).fill(-1);
  kept.forEach((row, i) => {
    tier[row] = table.tier[i] ?? -1;
  });
  // Periods of `full`, not of the kept rows: a period whose every row was excluded is still listed.
  const periods = partitionRows(full.period);
  return { table: { ...table, dataset: full, periods: periods.labels, composite, nodes, indicators, tier }, periods };
}
