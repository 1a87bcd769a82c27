/**
 * TOPSIS (Hwang & Yoon 1981) as a group aggregation: the group's score is the region's relative
 * closeness to the ideal region of its scope. Children's scores already have their direction
 * applied (higher is better), so every child is a benefit criterion.
 */
import type { AggregateBuffers, AggregateChild } from './aggregate.js';
import { comparedRows, presentShares, shareOn } from './mcda-rows.js';

/**
 * For each scope: vector normalisation r_ij = x_ij / √(Σ_i x_ij²) over the compared rows; the
 * positive ideal A⁺_j = max_i r_ij and negative ideal A⁻_j = min_i r_ij; with the row's
 * weights w_j renormalised over its present children, D⁺_i = √Σ_j (w_j (r_ij − A⁺_j))² and
 * D⁻_i = √Σ_j (w_j (r_ij − A⁻_j))²; the score is D⁻/(D⁺ + D⁻) × scale. When every compared
 * region is identical (D⁺ = D⁻ = 0) the score is the midpoint, as for a constant column under
 * minmax. A child that is 0 everywhere (norm 0) has r = 0 and adds no distance.
 */
export function aggregateTopsis(
  children: readonly AggregateChild[],
  scopes: readonly Uint32Array[],
  unscored: Uint8Array,
  scale: number,
  buffers: Pick<AggregateBuffers, 'out' | 'presentShare'>,
): void {
  const { out, presentShare } = buffers;
  out.fill(NaN);
  presentShare.fill(0);
  for (const scope of scopes) {
    const rows = comparedRows(scope, unscored);
    presentShares(children, scope, presentShare);
    const norm = children.map(({ scores }) => {
      let sum = 0;
      for (const row of rows) {
        const x = scores[row]!;
        if (x === x) sum += x * x;
      }
      return Math.sqrt(sum);
    });
    const r = (c: number, row: number): number => (norm[c]! > 0 ? children[c]!.scores[row]! / norm[c]! : 0);
    const best = children.map(() => -Infinity);
    const worst = children.map(() => Infinity);
    children.forEach(({ scores }, c) => {
      for (const row of rows) {
        if (scores[row]! !== scores[row]!) continue;
        const v = r(c, row);
        if (v > best[c]!) best[c] = v;
        if (v < worst[c]!) worst[c] = v;
      }
    });
    for (const row of scope) {
      const total = presentShare[row]!;
      if (!(total > 0)) continue;
      let plus = 0;
      let minus = 0;
      children.forEach((child, c) => {
        if (child.scores[row]! !== child.scores[row]!) return;
        const w = shareOn(child, row) / total;
        const v = r(c, row);
        // A row left unscored is not among the compared rows, so it can lie outside [A⁻, A⁺]; clamp so its (discarded) score stays defined.
        plus += (w * (Math.max(best[c]!, v) - v)) ** 2;
        minus += (w * (v - Math.min(worst[c]!, v))) ** 2;
      });
      const dPlus = Math.sqrt(plus);
      const dMinus = Math.sqrt(minus);
      out[row] = dPlus + dMinus > 0 ? (dMinus / (dPlus + dMinus)) * scale : 0.5 * scale;
    }
  }
}
