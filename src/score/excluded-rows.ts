/**
 * Rows with data errors (`Dataset.excluded`) take no part in scoring: they would otherwise
 * shift every other region's min–max, z-score or rank. We score the remaining rows as a dataset
 * of their own and put the excluded rows back, unscored, so the output still lists them.
 */
import type { Dataset } from '../model/dataset.js';
import type { IndicatorScores, NodeScores, ScoreTable } from '../model/score-table.js';
import { reportingOrder } from './order.js';
import { partitionRows } from './partition.js';

export function hasExcludedRows(dataset: Dataset): boolean {
  return dataset.excluded !== undefined && dataset.excluded.includes(1);
}

export interface KeptRows {
  readonly dataset: Dataset;
  /** kept[i] is the row of the full dataset that row i of the kept dataset came from. */
  readonly kept: Uint32Array;
}

export function withoutExcludedRows(dataset: Dataset): KeptRows {
  const excluded = dataset.excluded ?? new Uint8Array(dataset.rowCount);
  const kept = Uint32Array.from({ length: dataset.rowCount }, (_, row) => row).filter((row) => excluded[row] !== 1);
  const pick = <T>(column: readonly T[]): T[] => Array.from(kept, (row) => column[row] as T);
  return {
    kept,
    dataset: {
      rowCount: kept.length,
      region: pick(dataset.region),
      name: pick(dataset.name),
      group: pick(dataset.group),
      period: pick(dataset.period),
      values: dataset.values.map((column) => Float64Array.from(kept, (row) => column[row] ?? NaN)),
      sources: pick(dataset.sources),
      inputs: dataset.inputs,
    },
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
  // An excluded row still shows the values that were read, so the user can see what was wrong around it.
  const raw = full.values[index];
  const excluded = full.excluded;
  if (raw && excluded) for (let row = 0; row < n; row++) if (excluded[row] === 1) value[row] = raw[row] ?? NaN;
  const imputed = new Uint8Array(n);
  const effectiveWeight = new Float64Array(n);
  kept.forEach((row, i) => {
    imputed[row] = scores.imputed[i] ?? 0;
    effectiveWeight[row] = scores.effectiveWeight[i] ?? 0;
  });
  return { value, normalised: spread(scores.normalised, kept, n), imputed, effectiveWeight };
}

/** The table of the kept rows, widened back to every row of `full`. */
export function restoreExcludedRows(table: ScoreTable, full: Dataset, kept: Uint32Array): ScoreTable {
  const n = full.rowCount;
  const composite = spreadNode(table.composite, kept, n);
  const nodes = new Map([...table.nodes].map(([id, node]) => [id, spreadNode(node, kept, n)] as const));
  const indicators = new Map(
    table.framework.indicators.map((indicator) => {
      const scores = table.indicators.get(indicator.id);
      if (!scores) throw new Error(`restoreExcludedRows: no scores for '${indicator.id}'`);
      return [indicator.id, spreadIndicator(scores, kept, n, full, indicator.index)] as const;
    }),
  );
  const tier = new Int32Array(n).fill(-1);
  kept.forEach((row, i) => {
    tier[row] = table.tier[i] ?? -1;
  });
  const periods = partitionRows(full.period);
  return {
    ...table,
    dataset: full,
    periods: periods.labels,
    composite,
    nodes,
    indicators,
    tier,
    order: reportingOrder(periods.labelOf, composite.rank, full.region),
  };
}
