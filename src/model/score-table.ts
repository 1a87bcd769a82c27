/**
 * The result of scoring: a pure, serialisable value. Columnar like the dataset (row r of every
 * array is row r of the dataset); `order` gives the reporting order (period, rank, region).
 * NaN means "no value" (a region left unscored, a missing indicator).
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Dataset } from './dataset.js';
import type { PreparationReport } from './preparation.js';
import type { ResolvedFramework } from './resolved.js';
import type { GroupWeights } from '../weights/record.js';

export interface NodeScores {
  /** On [0, scale] for bounded methods. */
  readonly score: Float64Array;
  /** Competition rank (1, 2, 2, 4) among the regions of the same period; NaN when unscored. */
  readonly rank: Float64Array;
  /** Share of the period's scored regions whose score is ≤ this one (top region: 1). */
  readonly percentile: Float64Array;
  /** Points this node adds to the composite for this row (score × effective weight). */
  readonly contribution: Float64Array;
}

export interface IndicatorScores {
  /** Raw value used (after imputation, before transform); NaN when missing and not imputed. */
  readonly value: Float64Array;
  /** Normalised, direction applied, on [0, scale] for bounded methods. */
  readonly normalised: Float64Array;
  /** 1 where the raw value was imputed (mean/median/group-mean) or set by the `zero` policy. */
  readonly imputed: Uint8Array;
  /** Effective weight in the composite for this row: product of renormalised shares along the path. */
  readonly effectiveWeight: Float64Array;
}

export interface ScoreTable {
  readonly framework: ResolvedFramework;
  readonly dataset: Dataset;
  /** Periods present, sorted. */
  readonly periods: readonly string[];
  /** The composite index. `score` is rounded to `precision` when the framework sets one. */
  readonly composite: NodeScores;
  /** Per group id (dimensions and sub-groups). */
  readonly nodes: ReadonlyMap<string, NodeScores>;
  /** Per indicator id. */
  readonly indicators: ReadonlyMap<string, IndicatorScores>;
  /** Index into `framework.tiers.levels` per row; -1 when untiered (no tiers, or unscored). */
  readonly tier: Int32Array;
  /** Row indices sorted by period, then rank (unscored last), then region. */
  readonly order: Uint32Array;
  /**
   * The weights each node's children were aggregated with, per period where derived from the
   * data (issue 12). Absent in tables built before weighting existed.
   */
  readonly weights?: readonly GroupWeights[] | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** What data preparation did; present only when the framework prepares (denominator, screen or treat). */
  readonly preparation?: PreparationReport | undefined;
}
