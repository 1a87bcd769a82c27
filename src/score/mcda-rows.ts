/**
 * What TOPSIS and grey relational analysis share: unlike a weighted mean, they compare each
 * region with the others of its scope (a period, or every period pooled), so they take the
 * scopes and aggregate one scope at a time. Weights are renormalised among a row's present
 * children, as for the means.
 */
import type { AggregateChild } from './aggregate.js';

/** The child's share on `row`: the derived per-row share where there is one, else the fixed share. */
export function shareOn(child: AggregateChild, row: number): number {
  return child.rowShares === undefined ? child.share : child.rowShares[row]!;
}

/** Rows of `scope` that take part in the comparison: not left unscored by a `fail` policy. */
export function comparedRows(scope: Uint32Array, unscored: Uint8Array): number[] {
  const rows: number[] = [];
  for (const row of scope) if (unscored[row] !== 1) rows.push(row);
  return rows;
}

/**
 * Writes each row's sum of present children's shares into `presentShare` (the effective-weight
 * divisor), and returns whether the row has any child present.
 */
export function presentShares(children: readonly AggregateChild[], rows: Iterable<number>, presentShare: Float64Array): void {
  for (const row of rows) {
    let total = 0;
    for (const child of children) if (child.scores[row]! === child.scores[row]!) total += shareOn(child, row);
    presentShare[row] = total;
  }
}
