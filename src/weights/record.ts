/**
 * The weights a scoring run actually used, one record per weighted node (a group, or the
 * framework for its dimensions) and scope: what `dgmi weights` prints and `score --format json`
 * records, so a result can be reproduced with fixed weights.
 */
import type { CombinableMethod, WeightingMethod } from '../model/framework.js';
import type { DegenerateReason } from './outcome.js';

export interface AhpConsistency {
  readonly lambdaMax: number;
  readonly ci: number;
  readonly ri: number;
  readonly cr: number;
}

export interface WeightComponent {
  readonly method: CombinableMethod;
  /** The share as written (not renormalised). */
  readonly share: number;
  readonly weights: readonly number[];
  /** Set when this component could not be derived and its fixed weights stood in. */
  readonly fallback?: DegenerateReason | undefined;
}

export interface GroupWeights {
  /** The group's id, or the framework's id for the weights of the dimensions. */
  readonly group: string;
  /** True for the framework's dimensions. */
  readonly isTop: boolean;
  readonly method: WeightingMethod;
  /** The period these weights hold for; null when they hold for every period (fixed, ahp, pooled). */
  readonly period: string | null;
  /** The children's ids, in file order. */
  readonly children: readonly string[];
  /** Weight of each child (summing to 1), before any missing-value renormalisation. */
  readonly weights: readonly number[];
  /** Set when the method could not derive weights here and the fixed weights were used. */
  readonly fallback?: DegenerateReason | undefined;
  /** For `combine`: each method's own weights. */
  readonly components?: readonly WeightComponent[] | undefined;
  /** For `ahp` (and `combine` with ahp): the consistency of the matrix. */
  readonly ahp?: AhpConsistency | undefined;
}
