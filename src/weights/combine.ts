/**
 * Combined subjective–objective weighting (组合赋权): a weighted arithmetic mean of the weight
 * vectors of several methods, w_j = Σ_m s_m w_j^(m) / Σ_m s_m. The shares are renormalised so
 * that `0.5, 0.5` and `1, 1` mean the same; since each w^(m) sums to 1, so does w.
 */

export interface CombinePart {
  readonly share: number;
  readonly weights: readonly number[];
}

export function combineWeights(parts: readonly CombinePart[]): number[] {
  const totalShare = parts.reduce((sum, part) => sum + part.share, 0);
  const size = parts[0]?.weights.length ?? 0;
  const combined = new Array<number>(size).fill(0);
  for (const part of parts) {
    for (let j = 0; j < size; j++) combined[j]! += (part.share / totalShare) * part.weights[j]!;
  }
  return combined;
}
