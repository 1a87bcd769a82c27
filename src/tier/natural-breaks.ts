/**
 * Jenks natural breaks for tiering, through simple-statistics' `ckmeans` (Wang & Song's
 * optimal 1-D k-means). It minimises the same within-class sum of squared deviations as
 * Jenks' original algorithm (`jenks` in the same library) but exactly, by dynamic programming
 * in O(k·n·log n), which matters for 38,000 townships in one period.
 */
import { simpleStatistics } from '../weights/lazy-libraries.js';

export interface NaturalClasses {
  /** Class of each input value: 0 is the class of the highest values. */
  readonly classOf: Int32Array;
  /** Classes actually formed: min(requested, distinct values); 0 for no values. */
  readonly count: number;
  /** Distinct values among the input. */
  readonly distinct: number;
}

function countDistinct(sortedAscending: readonly number[]): number {
  let distinct = 0;
  for (let i = 0; i < sortedAscending.length; i++) {
    if (i === 0 || sortedAscending[i] !== sortedAscending[i - 1]) distinct++;
  }
  return distinct;
}

/** Index of the last lower bound ≤ value (lower bounds ascending, the first ≤ every value). */
function lastLowerBoundAtMost(lowerBounds: readonly number[], value: number): number {
  let lo = 0;
  let hi = lowerBounds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lowerBounds[mid] ?? Number.POSITIVE_INFINITY) <= value) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Split finite `values` into `classes` natural-break classes, highest values in class 0.
 * With fewer distinct values than classes, each distinct value is its own class (so `count`
 * is smaller than asked). Equal values always share a class.
 */
export function naturalBreakClasses(values: ArrayLike<number>, classes: number): NaturalClasses {
  if (!Number.isInteger(classes) || classes < 1) throw new Error(`naturalBreakClasses: classes must be a positive integer, got ${classes}`);
  const list = Array.from(values);
  if (list.some((v) => !Number.isFinite(v))) throw new Error('naturalBreakClasses: values must be finite (drop unscored rows first)');
  const classOf = new Int32Array(list.length);
  if (list.length === 0) return { classOf, count: 0, distinct: 0 };

  const distinct = countDistinct([...list].sort((a, b) => a - b));
  const k = Math.min(classes, distinct);
  // Clusters come back ascending and contiguous; classify by each cluster's smallest value so
  // that ties land together even if the optimiser split a run of equal values (it cannot at a
  // strict optimum, but floating-point sums could make two splits look equal).
  const lowerBounds = simpleStatistics().ckmeans(list, k).map((cluster) => cluster[0] ?? Number.NaN);
  const ascending = new Int32Array(list.length);
  const used = new Uint8Array(k);
  list.forEach((v, i) => {
    const c = lastLowerBoundAtMost(lowerBounds, v);
    ascending[i] = c;
    used[c] = 1;
  });
  // Renumber so the formed classes are 0..count-1 from the top, skipping any emptied cluster.
  const fromTop = new Int32Array(k);
  let count = 0;
  for (let c = k - 1; c >= 0; c--) {
    if (used[c]) fromTop[c] = count++;
  }
  ascending.forEach((c, i) => {
    classOf[i] = fromTop[c] ?? 0;
  });
  return { classOf, count, distinct };
}
