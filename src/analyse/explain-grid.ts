/**
 * The values a needed raw value is searched over. A continuous indicator is searched on the grid
 * of the data's own displayed precision (a column written to one decimal is searched in steps of
 * 0.1; counts in whole numbers), so the answer is a value a region can actually report, and both
 * it and the value one step short of it are checked by re-scoring. Discrete indicators (levels,
 * booleans) take only their allowed values.
 */
import { cellSpecOf } from '../load/cells.js';
import type { ResolvedIndicator } from '../model/resolved.js';

/** Most decimals a grid uses: beyond this a column's decimals are noise from unit conversions. */
export const MAX_DECIMALS = 6;

/** Decimals needed to write `x` exactly (up to MAX_DECIMALS). */
export function decimalsOf(x: number): number {
  if (!Number.isFinite(x)) return 0;
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = x * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

/** The displayed precision of a column: the most decimals any of its present values uses. */
export function displayDecimals(values: Iterable<number>): number {
  let decimals = 0;
  for (const x of values) decimals = Math.max(decimals, decimalsOf(x));
  return decimals;
}

/** The values an indicator may take when its answers are discrete: level values or 0/1; undefined when continuous. */
export function discreteValues(indicator: ResolvedIndicator): number[] | undefined {
  // The loader's reading of the indicator decides, so only values a cell can hold are searched.
  switch (cellSpecOf(indicator).kind) {
    case 'levels':
      return [...new Set(Object.values(indicator.levels ?? {}))].sort((a, b) => a - b);
    case 'boolean':
      return [0, 1];
    default:
      return undefined;
  }
}

/** How far beyond the period's values a search goes for an indicator without `range`. */
const GENEROUS_SPANS = 100;

/**
 * The far end of the search in the improving direction: the `range` bound, or — without a range —
 * a generous bound (a hundred times the period's spread past its best value), kept inside the
 * transform's domain and at 0 for a column that has no negative values.
 */
export function searchBound(indicator: ResolvedIndicator, present: readonly number[], current: number): number {
  const upward = indicator.direction === 'positive';
  if (indicator.range) return upward ? indicator.range[1] : indicator.range[0];
  let min = current;
  let max = current;
  for (const x of present) {
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const span = Math.max(max - min, Math.abs(max), Math.abs(min), 1);
  if (upward) return max + GENEROUS_SPANS * span;
  let bound = min - GENEROUS_SPANS * span;
  if (min >= 0) bound = 0;
  switch (indicator.transform) {
    case 'log':
    case 'log10':
      // Strictly positive: the grid's first step above zero stands in for it.
      return Math.max(bound, Number.MIN_VALUE);
    case 'log1p':
      return Math.max(bound, -1 + Number.EPSILON);
    case 'sqrt':
      return Math.max(bound, 0);
    case 'none':
      return bound;
  }
}

/**
 * A grid of step 10^-decimals. Grid point k is k / 10^decimals, which division rounds correctly
 * (k × 0.1 would give 705.1000000000001 for k = 7051).
 */
export interface Grid {
  readonly decimals: number;
  readonly valueAt: (k: number) => number;
  /** The nearest grid index strictly beyond `x` in the direction (+1 up, −1 down). */
  readonly firstBeyond: (x: number, direction: 1 | -1) => number;
  /** The last grid index not beyond `bound` in the direction. */
  readonly lastWithin: (bound: number, direction: 1 | -1) => number;
}

export function gridOf(decimals: number): Grid {
  const factor = 10 ** decimals;
  const scaled = (x: number): number => {
    // Snap values that sit on the grid up to floating-point noise.
    const s = x * factor;
    const nearest = Math.round(s);
    return Math.abs(s - nearest) <= 1e-9 * Math.max(1, Math.abs(s)) ? nearest : s;
  };
  return {
    decimals,
    valueAt: (k) => k / factor,
    firstBeyond: (x, direction) => (direction === 1 ? Math.floor(scaled(x)) + 1 : Math.ceil(scaled(x)) - 1),
    lastWithin: (bound, direction) => (direction === 1 ? Math.floor(scaled(bound)) : Math.ceil(scaled(bound))),
  };
}
