/**
 * Nodes whose weights are not fixed shares — derived from the data (entropy, CRITIC, CV, PCA,
 * combine), from an AHP matrix — or whose aggregation compares rows within a period (TOPSIS,
 * grey relational) go through the engine's own weighting step (`aggregateWeighted`,
 * src/weights/engine-step.ts) in every replication. Derived weights are therefore derived again
 * from the columns the replication drew (another normalisation, missing policy or winsorisation
 * limit gives other weights), exactly as `score()` derives them from its columns.
 *
 * Weight noise on such a node's children multiplies the weights the step derived: share_c ×
 * factor_c / Σ_k share_k × factor_k, row by row where the weights differ between periods. With
 * every factor exactly 1 the shares are passed through untouched, so a zero-noise replication is
 * `score()` bit for bit.
 */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { AggregateMethod } from '../../model/framework.js';
import type { ResolvedFramework, ResolvedWeighting } from '../../model/resolved.js';
import type { AggregateBuffers } from '../../score/aggregate.js';
import type { Partition } from '../../score/partition.js';
import type { GroupWeights } from '../../weights/record.js';
import { aggregateWeighted, type WeightedAggregation, type WeightingContext } from '../../weights/engine-step.js';
import type { Variant } from './variants.js';

/** True when a node with this (drawn) method and weighting cannot be aggregated with fixed shares alone. */
export function needsWeightingStep(method: AggregateMethod, weighting: ResolvedWeighting | undefined): boolean {
  return method === 'topsis' || method === 'grey-relational' || (weighting !== undefined && weighting.method !== 'fixed');
}

/** One node as the step sees it (a group, or the framework for its dimensions): the engine's node, less what each replication supplies. */
export type StepNode = Omit<WeightedAggregation, 'childScores' | 'reshare'>;

/** What does not change between replications. */
export interface StepModel {
  readonly framework: ResolvedFramework;
  readonly periods: Partition;
  readonly allRows: Uint32Array;
}

/**
 * Aggregates `node` through the engine's weighting step on the variant's columns.
 * `factors[c]` multiplies child c's weight (undefined: no noise). The step's records and
 * findings are dropped: the nominal `score()` run reports them once.
 */
export function aggregateThroughStep(
  model: StepModel,
  node: StepNode,
  childScores: readonly Float64Array[],
  variant: Variant,
  factors: Float64Array | undefined,
  buffers: AggregateBuffers,
): void {
  const diagnostics: Diagnostic[] = [];
  const records: GroupWeights[] = [];
  const ctx: WeightingContext = {
    framework: model.framework,
    periods: model.periods,
    scopes: model.periods.rows,
    allRows: model.allRows,
    unscored: variant.unscored,
    indicatorScores: variant.indicators,
    diagnostics,
    records,
    rowShares: new Map(),
  };
  const isNoisy = factors !== undefined && factors.some((f) => f !== 1);
  aggregateWeighted({ ...node, childScores, reshare: isNoisy ? (shares) => multiplyShares(shares, factors) : undefined }, ctx, buffers);
}

/** share_c × f_c / Σ_k share_k × f_k, summed child by child from 0; per row when any share is. */
export function multiplyShares(shares: readonly (number | Float64Array)[], factors: Float64Array): (number | Float64Array)[] {
  const rowCount = shares.reduce<number>((n, s) => (typeof s === 'number' ? n : s.length), -1);
  if (rowCount < 0) {
    let total = 0;
    shares.forEach((s, c) => (total += (s as number) * factors[c]!));
    return shares.map((s, c) => ((s as number) * factors[c]!) / total);
  }
  const out = shares.map(() => new Float64Array(rowCount));
  for (let row = 0; row < rowCount; row++) {
    let total = 0;
    for (let c = 0; c < shares.length; c++) {
      const s = shares[c]!;
      total += (typeof s === 'number' ? s : s[row]!) * factors[c]!;
    }
    for (let c = 0; c < shares.length; c++) {
      const s = shares[c]!;
      out[c]![row] = ((typeof s === 'number' ? s : s[row]!) * factors[c]!) / total;
    }
  }
  return out;
}
