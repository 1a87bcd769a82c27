/**
 * The score table as plain objects, one per region and period, in reporting order — the shape
 * of a `results` entry of the JSON output, for library users who want objects, not columns.
 */
import type { ScoreTable } from '../../model/score-table.js';
import { tierId } from './labels.js';

export interface RegionResult {
  readonly region: string;
  readonly name: string | null;
  readonly group: string | null;
  readonly period: string | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly percentile: number | null;
  /** Tier id, or null when untiered. */
  readonly tier: string | null;
  readonly nodes: Readonly<Record<string, { score: number | null; rank: number | null; contribution: number | null }>>;
  readonly indicators: Readonly<Record<string, { value: number | null; normalised: number | null; imputed: boolean; effectiveWeight: number }>>;
}

const orNull = (x: number | undefined): number | null => (x === undefined || Number.isNaN(x) ? null : x);
const textOrNull = (s: string | undefined): string | null => (s === undefined || s === '' ? null : s);

export function toResults(table: ScoreTable): RegionResult[] {
  const { framework, dataset } = table;
  return Array.from(table.order, (row) => {
    const nodes: Record<string, { score: number | null; rank: number | null; contribution: number | null }> = {};
    for (const group of framework.groups) {
      const scores = table.nodes.get(group.id);
      nodes[group.id] = { score: orNull(scores?.score[row]), rank: orNull(scores?.rank[row]), contribution: orNull(scores?.contribution[row]) };
    }
    const indicators: Record<string, { value: number | null; normalised: number | null; imputed: boolean; effectiveWeight: number }> = {};
    for (const indicator of framework.indicators) {
      const scores = table.indicators.get(indicator.id);
      indicators[indicator.id] = {
        value: orNull(scores?.value[row]),
        normalised: orNull(scores?.normalised[row]),
        imputed: scores?.imputed[row] === 1,
        effectiveWeight: scores?.effectiveWeight[row] ?? 0,
      };
    }
    return {
      region: dataset.region[row] ?? '',
      name: textOrNull(dataset.name[row]),
      group: textOrNull(dataset.group[row]),
      period: textOrNull(dataset.period[row]),
      score: orNull(table.composite.score[row]),
      rank: orNull(table.composite.rank[row]),
      percentile: orNull(table.composite.percentile[row]),
      tier: tierId(framework, table.tier[row] ?? -1) ?? null,
      nodes,
      indicators,
    };
  });
}
