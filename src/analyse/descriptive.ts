/**
 * The summary statistics a group comparison reports for one column of scores. simple-statistics
 * does the arithmetic; this module only decides what "no value" means, because its functions
 * throw on samples too small for them (a group of one region has no standard deviation), and a
 * report must show `—` there instead of failing.
 */
import { simpleStatistics } from '../weights/lazy-libraries.js';

export interface Summary {
  /** How many values the statistics were taken over (NaN inputs are not counted). */
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** Sample standard deviation (divisor n − 1); NaN when n < 2. */
  readonly sd: number;
  /** Coefficient of variation sd / mean; NaN when sd is NaN or the mean is 0. */
  readonly cv: number;
}

/**
 * n, mean, median, min, max, sample standard deviation and coefficient of variation of the
 * present (non-NaN) values. Every statistic is NaN when no value is present; sd and cv also
 * when only one is.
 */
export function summarise(values: Iterable<number>): Summary {
  const present: number[] = [];
  for (const x of values) if (!Number.isNaN(x)) present.push(x);
  const n = present.length;
  if (n === 0) return { n, mean: NaN, median: NaN, min: NaN, max: NaN, sd: NaN, cv: NaN };
  const stats = simpleStatistics();
  const average = stats.mean(present);
  const sd = n >= 2 ? stats.sampleStandardDeviation(present) : NaN;
  return {
    n,
    mean: average,
    median: stats.median(present),
    min: stats.min(present),
    max: stats.max(present),
    sd,
    // A mean of 0 makes sd/mean infinite or 0/0; neither says anything about relative spread.
    cv: Number.isNaN(sd) || average === 0 ? NaN : sd / average,
  };
}
