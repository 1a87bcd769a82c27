/**
 * Grey relational analysis (Deng Julong) as a group aggregation: the group's score is the
 * region's grey relational grade to the ideal sequence of its scope. Children's scores are
 * already on one scale with their direction applied, so no further normalisation is needed
 * (the coefficient is scale-free anyway).
 */
import type { AggregateBuffers, AggregateChild } from './aggregate.js';
import { comparedRows, presentShares, shareOn } from './mcda-rows.js';

/**
 * For each scope: the ideal sequence x₀_j = max_i x_ij over the compared rows; Δ_ij = |x₀_j − x_ij|;
 * Δmin and Δmax over every compared row and present child; the grey relational coefficient
 * ξ_ij = (Δmin + ρΔmax)/(Δ_ij + ρΔmax) (1 everywhere when Δmax = 0); the grade
 * γ_i = Σ_j w_j ξ_ij with w renormalised over the row's present children; the score γ × scale.
 */
export function aggregateGreyRelational(
  children: readonly AggregateChild[],
  scopes: readonly Uint32Array[],
  unscored: Uint8Array,
  rho: number,
  scale: number,
  buffers: Pick<AggregateBuffers, 'out' | 'presentShare'>,
): void {
  const { out, presentShare } = buffers;
  out.fill(NaN);
  presentShare.fill(0);
  for (const scope of scopes) {
    const rows = comparedRows(scope, unscored);
    presentShares(children, scope, presentShare);
    const ideal = children.map(({ scores }) => {
      let best = -Infinity;
      for (const row of rows) if (scores[row]! > best) best = scores[row]!;
      return best;
    });
    let deltaMin = Infinity;
    let deltaMax = -Infinity;
    children.forEach(({ scores }, c) => {
      for (const row of rows) {
        const x = scores[row]!;
        if (x !== x) continue;
        const delta = ideal[c]! - x;
        if (delta < deltaMin) deltaMin = delta;
        if (delta > deltaMax) deltaMax = delta;
      }
    });
    for (const row of scope) {
      const total = presentShare[row]!;
      if (!(total > 0)) continue;
      let grade = 0;
      children.forEach((child, c) => {
        const x = child.scores[row]!;
        if (x !== x) return;
        const delta = Math.abs(ideal[c]! - x);
        const xi = deltaMax > 0 ? (deltaMin + rho * deltaMax) / (delta + rho * deltaMax) : 1;
        grade += (shareOn(child, row) / total) * xi;
      });
      // ξ ≤ 1 in exact arithmetic; keep a rounding excess from leaving [0, scale].
      out[row] = Math.min(grade, 1) * scale;
    }
  }
}
