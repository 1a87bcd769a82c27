/** The value `dgmi sensitivity` computes, and how it is assembled from the accumulators. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { InputFile } from '../../model/dataset.js';
import type { LocalizedText } from '../../model/i18n.js';
import type { ScoreTable } from '../../model/score-table.js';
import type { Accumulators } from './accumulate.js';
import type { SensitivityModel } from './core.js';
import { rankStatistics } from './rank-statistics.js';
import { sobolIndices, type SobolIndex } from './sobol.js';
import { normaliseOptionLabel, type Assumption, type SensitivitySpec } from './spec.js';

export const SENSITIVITY_RESULT_FORMAT = 'dgmi-sensitivity-result/1';

export interface RegionSensitivity {
  readonly region: string;
  readonly name: string;
  readonly group: string;
  readonly period: string;
  /** The nominal result (the framework as written): score, rank, tier id (null when untiered). */
  readonly score: number;
  readonly rank: number;
  readonly tier: string | null;
  /** Over the replications that scored the row; NaN when none did. */
  readonly meanRank: number;
  readonly medianRank: number;
  readonly p5Rank: number;
  readonly p95Rank: number;
  /** Share of replications that scored the row (1 unless an option leaves it unscored). */
  readonly scoredShare: number;
  /** Share of replications that put the row in each tier level (best first); empty without tiers. */
  readonly tierProbabilities: readonly number[];
}

export interface AssumptionSummary {
  readonly kind: Assumption['kind'];
  /** What was drawn: option names, or `level:noise` for weights. */
  readonly options: readonly string[];
  /** Under `--method sobol`: indices of the mean absolute rank shift. */
  readonly sobol?: SobolIndex | undefined;
}

export interface SensitivityResult {
  readonly format: typeof SENSITIVITY_RESULT_FORMAT;
  readonly framework: { readonly id: string; readonly name: LocalizedText; readonly version?: string | undefined; readonly sha256?: string | undefined };
  readonly inputs: readonly InputFile[];
  readonly method: SensitivitySpec['method'];
  /** Replications (uncertainty) or the base sample N (sobol). */
  readonly runs: number;
  /** Replications made: runs, or N × (k + 2) under sobol. */
  readonly replications: number;
  readonly seed: number;
  readonly bootstrap?: number | undefined;
  readonly tiers: readonly { readonly id: string; readonly name: LocalizedText }[];
  readonly assumptions: readonly AssumptionSummary[];
  /** Mean over replications of the mean absolute rank shift against the nominal ranks. */
  readonly meanRankShift: number;
  /** Rows in reporting order: period, nominal rank (unscored last), region. */
  readonly regions: readonly RegionSensitivity[];
  readonly diagnostics: readonly Diagnostic[];
}

function optionsOf(assumption: Assumption): string[] {
  if (assumption.kind === 'weights') return assumption.levels.map((l) => `${l.level}:${l.noise}`);
  if (assumption.kind === 'winsorise') return assumption.options.map(String);
  return assumption.kind === 'normalise' ? assumption.options.map(normaliseOptionLabel) : [...assumption.options];
}

/** Rank statistics per row and, under sobol, the indices; pure. */
export function finishSensitivity(table: ScoreTable, model: SensitivityModel, spec: SensitivitySpec, acc: Accumulators, replications: number): SensitivityResult {
  const { framework } = model;
  const canonicalOf = new Int32Array(table.dataset.rowCount).fill(-1);
  model.sourceRows.forEach((source, row) => {
    canonicalOf[source] = row;
  });
  const rankStride = model.maxRank + 1;
  const tierStride = model.tierCount + 1;
  const levels = framework.tiers?.levels ?? [];
  const regions = Array.from(table.order, (source): RegionSensitivity => {
    const row = canonicalOf[source]!;
    const stats = row >= 0 ? rankStatistics(acc.rankCounts, row * rankStride, model.maxRank) : { scored: 0, mean: NaN, median: NaN, p5: NaN, p95: NaN };
    const tier = table.tier[source]!;
    return {
      region: table.dataset.region[source] ?? '',
      name: table.dataset.name[source] ?? '',
      group: table.dataset.group[source] ?? '',
      period: table.dataset.period[source] ?? '',
      score: table.composite.score[source]!,
      rank: table.composite.rank[source]!,
      tier: tier >= 0 ? (levels[tier]?.id ?? null) : null,
      meanRank: stats.mean,
      medianRank: stats.median,
      p5Rank: stats.p5,
      p95Rank: stats.p95,
      scoredShare: stats.scored / replications,
      tierProbabilities: row >= 0 ? levels.map((_, t) => acc.tierCounts[row * tierStride + t]! / replications) : levels.map(() => NaN),
    };
  });
  const sobol = spec.method === 'sobol' ? sobolIndices(acc.shift, spec.assumptions.length, { bootstrap: spec.bootstrap, seed: spec.seed }) : undefined;
  let shiftSum = 0;
  let shiftCount = 0;
  for (const s of acc.shift) {
    if (s !== s) continue;
    shiftSum += s;
    shiftCount++;
  }
  return {
    format: SENSITIVITY_RESULT_FORMAT,
    framework: { id: framework.id, name: framework.name, version: framework.version, sha256: framework.sha256 },
    inputs: table.dataset.inputs,
    method: spec.method,
    runs: spec.runs,
    replications,
    seed: spec.seed,
    bootstrap: spec.method === 'sobol' ? spec.bootstrap : undefined,
    tiers: levels.map((l) => ({ id: l.id, name: l.name })),
    assumptions: spec.assumptions.map((a, i) => ({ kind: a.kind, options: optionsOf(a), sobol: sobol?.[i] })),
    meanRankShift: shiftCount > 0 ? shiftSum / shiftCount : NaN,
    regions,
    diagnostics: table.diagnostics,
  };
}
