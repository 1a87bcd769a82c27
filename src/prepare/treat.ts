/**
 * COINr's outlier treatment (Treat() with its defaults, COINr 1.1.14), on one indicator column
 * within one scope of rows, missing values left alone:
 * 1. if the column passes the skew/kurtosis test, nothing changes;
 * 2. otherwise, while it fails and fewer than `maxPoints` points have been winsorised: when the
 *    skew is ≥ 0 every point equal to the maximum is set to the largest remaining value (when
 *    it is < 0, the minimum to the smallest remaining one), then the test is run again. Each
 *    round winsorises one more point: the points moved earlier now sit at the maximum and move
 *    along with it, so after k rounds k points differ from the original (COINr's `nwin`);
 *    original ties at the extreme count as one round;
 * 3. if it still fails, the winsorised values are dropped and the ORIGINAL column is replaced by
 *    ln(x − min + 0.01·(max − min)) (COINr's `log_CT`), when `fallback` is `log`.
 */
import type { TreatmentRecord } from '../model/preparation.js';
import type { Treatment } from '../model/resolved.js';
import { momentsOf, passesSkewKurtosis } from './moments.js';

/** What treatment did to one column: the record's test figures, and the rows it changed. */
export interface ColumnTreatment extends Pick<TreatmentRecord, 'method' | 'points' | 'skew' | 'kurtosis' | 'skewAfter' | 'kurtosisAfter' | 'passes'> {
  /** Rows whose value changed, in scope order. */
  readonly changedRows: readonly number[];
  /** Their values before treatment. */
  readonly changedFrom: readonly number[];
}

/**
 * Treats `values[rows]` in place under `spec` and says what it did. Rows outside `rows` are
 * not read or written, so a scope sees only its own period's (unscreened) units.
 */
export function treatColumn(values: Float64Array, rows: Uint32Array, spec: Treatment): ColumnTreatment {
  const before = momentsOf(values, rows);
  if (passesSkewKurtosis(before, spec.skew, spec.kurtosis)) {
    return { method: 'none', points: 0, skew: before.skew, kurtosis: before.kurtosis, skewAfter: before.skew, kurtosisAfter: before.kurtosis, passes: true, changedRows: [], changedFrom: [] };
  }
  const present = Array.from(rows).filter((row) => values[row] === values[row]);
  const original = present.map((row) => values[row] ?? NaN);
  const working = Float64Array.from(original);

  let rounds = 0;
  let moments = before;
  let passes = false;
  while (rounds < spec.maxPoints) {
    const high = moments.skew >= 0;
    const extreme = high ? maxOf(working) : minOf(working);
    // The value the extremes move to: the most extreme of the values that are not extremes.
    let next = high ? -Infinity : Infinity;
    for (const x of working) if (x !== extreme) next = high ? Math.max(next, x) : Math.min(next, x);
    if (!Number.isFinite(next)) break; // every value is the extreme: nothing left to move to
    for (let k = 0; k < working.length; k++) if (working[k] === extreme) working[k] = next;
    rounds++;
    moments = momentsOf(working);
    passes = passesSkewKurtosis(moments, spec.skew, spec.kurtosis);
    if (passes) break;
  }

  let points = 0;
  for (let k = 0; k < working.length; k++) if (working[k] !== original[k]) points++;

  if (passes || spec.fallback === 'none') {
    const changedRows: number[] = [];
    const changedFrom: number[] = [];
    present.forEach((row, k) => {
      const x = working[k] ?? NaN;
      if (x !== original[k]) {
        changedRows.push(row);
        changedFrom.push(original[k] ?? NaN);
      }
      values[row] = x;
    });
    return { method: 'winsorise', points, skew: before.skew, kurtosis: before.kurtosis, skewAfter: moments.skew, kurtosisAfter: moments.kurtosis, passes, changedRows, changedFrom };
  }

  const logged = logColumn(original);
  present.forEach((row, k) => {
    values[row] = logged[k] ?? NaN;
  });
  const after = momentsOf(logged);
  return {
    method: 'log',
    points,
    skew: before.skew,
    kurtosis: before.kurtosis,
    skewAfter: after.skew,
    kurtosisAfter: after.kurtosis,
    passes: passesSkewKurtosis(after, spec.skew, spec.kurtosis),
    changedRows: present,
    changedFrom: original,
  };
}

/** COINr's `log_CT`: ln(x − min + 0.01·(max − min)); the shift keeps the minimum finite. */
export function logColumn(values: ArrayLike<number>): Float64Array {
  const min = minOf(values);
  const max = maxOf(values);
  const shift = 0.01 * (max - min);
  return Float64Array.from(values, (x) => Math.log(x - min + shift));
}

function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let k = 0; k < values.length; k++) max = Math.max(max, values[k] ?? -Infinity);
  return max;
}

function minOf(values: ArrayLike<number>): number {
  let min = Infinity;
  for (let k = 0; k < values.length; k++) min = Math.min(min, values[k] ?? Infinity);
  return min;
}
