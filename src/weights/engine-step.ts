/**
 * The engine's weighting step for one node (a group, or the framework for its dimensions):
 * derive the children's weights (fixed, AHP or from the data, per period or pooled), then
 * aggregate with them — a weighted mean row by row, or TOPSIS / grey relational analysis per
 * scope. Kept apart from engine.ts so the engine only calls it.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { AggregateMethod } from '../model/framework.js';
import type { ResolvedFramework, ResolvedNode, ResolvedWeighting } from '../model/resolved.js';
import type { IndicatorScores } from '../model/score-table.js';
import { aggregateGroup, type AggregateBuffers, type AggregateChild } from '../score/aggregate.js';
import { aggregateGreyRelational } from '../score/grey-relational.js';
import { frameworkLocation } from '../score/locations.js';
import type { Partition } from '../score/partition.js';
import { aggregateTopsis } from '../score/topsis.js';
import { transformValue } from '../score/transform.js';
import { deriveWeights, type WeightScope } from './derive.js';
import type { GroupWeights } from './record.js';

/** What the step needs from the engine, the same for every node of one run. */
export interface WeightingContext {
  readonly framework: ResolvedFramework;
  readonly periods: Partition;
  /** The engine's normalisation scopes (periods, or every row pooled), which TOPSIS and grey relational compare within. */
  readonly scopes: readonly Uint32Array[];
  readonly allRows: Uint32Array;
  readonly unscored: Uint8Array;
  readonly indicatorScores: readonly IndicatorScores[];
  readonly diagnostics: Diagnostic[];
  /** Receives the weights used, node by node. */
  readonly records: GroupWeights[];
  /** Receives the share of every child whose weights are not fixed (by child id; one number, or per row), for effective weights. */
  readonly rowShares: Map<string, number | Float64Array>;
}

/** A node to aggregate: its settings, its children with their scores, and where its output goes. */
export interface WeightedAggregation {
  readonly id: string;
  readonly isTop: boolean;
  readonly method: AggregateMethod;
  readonly rho?: number | undefined;
  readonly weighting?: ResolvedWeighting | undefined;
  readonly children: readonly ResolvedNode[];
  readonly childScores: readonly Float64Array[];
  /** The node's path in the framework document ([] for the framework). */
  readonly path: readonly (string | number)[];
  /**
   * Optional: turns the children's shares (fixed, or derived; one number or per row) into the
   * shares to aggregate with. `dgmi sensitivity` multiplies them by its weight noise here; the
   * engine leaves it out and aggregates with the shares as derived.
   */
  readonly reshare?: ((shares: readonly (number | Float64Array)[]) => readonly (number | Float64Array)[]) | undefined;
}

export function aggregateWeighted(node: WeightedAggregation, ctx: WeightingContext, buffers: AggregateBuffers): void {
  const { framework, periods } = ctx;
  const scopes: WeightScope[] =
    node.weighting?.scope === 'pooled' ? [{ rows: ctx.allRows, period: null }] : periods.rows.map((rows, p) => ({ rows, period: periods.labels[p] ?? '' }));
  const derived = deriveWeights(
    {
      id: node.id,
      isTop: node.isTop,
      weighting: node.weighting,
      children: node.children,
      // A `combine` weighting always has its `combine:` list (a rule checks), which may stand without `weighting:`.
      location: frameworkLocation(framework, [...node.path, node.weighting?.method === 'combine' ? 'combine' : 'weighting']),
    },
    { scores: node.childScores, raw: (c) => rawColumn(node.children[c]!, node.childScores[c]!, ctx) },
    scopes,
    ctx.unscored,
  );
  ctx.records.push(...derived.records);
  ctx.diagnostics.push(...derived.diagnostics);
  derived.rowShares?.forEach((shares, c) => ctx.rowShares.set(node.children[c]!.id, shares));

  const shares = node.children.map((child, c) => derived.rowShares?.[c] ?? child.share);
  const used = node.reshare ? node.reshare(shares) : shares;
  const inputs: AggregateChild[] = node.children.map((child, c) => {
    const share = used[c]!;
    return typeof share === 'number' ? { scores: node.childScores[c]!, share } : { scores: node.childScores[c]!, share: child.share, rowShares: share };
  });
  if (node.method === 'topsis') aggregateTopsis(inputs, ctx.scopes, ctx.unscored, framework.scale, buffers);
  else if (node.method === 'grey-relational') aggregateGreyRelational(inputs, ctx.scopes, ctx.unscored, node.rho ?? 0.5, framework.scale, buffers);
  else aggregateGroup(node.method, inputs, buffers);
}

/** What CV reads for a child: an indicator's value after imputation and transform; a group's score. */
function rawColumn(child: ResolvedNode, scores: Float64Array, ctx: WeightingContext): Float64Array {
  if (child.kind === 'group') return scores;
  const value = ctx.indicatorScores[child.index]!.value;
  return Float64Array.from(value, (x) => transformValue(child.transform, x));
}
