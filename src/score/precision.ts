/**
 * Rounding of the composite to the framework's `precision` before ranking and tiering, so that
 * two regions that print the same score share a rank and a tier.
 */

/**
 * Rounds `x` to `digits` decimals, half away from zero, as a person reading the decimal number
 * would: 2.675 → 2.68 although the double nearest 2.675 is 2.67499999999999982236431605997495353221893310546875.
 * The scaled value is first cut to 15 significant digits (the most a double carries faithfully),
 * which removes that binary noise before deciding the half. NaN and ±∞ pass through.
 */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}

/** Rounds every value of `column` in place (NaN stays NaN). */
export function roundColumn(column: Float64Array, digits: number): void {
  for (let row = 0; row < column.length; row++) column[row] = roundHalfAwayFromZero(column[row] ?? NaN, digits);
}
