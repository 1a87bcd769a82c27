/**
 * Variance-stabilising transforms (log, sqrt…) applied before normalising. They apply to the
 * values and to the normalisation method's constants alike, so that goalposts written in the
 * raw unit (HDI income: 100 and 75,000 dollars) still bound the transformed values.
 */
import type { Transform } from '../model/framework.js';
import type { Normalise } from '../model/resolved.js';

/**
 * Whether `x` can be transformed to a finite number. The domain of log1p is taken as x > −1
 * (not x ≥ −1): log1p(−1) is −∞, which would poison every min–max and mean it touches.
 */
export function isInTransformDomain(transform: Transform, x: number): boolean {
  switch (transform) {
    case 'none':
      return Number.isFinite(x);
    case 'log':
    case 'log10':
      return x > 0 && x < Infinity;
    case 'log1p':
      return x > -1 && x < Infinity;
    case 'sqrt':
      return x >= 0 && x < Infinity;
  }
}

/** The transformed value; NaN when `x` is NaN or outside the transform's domain. */
export function transformValue(transform: Transform, x: number): number {
  if (!isInTransformDomain(transform, x)) return NaN;
  switch (transform) {
    case 'none':
      return x;
    case 'log':
      return Math.log(x);
    case 'log10':
      return Math.log10(x);
    case 'log1p':
      return Math.log1p(x);
    case 'sqrt':
      return Math.sqrt(x);
  }
}

/** Transforms a whole column into `out` (which may be `values` itself); NaN stays NaN. */
export function transformColumn(transform: Transform, values: Float64Array, out: Float64Array): void {
  if (transform === 'none') {
    if (out !== values) out.set(values);
    return;
  }
  for (let row = 0; row < values.length; row++) out[row] = transformValue(transform, values[row] ?? NaN);
}

/** A method constant that the transform cannot take (e.g. a goalpost of 0 under `log`). */
export interface ConstantOutsideDomain {
  readonly constant: 'min' | 'max' | 'target';
  readonly value: number;
}

/**
 * The normalisation spec with its constants (goalposts, target) transformed like the values,
 * or the first constant outside the transform's domain.
 */
export function transformNormalise(
  normalise: Normalise,
  transform: Transform,
): { readonly normalise: Normalise } | { readonly outsideDomain: ConstantOutsideDomain } {
  switch (normalise.method) {
    case 'goalpost': {
      const min = transformValue(transform, normalise.min);
      if (Number.isNaN(min)) return { outsideDomain: { constant: 'min', value: normalise.min } };
      const max = transformValue(transform, normalise.max);
      if (Number.isNaN(max)) return { outsideDomain: { constant: 'max', value: normalise.max } };
      return { normalise: { ...normalise, min, max } };
    }
    case 'target': {
      const target = transformValue(transform, normalise.target);
      if (Number.isNaN(target)) return { outsideDomain: { constant: 'target', value: normalise.target } };
      return { normalise: { ...normalise, target } };
    }
    default:
      return { normalise };
  }
}
