/**
 * Normalisation of (transformed) indicator values onto [0, scale], direction applied. Relative
 * methods (minmax, zscore, rank) compute their statistics over the rows they are given — one
 * period, or every row when the caller pools periods; fixed methods (goalpost, target, none)
 * look at each value alone.
 */
import type { Direction } from '../model/framework.js';
import type { Normalise } from '../model/resolved.js';
import { forEachTieRun, sortPresentRows } from './sorted-rows.js';

export interface NormaliseOutcome {
  /** Present values among the rows. */
  readonly present: number;
  /**
   * A relative method met a constant column (max = min, which includes n = 1): every present
   * value was set to the midpoint 0.5 × scale (z = 0 under `zscore` without rescaling).
   */
  readonly constant: boolean;
}

/** Whether the method's output lies on [0, 1] before scaling (all but z-scores kept as they are). */
export function isBoundedNormalise(normalise: Normalise): boolean {
  return !(normalise.method === 'zscore' && normalise.rescale === 'none');
}

/** Whether the method's statistics depend on the other regions (and so on the scope). */
export function isRelativeNormalise(normalise: Normalise): boolean {
  return normalise.method === 'minmax' || normalise.method === 'zscore' || normalise.method === 'rank';
}

/**
 * Normalises `values[row]` for every row in `rows` into `out[row]` (NaN stays NaN); `out` may
 * be `values` itself (statistics are taken before any write). `normalise` must carry constants
 * already transformed like the values (see `transformNormalise`). The
 * result is on [0, scale] for bounded methods; a `negative` indicator is flipped (1 − x) for every
 * bounded method except `target`, which uses min(target/x, 1) instead, and negated under
 * z-scores kept unscaled.
 */
export function normaliseColumn(
  values: Float64Array,
  rows: Uint32Array,
  normalise: Normalise,
  direction: Direction,
  scale: number,
  out: Float64Array,
): NormaliseOutcome {
  let present = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let k = 0; k < rows.length; k++) {
    const row = rows[k]!;
    const x = values[row]!;
    if (x !== x) continue;
    present++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const negative = direction === 'negative';
  // The flip and the scale in one place, so no bounded method can forget either.
  const finish = (unit: number): number => (negative ? 1 - unit : unit) * scale;
  const isConstant = isRelativeNormalise(normalise) && present > 0 && max === min;

  if (isConstant) {
    const mid = normalise.method === 'zscore' && normalise.rescale === 'none' ? 0 : 0.5 * scale;
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      const x = values[row]!;
      out[row] = x === x ? mid : NaN;
    }
    return { present, constant: true };
  }

  switch (normalise.method) {
    case 'minmax': {
      const range = max - min;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        out[row] = x === x ? finish((x - min) / range) : NaN;
      }
      break;
    }
    case 'goalpost': {
      const lo = normalise.min;
      const range = normalise.max - lo;
      const clip = normalise.clip;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        const unit = (x - lo) / range;
        out[row] = x === x ? finish(clip ? (unit < 0 ? 0 : unit > 1 ? 1 : unit) : unit) : NaN;
      }
      break;
    }
    case 'zscore': {
      let sum = 0;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        if (x === x) sum += x;
      }
      const mean = sum / present;
      let squares = 0;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        if (x === x) squares += (x - mean) * (x - mean);
      }
      // Sample sd (n − 1), as R's sd() and COINr use.
      const sd = Math.sqrt(squares / (present - 1));
      if (normalise.rescale === 'none') {
        for (let k = 0; k < rows.length; k++) {
          const row = rows[k]!;
          const x = values[row]!;
          const z = (x - mean) / sd;
          out[row] = negative ? -z : z;
        }
        break;
      }
      // z is an increasing affine map of x, so the extreme z-scores are those of min and max.
      const zMin = (min - mean) / sd;
      const zRange = (max - mean) / sd - zMin;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        out[row] = x === x ? finish(((x - mean) / sd - zMin) / zRange) : NaN;
      }
      break;
    }
    case 'rank': {
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        if (values[row] !== values[row]) out[row] = NaN;
      }
      const sorted = sortPresentRows(values, rows);
      // Tied values (positions start … end − 1) share the average of the ranks start + 1 … end.
      forEachTieRun(sorted.values, (start, end) => {
        const unit = finish((start + end - 1) / 2 / (present - 1));
        for (let k = start; k < end; k++) out[sorted.rows[k]!] = unit;
      });
      break;
    }
    case 'target': {
      const target = normalise.target;
      // No flip for a negative indicator: beating the target from below is the goal. A value
      // at or under 0 is as good as it gets when lower is better, and worthless when higher is.
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        const unit = negative ? (x <= 0 ? 1 : Math.min(target / x, 1)) : Math.max(0, Math.min(x / target, 1));
        out[row] = x === x ? unit * scale : NaN;
      }
      break;
    }
    case 'none': {
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        const x = values[row]!;
        out[row] = x === x ? finish(x) : NaN;
      }
      break;
    }
  }
  return { present, constant: false };
}
